/* sigflood PID TOTAL BURST GAP_MS SIG [SIG...]: sends TOTAL signals to PID,
 * cycling through the SIGs, in bursts of BURST with GAP_MS milliseconds
 * between bursts (0: no pause at all). Prints how many of each it sent, one
 * "<signum> <count>" line per signal. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 6) return 98;
  pid_t pid = atoi(argv[1]);
  long total = atol(argv[2]), burst = atol(argv[3]), gap = atol(argv[4]);
  int nsigs = argc - 5;
  long sent[65] = {0};
  for (long i = 0; i < total; i++) {
    int sig = atoi(argv[5 + i % nsigs]);
    if (kill(pid, sig) != 0) { perror("kill"); return 1; }
    sent[sig]++;
    if (gap > 0 && burst > 0 && (i + 1) % burst == 0) usleep(gap * 1000);
  }
  for (int s = 1; s <= 64; s++) if (sent[s]) printf("%d %ld\n", s, sent[s]);
  return 0;
}
