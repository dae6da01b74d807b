/* sigrecord LOG [TERM_DELAY_MS]: catches every catchable signal and appends
 * one line per receipt to LOG ("<signum>\n"), after writing "ready\n" once its
 * handlers are in place. On SIGTERM it records, then exits 0 after
 * TERM_DELAY_MS milliseconds (default: it keeps running). Used to check what
 * reaches a command, and how many times. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int log_fd = -1;
static volatile sig_atomic_t term_seen = 0;

static void record(int sig) {
  char buf[8];
  int n = 0, v = sig;
  char tmp[8];
  do { tmp[n++] = '0' + v % 10; v /= 10; } while (v);
  for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
  buf[n++] = '\n';
  (void)!write(log_fd, buf, n);
  if (sig == SIGTERM) term_seen = 1;
}

int main(int argc, char **argv) {
  if (argc < 2) return 98;
  log_fd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (log_fd < 0) return 99;
  long term_delay = argc > 2 ? atol(argv[2]) : -1;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = record;
  sigfillset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  for (int sig = 1; sig < NSIG; sig++) {
    if (sig == SIGKILL || sig == SIGSTOP || sig == SIGCHLD) continue;
    sigaction(sig, &sa, NULL); /* glibc's internal 32/33 fail: fine */
  }
  (void)!write(log_fd, "ready\n", 6);
  for (;;) {
    pause();
    if (term_seen && term_delay >= 0) {
      struct timespec ts = { term_delay / 1000, (term_delay % 1000) * 1000000L };
      while (nanosleep(&ts, &ts) == -1) {}
      return 0;
    }
  }
}
