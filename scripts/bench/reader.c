/* The reading end of bench part (i): reads its stdin (a FIFO) at full speed
 * until `count` newlines have come, then prints the nanoseconds from the first
 * byte read to the last of them. With PIPE_BYTES, the FIFO is first made to
 * hold that much (F_SETPIPE_SZ), as docker-container-init makes the pipes it
 * writes to. A C reader, so that the reading is never what
 * limits the rate measured (a node reader counted about 7 million lines a
 * second, below what cat passes on). Exits 1, printing how many came, if the
 * stream ends first. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: reader COUNT [PIPE_BYTES]\n");
    return 2;
  }
  if (argc == 3 && fcntl(0, F_SETPIPE_SZ, atoi(argv[2])) < 0) {
    perror("reader: F_SETPIPE_SZ");
    return 2;
  }
  long long count = atoll(argv[1]), seen = 0, first = 0;
  /* The FIFO was opened without blocking (so that opening it did not wait for a writer); reads here should wait. */
  fcntl(0, F_SETFL, fcntl(0, F_GETFL) & ~O_NONBLOCK);
  static char buffer[256 * 1024];
  for (;;) {
    ssize_t n = read(0, buffer, sizeof buffer);
    if (n <= 0) {
      printf("short %lld\n", seen);
      return 1;
    }
    if (first == 0) first = now_ns();
    for (char *at = buffer, *end = buffer + n; (at = memchr(at, '\n', end - at)) != NULL; at++) {
      if (++seen == count) {
        printf("%lld\n", now_ns() - first);
        return 0;
      }
    }
  }
}
