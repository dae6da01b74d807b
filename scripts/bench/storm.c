/* storm N: the reap-storm probe, run as the command of the init under test.
 * Makes N orphans (middle children exit at once, so the grandchildren are
 * re-parented to PID 1), all blocked on a pipe; then releases them together
 * and polls /proc until no process but the ones present before is left, i.e.
 * the init has reaped every orphan. Prints the milliseconds that took. */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int processes(void) {
  int n = 0;
  DIR *proc = opendir("/proc");
  struct dirent *e;
  while ((e = readdir(proc)))
    if (isdigit((unsigned char)e->d_name[0])) n++;
  closedir(proc);
  return n;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 5000;
  int base = processes();
  int gate[2];
  if (pipe(gate) != 0) return 97;
  for (int i = 0; i < n; i++) {
    pid_t middle = fork();
    if (middle < 0) { perror("fork"); return 96; }
    if (middle == 0) {
      if (fork() == 0) {
        char c;
        close(gate[1]);
        (void)!read(gate[0], &c, 1);
        _exit(0);
      }
      _exit(0);
    }
    waitpid(middle, NULL, 0);
  }
  double start = now_ms();
  close(gate[0]);
  close(gate[1]);
  while (processes() > base) usleep(200);
  printf("%.3f\n", now_ms() - start);
  return 0;
}
