/* churn: makes short-lived orphans without end (one every millisecond or so),
 * so that the init reaps continuously while a test does something else. Each
 * middle child forks a grandchild that exits at once, then exits itself. */
#define _GNU_SOURCE
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  for (;;) {
    pid_t middle = fork();
    if (middle == 0) {
      if (fork() == 0) _exit(0);
      _exit(0);
    }
    if (middle > 0) waitpid(middle, NULL, 0);
    usleep(1000);
  }
}
