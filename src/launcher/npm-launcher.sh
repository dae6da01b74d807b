# The first lines of the npm package's dist/docker-container-init, which is at
# once a POSIX shell script and the init's JavaScript (build.mjs writes it):
# sh runs the lines up to `exec`, node skips them as a comment.
#
# The app's Node.js settings are the app's (SPEC §13): NODE_OPTIONS (a
# --require of an APM agent, --import docker-container-init/register,
# --inspect), NODE_EXTRA_CA_CERTS, NODE_DEBUG and every other variable Node
# reads would act on the init itself, before any of its code runs. So they
# are set aside under a prefix (build.mjs fills in the names and the prefix
# from src/boot/node-settings.json), and the init hands
# them back, byte for byte, to the programs it starts
# (src/boot/kept-environment.ts). Builtins only: no subshell, so nothing here
# waits for (and reaps) a child that the init should see.
for name in @NODE_SETTINGS@; do
  eval "[ -n \"\${$name+set}\" ]" || continue
  eval "@KEPT_PREFIX@$name=\$$name; export @KEPT_PREFIX@$name; unset $name"
done
exec node "$0" "$@"
