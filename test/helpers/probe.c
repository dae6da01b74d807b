/* probe: prints, as one JSON line on stdout (or to the file in $PROBE_OUT),
 * what a command sees of itself at exec time: pids, process group, session,
 * cwd, open descriptors with their flags, and signal dispositions and mask.
 * Then exits with the status given as argv[1] (default 0), after sleeping
 * argv[2] milliseconds if given. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void status_field(FILE *out, const char *name) {
  char line[256];
  FILE *f = fopen("/proc/self/status", "r");
  size_t n = strlen(name);
  while (f && fgets(line, sizeof line, f)) {
    if (strncmp(line, name, n) == 0 && line[n] == ':') {
      char *v = line + n + 1;
      while (*v == '\t' || *v == ' ') v++;
      v[strcspn(v, "\n")] = 0;
      fprintf(out, "\"%s\":\"%s\",", name, v);
    }
  }
  if (f) fclose(f);
}

int main(int argc, char **argv) {
  /* Collect descriptors before opening anything ourselves. */
  int fds[1024], nfds = 0;
  for (int fd = 0; fd < 1024; fd++)
    if (fcntl(fd, F_GETFD) != -1) fds[nfds++] = fd;

  const char *path = getenv("PROBE_OUT");
  FILE *out = path ? fopen(path, "w") : stdout;
  if (!out) return 99;
  char cwd[4096] = "";
  if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, "?");
  fprintf(out, "{\"pid\":%d,\"ppid\":%d,\"pgid\":%d,\"sid\":%d,\"cwd\":\"%s\",", getpid(), getppid(), getpgrp(), getsid(0), cwd);
  status_field(out, "SigBlk");
  status_field(out, "SigIgn");
  status_field(out, "SigCgt");
  fprintf(out, "\"fds\":[");
  for (int i = 0; i < nfds; i++) {
    char link[64], target[4096] = "";
    snprintf(link, sizeof link, "/proc/self/fd/%d", fds[i]);
    ssize_t len = readlink(link, target, sizeof target - 1);
    if (len >= 0) target[len] = 0;
    int fl = fcntl(fds[i], F_GETFL);
    fprintf(out, "%s{\"fd\":%d,\"target\":\"%s\",\"nonblock\":%s}", i ? "," : "", fds[i], target,
            (fl & O_NONBLOCK) ? "true" : "false");
  }
  fprintf(out, "]}\n");
  fclose(out);
  if (argc > 2) usleep(atoi(argv[2]) * 1000);
  return argc > 1 ? atoi(argv[1]) : 0;
}
