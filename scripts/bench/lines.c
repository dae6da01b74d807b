/* lines COUNT SIZE: writes COUNT lines of SIZE bytes (SIZE-1 'x' and a
 * newline) to stdout, in large writes, as fast as the reader takes them; COUNT
 * 0 writes for ever. The service of the output benchmarks. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 3) return 98;
  long count = atol(argv[1]);
  int size = atoi(argv[2]);
  int per = 65536 / size;
  char *block = malloc((size_t)per * size);
  for (int i = 0; i < per; i++) {
    memset(block + (size_t)i * size, 'x', size - 1);
    block[(size_t)i * size + size - 1] = '\n';
  }
  for (long done = 0; count == 0 || done < count;) {
    long lines = count == 0 || count - done > per ? per : count - done;
    size_t left = (size_t)lines * size;
    char *at = block;
    while (left > 0) {
      ssize_t n = write(1, at, left);
      if (n <= 0) return 1;
      at += n;
      left -= n;
    }
    done += lines;
  }
  return 0;
}
