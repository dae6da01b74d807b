/* stamp OUT: writes the moment it started (CLOCK_MONOTONIC ns) to OUT, and
 * exits 0: the command of the "exec to command started" benchmark. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  if (argc < 2) return 98;
  char line[32];
  int n = snprintf(line, sizeof line, "%lld\n", ts.tv_sec * 1000000000LL + ts.tv_nsec);
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
  (void)!write(fd, line, n);
  return 0;
}
