/* latency: signal forwarding latency, both ends, on CLOCK_MONOTONIC (one
 * clock for the whole machine, PID namespaces included).
 *   latency recv OUT          the command: appends the arrival time of every
 *                             SIGUSR1 to OUT (ns, one per line); exits on SIGTERM.
 *   latency send PID N US OUT sends N SIGUSR1 to PID, US microseconds apart,
 *                             and writes each send time to OUT. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int out = -1;

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void arrived(int sig) {
  (void)sig;
  char buf[32];
  long long t = now_ns();
  int n = 0;
  char tmp[32];
  do { tmp[n++] = '0' + t % 10; t /= 10; } while (t);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n++] = '\n';
  (void)!write(out, buf, n);
}

static void leave(int sig) { (void)sig; _exit(0); }

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "recv") == 0) {
    out = open(argv[2], O_WRONLY | O_CREAT | O_APPEND, 0644);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = arrived;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = leave;
    sigaction(SIGTERM, &sa, NULL);
    (void)!write(out, "ready\n", 6);
    for (;;) pause();
  }
  if (argc == 6 && strcmp(argv[1], "send") == 0) {
    pid_t pid = atoi(argv[2]);
    int n = atoi(argv[3]), gap = atoi(argv[4]);
    FILE *f = fopen(argv[5], "w");
    for (int i = 0; i < n; i++) {
      long long t = now_ns();
      if (kill(pid, SIGUSR1) != 0) { perror("kill"); return 1; }
      fprintf(f, "%lld\n", t);
      usleep(gap);
    }
    fclose(f);
    return 0;
  }
  fprintf(stderr, "usage: latency recv OUT | latency send PID N US OUT\n");
  return 2;
}
