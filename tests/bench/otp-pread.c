// SPDX-License-Identifier: GPL-2.0
/*
 * otp-pread: time pread() on an NVMEM sysfs file, for "make bench".
 *
 *   otp-pread FILE OFFSET LENGTH ITERATIONS [RUNS]
 *
 * Opens FILE once, warms up, then runs RUNS timed loops of ITERATIONS
 * preads of LENGTH bytes at OFFSET and prints
 *
 *   all=<run1>,<run2>,... ns=<best> median=<median> runs=<RUNS>
 *   iters=<ITERATIONS> bytes=<LENGTH>
 *
 * (one line) where every figure is nanoseconds per pread: each run's, the
 * best and the median.  Every pread must return
 * LENGTH bytes; any other result is an error (exit status 1).
 * Built static for the QEMU guest: aarch64-linux-gnu-gcc -O2 -static.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 64

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int cmp_ull(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a;
	unsigned long long y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

static int read_loop(int fd, char *buf, size_t len, off_t off, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		ssize_t r = pread(fd, buf, len, off);

		if (r != (ssize_t)len) {
			fprintf(stderr, "otp-pread: pread(%zu @ %lld) = %zd (%s)\n",
				len, (long long)off, r,
				r < 0 ? strerror(errno) : "short read");
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long per[MAX_RUNS], t0;
	long iters, runs = 7, r;
	size_t len;
	off_t off;
	char *buf;
	int fd;

	if (argc < 5 || argc > 6) {
		fprintf(stderr, "usage: %s FILE OFFSET LENGTH ITERATIONS [RUNS]\n",
			argv[0]);
		return 2;
	}
	off = strtoll(argv[2], NULL, 0);
	len = strtoul(argv[3], NULL, 0);
	iters = strtol(argv[4], NULL, 0);
	if (argc == 6)
		runs = strtol(argv[5], NULL, 0);
	if (!len || iters < 1 || runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "otp-pread: bad arguments\n");
		return 2;
	}

	buf = malloc(len);
	fd = open(argv[1], O_RDONLY);
	if (!buf || fd < 0) {
		perror(argv[1]);
		return 1;
	}

	/* Warm up: caches, TLBs, the emulator's translated blocks. */
	if (read_loop(fd, buf, len, off, iters / 10 + 1))
		return 1;

	for (r = 0; r < runs; r++) {
		t0 = now_ns();
		if (read_loop(fd, buf, len, off, iters))
			return 1;
		per[r] = (now_ns() - t0) / iters;
	}
	printf("all=");
	for (r = 0; r < runs; r++)
		printf("%s%llu", r ? "," : "", per[r]);
	qsort(per, runs, sizeof(per[0]), cmp_ull);
	printf(" ns=%llu median=%llu runs=%ld iters=%ld bytes=%zu\n",
	       per[0], per[runs / 2], runs, iters, len);
	close(fd);
	free(buf);
	return 0;
}
