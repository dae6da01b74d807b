// The Compose vocabulary a services file may use (SPEC §17): the keys of a
// Compose service that make sense inside one container, and those that cannot
// (they describe the container itself: its image, its ports, its network).
// A key outside both is not Compose's: an error too (a typo, most likely).
// `x-` keys are ignored, as Compose ignores them.

/** The service keys the init reads. */
export const SERVICE_KEYS = new Set([
  'command',
  'entrypoint',
  'environment',
  'env_file',
  'working_dir',
  'user',
  'group_add',
  'stop_signal',
  'stop_grace_period',
  'restart',
  'depends_on',
  'healthcheck',
  'profiles',
  'scale',
  'deploy',
  'post_start',
  'pre_stop',
]);

/** Compose's other service keys: they configure the container, which the init runs inside of. */
export const CONTAINER_KEYS = new Set([
  'annotations', 'attach', 'blkio_config', 'build', 'cap_add', 'cap_drop', 'cgroup', 'cgroup_parent', 'configs',
  'container_name', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpu_shares',
  'cpus', 'cpuset', 'credential_spec', 'develop', 'device_cgroup_rules', 'devices', 'dns', 'dns_opt', 'dns_search',
  'domainname', 'driver_opts', 'expose', 'extends', 'external_links', 'extra_hosts', 'gpus', 'hostname', 'image', 'init',
  'ipc', 'isolation', 'labels', 'label_file', 'links', 'logging', 'mac_address', 'mem_limit', 'mem_reservation',
  'mem_swappiness', 'memswap_limit', 'models', 'network_mode', 'networks', 'oom_kill_disable', 'oom_score_adj', 'pid',
  'pids_limit', 'platform', 'ports', 'privileged', 'provider', 'pull_policy',
  'read_only', 'runtime', 'scale', 'secrets', 'security_opt', 'shm_size', 'stdin_open', 'storage_opt', 'sysctls', 'tmpfs',
  'tty', 'ulimits', 'use_api_socket', 'userns_mode', 'uts', 'volumes', 'volumes_from',
]);

/** Top-level keys of a Compose file besides `services`: read and ignored, or refused. */
export const IGNORED_TOP_LEVEL = new Set(['version', 'name']);
export const CONTAINER_TOP_LEVEL = new Set(['volumes', 'networks', 'configs', 'secrets', 'include', 'models']);

export const HEALTHCHECK_KEYS = new Set(['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']);
export const DEPENDENCY_KEYS = new Set(['condition', 'required', 'restart']);
export const ENV_FILE_KEYS = new Set(['path', 'required', 'format']);
export const HOOK_KEYS = new Set(['command', 'user', 'privileged', 'working_dir', 'environment']);

/** The init's own key (an extension field, which Compose ignores) and what it may hold. */
export const INIT_KEY = 'x-docker-container-init';
export const INIT_KEYS = new Set(['output']);

export const isExtension = (key: string): boolean => key.startsWith('x-');
