// SPDX-License-Identifier: GPL-2.0
/*
 * otp-reader: a reader that keeps an NVMEM file open while its provider
 * is unbound and bound again, or its module removed and inserted again
 * (tests/e2e/teardown.sh).
 *
 *   otp-reader PATTERN REFERENCE STOPFILE
 *
 * PATTERN is a glob for the nvmem file, such as
 * /sys/bus/platform/devices/7f010000.ocotp-ctrl/STAR/nvmem with STAR a
 * '*': a kernel that delays releases names each bind's NVMEM device anew.
 * REFERENCE is a file with what the first bytes of the nvmem file read
 * before (taken by the caller while the device was bound).  Until
 * STOPFILE exists, the reader reads as many bytes through the same open
 * file, in turn whole and as 7 bytes at offset 5 (partial words at both
 * ends).  Each read must give the reference bytes, or fail with ENODEV:
 * kernfs answers that once the file has been removed under an open
 * descriptor, and the providers once they are gone
 * (drivers/otp-provider.c).  The reader opens the file as soon as it is
 * there, and again after ENODEV.  Any other result (another errno, a
 * short read, other bytes) is an anomaly: a teardown that loses or tears
 * data.
 *
 * Prints one line per anomaly (at most 10) and last
 *
 *   reads=N same=N enodev=N opens=N anomalies=N
 *
 * Exit status 0 when it ran, 2 on bad usage or an unreadable reference.
 * Built static for the QEMU guest by scripts/qemu-test.sh.
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_BYTES	4096
#define PART_OFF	5
#define PART_LEN	7

static unsigned long reads, same, enodev, opens, anomalies;

/* An open descriptor of the file PATTERN names now, or -1. */
static int open_match(const char *pattern)
{
	glob_t g;
	int fd = -1;

	if (glob(pattern, 0, NULL, &g))
		return -1;
	if (g.gl_pathc == 1)
		fd = open(g.gl_pathv[0], O_RDONLY);
	globfree(&g);
	return fd;
}

static void anomaly(const char *what, long rc, int err)
{
	if (++anomalies <= 10)
		printf("anomaly: %s returned %ld (%s)\n", what, rc,
		       rc < 0 ? strerror(err) : "other bytes or short");
}

int main(int argc, char **argv)
{
	unsigned char want[MAX_BYTES], got[MAX_BYTES];
	size_t off, n;
	long len, rc;
	int fd;

	if (argc != 4)
		goto usage;
	fd = open(argv[2], O_RDONLY);
	len = fd < 0 ? -1 : read(fd, want, sizeof(want));
	if (fd >= 0)
		close(fd);
	if (len < PART_OFF + PART_LEN)
		goto usage;
	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = -1;
	while (access(argv[3], F_OK)) {
		if (fd < 0) {
			fd = open_match(argv[1]);
			if (fd < 0) {
				usleep(100);
				continue;
			}
			opens++;
		}
		off = reads & 1 ? PART_OFF : 0;
		n = reads & 1 ? PART_LEN : (size_t)len;
		memset(got, 0, n);
		rc = pread(fd, got, n, off);
		reads++;
		if (rc == (long)n && !memcmp(got, want + off, n)) {
			same++;
		} else if (rc < 0 && errno == ENODEV) {
			enodev++;
			close(fd);
			fd = -1;
		} else {
			anomaly(off ? "partial read" : "whole read", rc, errno);
		}
	}
	printf("reads=%lu same=%lu enodev=%lu opens=%lu anomalies=%lu\n",
	       reads, same, enodev, opens, anomalies);
	return 0;
usage:
	fprintf(stderr, "usage: otp-reader PATTERN REFERENCE(%d..%d bytes) STOPFILE\n",
		PART_OFF + PART_LEN, MAX_BYTES);
	return 2;
}
