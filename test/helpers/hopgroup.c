/* hopgroup CMD [ARGS...]: leaves the process group it leads for another one,
 * so that no process is left in the old group, then execs CMD. Started with
 * -g (its own group, pgid = its pid), it makes kill(-pid, ...) fail with ESRCH.
 * A child process leads the new group and stays until the hopper exits. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 98;
  int ready[2];
  if (pipe(ready) != 0) return 97;
  pid_t leader = fork();
  if (leader == 0) {
    char c = 0;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    setpgid(0, 0);
    (void)!write(ready[1], &c, 1);
    for (;;) pause();
  }
  char c;
  (void)!read(ready[0], &c, 1);
  if (setpgid(0, leader) != 0) { perror("setpgid"); return 96; }
  execvp(argv[1], argv + 1);
  return 127;
}
