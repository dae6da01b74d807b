/* service LOG: a service for the shutdown benchmark. Appends "up" to LOG when
 * it runs and "down" when SIGTERM makes it exit (a graceful stop); a SIGKILL
 * leaves no "down". */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int log_fd;

static void stop(int sig) {
  (void)sig;
  (void)!write(log_fd, "down\n", 5);
  _exit(0);
}

int main(int argc, char **argv) {
  if (argc < 2) return 98;
  log_fd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND, 0644);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = stop;
  sigaction(SIGTERM, &sa, NULL);
  (void)!write(log_fd, "up\n", 3);
  for (;;) pause();
}
