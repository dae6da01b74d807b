/* crasher LOG RUN_MS: a service that crashes, for the supervision benchmark.
 * Appends "start <ns>" to LOG as it starts, runs RUN_MS milliseconds, appends
 * "exit <ns>" and exits 1 (CLOCK_MONOTONIC: one clock for the machine). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void note(int fd, const char *what) {
  char line[64];
  int n = snprintf(line, sizeof line, "%s %lld\n", what, now_ns());
  (void)!write(fd, line, n);
}

int main(int argc, char **argv) {
  if (argc < 3) return 98;
  int fd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND, 0644);
  note(fd, "start");
  usleep(atoi(argv[2]) * 1000);
  note(fd, "exit");
  return 1;
}
