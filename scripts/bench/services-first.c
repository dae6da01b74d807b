/* services-first spawn|fork N LOG -- CMD...: the least any init can do that
 * starts N services before its command, as SPEC 17 orders (the command starts
 * after every service): N copies of `service LOG.i` (service.c, next to this
 * program), each once the one before has started, then CMD; it waits for CMD
 * and exits 0. "spawn" starts each with posix_spawn, which returns once the
 * child has exec'd (as the init's own spawns do); "fork" with fork and execv,
 * which returns before the child execs (as tini's and dumb-init's do). Part (j)
 * of npm run bench times CMD's start under it with N = 10 and N = 0: the
 * difference is what the ten services' own starts cost the command on this
 * machine, whatever the init is written in. */
#define _GNU_SOURCE
#include <libgen.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static pid_t start(int use_fork, char **argv) {
  pid_t pid = -1;
  if (!use_fork) return posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ) == 0 ? pid : -1;
  pid = fork();
  if (pid == 0) {
    execvp(argv[0], argv);
    _exit(127);
  }
  return pid;
}

int main(int argc, char **argv) {
  if (argc < 6 || strcmp(argv[4], "--") != 0) return 98;
  int use_fork = strcmp(argv[1], "fork") == 0;
  int count = atoi(argv[2]);
  char self[PATH_MAX], service[PATH_MAX + 16], log[PATH_MAX + 16];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n < 0) return 98;
  self[n] = '\0';
  snprintf(service, sizeof service, "%s/service", dirname(self));
  for (int i = 0; i < count; i++) {
    snprintf(log, sizeof log, "%s.%d", argv[3], i);
    char *words[] = {service, log, NULL};
    if (start(use_fork, words) < 0) return 97;
  }
  pid_t command = start(use_fork, argv + 5);
  if (command < 0) return 97;
  int status;
  while (waitpid(command, &status, 0) < 0) continue;
  return 0;
}
