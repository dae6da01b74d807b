/* orphans N STATUS [HOLD [SPREAD_MS [STAYING]]]: makes N orphans that exit together.
 * Each of N middle children forks one grandchild and exits at once, so the
 * grandchild is re-parented to the init (PID 1 or the child subreaper). The
 * grandchildren block on a pipe; when every middle child is gone, closing the
 * pipe releases them together, and each exits at once or, with SPREAD_MS, after
 * a random delay up to SPREAD_MS milliseconds. The first STAYING of them never
 * exit on their own: they wait for a signal to end them (the init's broadcast),
 * so a test knows by construction that some were still there.
 * Prints N to stdout on release, then exits with STATUS after HOLD milliseconds
 * (default at once); with HOLD "all", once every orphan that does not stay has
 * exited (each holds one end of a second pipe until it exits); with HOLD
 * "reaped", once the init has also reaped them all (no zombie child of the
 * init is left in /proc). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>

/* Whether a child of `parent` is a zombie, as /proc shows it. */
static int zombie_child_of(pid_t parent) {
  DIR *proc = opendir("/proc");
  struct dirent *entry;
  int found = 0;
  while (!found && proc && (entry = readdir(proc))) {
    char path[300], line[512];
    snprintf(path, sizeof path, "/proc/%s/stat", entry->d_name);
    FILE *stat = fopen(path, "r");
    if (!stat) continue;
    if (fgets(line, sizeof line, stat)) {
      char state;
      int ppid;
      char *close = strrchr(line, ')');
      if (close && sscanf(close + 2, "%c %d", &state, &ppid) == 2 && state == 'Z' && ppid == parent) found = 1;
    }
    fclose(stat);
  }
  if (proc) closedir(proc);
  return found;
}

int main(int argc, char **argv) {
  if (argc < 3) return 98;
  int n = atoi(argv[1]), status = atoi(argv[2]);
  int reaped = argc > 3 && strcmp(argv[3], "reaped") == 0;
  int all = reaped || (argc > 3 && strcmp(argv[3], "all") == 0);
  int hold = argc > 3 && !all ? atoi(argv[3]) : 0, spread = argc > 4 ? atoi(argv[4]) : 0;
  int staying = argc > 5 ? atoi(argv[5]) : 0;
  int gate[2], done[2];
  if (pipe(gate) != 0 || pipe(done) != 0) return 97;
  for (int i = 0; i < n; i++) {
    pid_t middle = fork();
    if (middle < 0) { perror("fork"); return 96; }
    if (middle == 0) {
      if (fork() == 0) {
        char c;
        close(gate[1]);
        close(done[0]);
        if (i < staying) close(done[1]);
        srand(getpid());
        int delay = spread > 0 ? rand() % spread : 0;
        (void)!read(gate[0], &c, 1);
        if (i < staying) for (;;) pause();
        if (delay) usleep(delay * 1000);
        _exit(0);
      }
      _exit(0);
    }
    waitpid(middle, NULL, 0);
  }
  close(gate[0]);
  close(gate[1]);
  close(done[1]);
  printf("%d\n", n);
  fflush(stdout);
  if (all) {
    char c;
    while (read(done[0], &c, 1) > 0) {}
  }
  while (reaped && zombie_child_of(getppid())) usleep(1000);
  if (hold) usleep(hold * 1000);
  return status;
}
