/* rootstay LOG: installed set-user-ID root by the tests. Becomes root through
 * and through (real, effective and saved uid), so that an unprivileged init may
 * no longer signal it, then records signals like sigrecord (exec'd). */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 98;
  if (setresuid(0, 0, 0) != 0) { perror("setresuid"); return 96; }
  char *args[] = { SIGRECORD, argv[1], NULL };
  execv(SIGRECORD, args);
  return 127;
}
