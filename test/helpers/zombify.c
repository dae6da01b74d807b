/* zombify N CMD [ARGS...]: forks N children that exit at once, waits until they
 * are zombies, then execs CMD in the same process. CMD inherits N zombie
 * children: what an init exec'd at the end of an entrypoint script finds when
 * the script's background jobs have already exited. (A shell would reap them
 * itself, which is why this is not a shell one-liner.) */
#define _GNU_SOURCE
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) return 98;
  int n = atoi(argv[1]);
  for (int i = 0; i < n; i++)
    if (fork() == 0) _exit(0);
  usleep(200 * 1000);
  execvp(argv[2], argv + 2);
  return 127;
}
