/* tgkill PID SIGNAL...: sends each signal, in order, to the main thread of
 * process PID alone (tgkill(2)), never to the process as a whole. A signal
 * sent to a process goes to any of its threads that does not block it, and
 * Node's worker threads block almost none: one of them may take it and hand it
 * to libuv only when it next runs. Sent to the main thread, a signal is taken
 * there as the thread returns to user space, before its next instruction. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: tgkill PID SIGNAL...\n");
    return 2;
  }
  pid_t pid = (pid_t)atoi(argv[1]);
  for (int i = 2; i < argc; i++) {
    if (syscall(SYS_tgkill, pid, pid, atoi(argv[i])) != 0) {
      perror("tgkill");
      return 1;
    }
  }
  return 0;
}
