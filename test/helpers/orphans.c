/* orphans N STATUS [HOLD_MS [SPREAD_MS]]: makes N orphans that exit together.
 * Each of N middle children forks one grandchild and exits at once, so the
 * grandchild is re-parented to the init (PID 1 or the child subreaper). The
 * grandchildren block on a pipe; when every middle child is gone, closing the
 * pipe releases them together, and each exits at once or, with SPREAD_MS, after
 * a random delay up to SPREAD_MS milliseconds. Prints N to stdout on release,
 * then exits with STATUS after HOLD_MS milliseconds (default at once). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) return 98;
  int n = atoi(argv[1]), status = atoi(argv[2]);
  int hold = argc > 3 ? atoi(argv[3]) : 0, spread = argc > 4 ? atoi(argv[4]) : 0;
  int gate[2];
  if (pipe(gate) != 0) return 97;
  for (int i = 0; i < n; i++) {
    pid_t middle = fork();
    if (middle < 0) { perror("fork"); return 96; }
    if (middle == 0) {
      if (fork() == 0) {
        char c;
        close(gate[1]);
        srand(getpid());
        int delay = spread > 0 ? rand() % spread : 0;
        (void)!read(gate[0], &c, 1);
        if (delay) usleep(delay * 1000);
        _exit(0);
      }
      _exit(0);
    }
    waitpid(middle, NULL, 0);
  }
  close(gate[0]);
  close(gate[1]);
  printf("%d\n", n);
  fflush(stdout);
  if (hold) usleep(hold * 1000);
  return status;
}
