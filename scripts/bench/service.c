/* service LOG [ignore | CODE]: a service for the shutdown benchmarks. Appends
 * "up" to LOG when it runs and "down" when SIGTERM makes it exit (a graceful
 * stop, with status CODE, 0 by default); a SIGKILL leaves no "down". With
 * "ignore" it ignores SIGTERM, and only SIGKILL ends it. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int log_fd;
static int code;

static void stop(int sig) {
  (void)sig;
  (void)!write(log_fd, "down\n", 5);
  _exit(code);
}

int main(int argc, char **argv) {
  if (argc < 2) return 98;
  log_fd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND, 0644);
  int ignore = argc > 2 && strcmp(argv[2], "ignore") == 0;
  if (argc > 2 && !ignore) code = atoi(argv[2]);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = ignore ? SIG_IGN : stop;
  sigaction(SIGTERM, &sa, NULL);
  (void)!write(log_fd, "up\n", 3);
  for (;;) pause();
}
