// The C library functions the init needs, each declared for koffi once, when
// it is first used.
// Buffers passed as pointers (sigset_t, posix_spawnattr_t, status ints) are
// owned by the callers in this folder.
import { koffi } from './koffi.js';
import { lazily } from './lazily.js';

const lib = koffi.load('libc.so.6');
// The running program as a whole (dlopen(NULL)). `environ` must be looked up
// here: node's executable holds a copy-relocated `environ` that the C library
// itself uses, while libc's own symbol stays empty.
const program = koffi.load(null);

export const libc = lazily({
  // Byte strings throughout (Buffers), never JavaScript strings: see spawn-command.ts.
  posix_spawnp: () => lib.func(
    'int posix_spawnp(_Out_ int *pid, const uint8_t *file, void *file_actions, void *attrp, void **argv, void *envp)',
  ),
  posix_spawnattr_init: () => lib.func('int posix_spawnattr_init(void *attr)'),
  posix_spawnattr_destroy: () => lib.func('int posix_spawnattr_destroy(void *attr)'),
  posix_spawnattr_setflags: () => lib.func('int posix_spawnattr_setflags(void *attr, short flags)'),
  posix_spawnattr_setpgroup: () => lib.func('int posix_spawnattr_setpgroup(void *attr, int pgroup)'),
  posix_spawnattr_setsigdefault: () => lib.func('int posix_spawnattr_setsigdefault(void *attr, const void *set)'),
  posix_spawnattr_setsigmask: () => lib.func('int posix_spawnattr_setsigmask(void *attr, const void *set)'),
  posix_spawn_file_actions_init: () => lib.func('int posix_spawn_file_actions_init(void *actions)'),
  posix_spawn_file_actions_destroy: () => lib.func('int posix_spawn_file_actions_destroy(void *actions)'),
  posix_spawn_file_actions_adddup2: () => lib.func('int posix_spawn_file_actions_adddup2(void *actions, int fd, int newfd)'),
  waitpid: () => lib.func('int waitpid(int pid, _Out_ int *status, int options)'),
  execve: () => lib.func('int execve(const uint8_t *path, void *argv, void *envp)'),
  kill: () => lib.func('int kill(int pid, int sig)'),
  getrlimit: () => lib.func('int getrlimit(int resource, _Out_ void *rlim)'),
  syscall: () => lib.func('long syscall(long number, ...)'),
  getresuid: () => lib.func('int getresuid(_Out_ uint32_t *ruid, _Out_ uint32_t *euid, _Out_ uint32_t *suid)'),
  getresgid: () => lib.func('int getresgid(_Out_ uint32_t *rgid, _Out_ uint32_t *egid, _Out_ uint32_t *sgid)'),
  getgroups: () => lib.func('int getgroups(int size, _Out_ uint32_t *list)'),
  write: () => lib.func('intptr_t write(int fd, const void *buf, size_t count)'),
  close: () => lib.func('int close(int fd)'),
  read: () => lib.func('intptr_t read(int fd, _Out_ void *buf, size_t count)'),
  pipe2: () => lib.func('int pipe2(_Out_ int *fds, int flags)'),
  send: () => lib.func('intptr_t send(int fd, const void *buf, size_t length, int flags)'),
  getsockopt: () => lib.func('int getsockopt(int fd, int level, int name, _Out_ void *value, _Inout_ uint32_t *length)'),
  epoll_create1: () => lib.func('int epoll_create1(int flags)'),
  epoll_ctl: () => lib.func('int epoll_ctl(int epfd, int op, int fd, void *event)'),
  epoll_wait: () => lib.func('int epoll_wait(int epfd, _Out_ void *events, int maxevents, int timeout)'),
  poll: () => lib.func('int poll(_Inout_ void *fds, unsigned long nfds, int timeout)'),
  fcntl: () => lib.func('int fcntl(int fd, int cmd, ...)'),
  ioctl: () => lib.func('int ioctl(int fd, unsigned long request, ...)'),
  sigaction: () => lib.func('int sigaction(int signum, const void *act, _Out_ void *oldact)'),
  prctl: () => lib.func('int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)'),
  prctlGet: () => lib.func('prctl', 'int', ['int', '_Out_ int *', 'unsigned long', 'unsigned long', 'unsigned long']),
  strerror: () => lib.func('const char *strerror(int errnum)'),
  isatty: () => lib.func('int isatty(int fd)'),
  tcgetpgrp: () => lib.func('int tcgetpgrp(int fd)'),
  tcsetpgrp: () => lib.func('int tcsetpgrp(int fd, int pgrp)'),
  tcgetsid: () => lib.func('int tcgetsid(int fd)'),
  getpgrp: () => lib.func('int getpgrp()'),
  getcwd: () => lib.func('void *getcwd(_Out_ uint8_t *buf, size_t size)'),
  pthread_sigmask: () => lib.func('int pthread_sigmask(int how, const void *set, _Out_ void *oldset)'),
  sigrtmin: () => lib.func('int __libc_current_sigrtmin()'),
  sigrtmax: () => lib.func('int __libc_current_sigrtmax()'),
  madvise: () => lib.func('int madvise(uintptr_t address, size_t length, int advice)'),
  environ: () => program.symbol('environ'),
});

/** A function the C library may not have (glibc-only extensions); undefined when it is missing. */
export function optionalFunction(prototype: string): ((...args: unknown[]) => unknown) | undefined {
  try {
    return lib.func(prototype) as (...args: unknown[]) => unknown;
  } catch {
    return undefined;
  }
}

export function errno(): number {
  return koffi.errno();
}

/** The C library's text for an errno value, e.g. "No such file or directory". */
export function strerror(code: number): string {
  return libc.strerror(code) as string;
}

/** The current value of the C `environ` pointer: the process environment, exactly as the C library has it. */
export function environPointer(): unknown {
  return koffi.decode(libc.environ, 'void *');
}
