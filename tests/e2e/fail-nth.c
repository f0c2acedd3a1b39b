// SPDX-License-Identifier: GPL-2.0
/*
 * fail-nth: allocation-failure walks for tests/e2e/faults.sh.
 *
 *   fail-nth bind DRIVER DEVICE NVMEM CHECKLEN
 *   fail-nth read NVMEM LENGTH
 *   fail-nth write NVMEM OFFSET WORD DATAREG
 *
 * Each runs one system call again and again, with its 1st, 2nd, ... fault
 * point made to fail through /proc/thread-self/fail-nth, until a run no
 * longer reaches N (the semantics of that file: the kernel's
 * Documentation/fault-injection/fault-injection.rst).  The files are
 * opened before the fault is armed, so that the walk covers the one call
 * and what the kernel does for it: a bind (the provider's probe), a
 * whole-device read, a one-word write.  After each run:
 *
 *   bind: either the bind failed with an errno and left nothing behind (the
 *   device unbound, no NVMEM device under it), or it worked and the first
 *   CHECKLEN bytes of its NVMEM device read as NVMEM did before the walk.
 *   The NVMEM device is looked up under DEVICE, whatever its name: a
 *   kernel that delays releases (DEBUG_KOBJECT_RELEASE) gives a device
 *   bound again soon a new one.  The device is unbound before each run.
 *
 *   read: the read failed with an errno, or returned the data of a run
 *   without a fault.
 *
 *   write: a run that fails with an errno other than the one of the run
 *   without a fault (EIO: QEMU's RAM shadows never take a programmed
 *   word) must not have written the controller's DATA register at physical
 *   address DATAREG (set to 0 before each run, read through /dev/mem).
 *   One that ends with EIO survived a failure outside the write path.
 *
 * Prints one line per anomaly ("fault N: ...") and last
 *
 *   points=N refused=N survived=N anomalies=N [data=0x...]
 *
 * where data is DATAREG after the last run (the one without a fault).
 * Exit status 0 when the walk ran, 2 on bad usage or set-up failure.
 * Built static for the QEMU guest by scripts/qemu-test.sh.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAX_POINTS	3000
#define MAX_BYTES	4096

static int fail_fd;
static unsigned int points, refused, survived, anomalies;

static void die(const char *what)
{
	fprintf(stderr, "fail-nth: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void anomaly(unsigned int n, const char *fmt, ...)
{
	va_list ap;

	printf("fault %u: ", n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	anomalies++;
}

static void arm(unsigned int n)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%u", n);

	if (pwrite(fail_fd, buf, len, 0) != len)
		die("arming /proc/thread-self/fail-nth");
}

/* 1 when the armed fault was injected; disarms in any case. */
static int disarm(void)
{
	char buf[16] = "";
	ssize_t len = pread(fail_fd, buf, sizeof(buf) - 1, 0);

	if (len <= 0)
		die("reading /proc/thread-self/fail-nth");
	if (pwrite(fail_fd, "0", 1, 0) != 1)
		die("disarming /proc/thread-self/fail-nth");
	return strtoul(buf, NULL, 10) == 0;
}

static int open_or_die(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		die(path);
	return fd;
}

/* Bytes read from @path at 0, or -errno. */
static long read_file(const char *path, void *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	long rc;

	if (fd < 0)
		return -errno;
	rc = pread(fd, buf, len, 0);
	if (rc < 0)
		rc = -errno;
	close(fd);
	return rc;
}

static void write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0)
		return;
	if (write(fd, s, strlen(s)) < 0) {
		/* not bound: nothing to do */
	}
	close(fd);
}

/* The nvmem file of the NVMEM device under platform device @dev, if any. */
static int dev_nvmem(const char *dev, char *path, size_t size)
{
	char dir[256];
	struct dirent *e;
	int found = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), "/sys/bus/platform/devices/%s", dev);
	d = opendir(dir);
	if (!d)
		return 0;
	while (!found && (e = readdir(d))) {
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(path, size, "%s/%s/nvmem", dir, e->d_name);
		found = !access(path, F_OK);
	}
	closedir(d);
	return found;
}

static int walk_bind(const char *drv, const char *dev, const char *nvmem,
		     size_t len)
{
	char now[1024];
	unsigned char want[MAX_BYTES], got[MAX_BYTES];
	char bind[256], unbind[256], link[256];
	unsigned int n;
	long rc;
	int fd, injected;

	if (len > MAX_BYTES)
		return 2;
	snprintf(bind, sizeof(bind), "/sys/bus/platform/drivers/%s/bind", drv);
	snprintf(unbind, sizeof(unbind), "/sys/bus/platform/drivers/%s/unbind",
		 drv);
	snprintf(link, sizeof(link), "/sys/bus/platform/devices/%s/driver", dev);
	if (read_file(nvmem, want, len) != (long)len)
		die(nvmem);

	for (n = 1; n <= MAX_POINTS; n++) {
		if (!access(link, F_OK))
			write_str(unbind, dev);
		fd = open_or_die(bind, O_WRONLY);
		arm(n);
		rc = write(fd, dev, strlen(dev));
		if (rc < 0)
			rc = -errno;
		injected = disarm();
		close(fd);
		if (!injected) {
			if (rc != (long)strlen(dev))
				anomaly(n, "no fault, bind failed (%ld)", rc);
			break;
		}
		points++;
		if (rc == (long)strlen(dev)) {
			survived++;
			if (!dev_nvmem(dev, now, sizeof(now))) {
				anomaly(n, "bound, but no NVMEM device");
				continue;
			}
			rc = read_file(now, got, len);
			if (rc != (long)len || memcmp(got, want, len))
				anomaly(n, "bound, but %s reads %s", now,
					rc < 0 ? strerror(-rc) : "other data");
		} else {
			refused++;
			if (rc >= 0)
				anomaly(n, "bind wrote %ld bytes", rc);
			if (!access(link, F_OK))
				anomaly(n, "bind failed (%ld) but the device is bound", rc);
			if (dev_nvmem(dev, now, sizeof(now)))
				anomaly(n, "bind failed (%ld) but %s is left", rc, now);
		}
	}
	if (n > MAX_POINTS)
		anomaly(n, "no end after %u faults", MAX_POINTS);
	printf("points=%u refused=%u survived=%u anomalies=%u\n", points,
	       refused, survived, anomalies);
	return 0;
}

static int walk_read(const char *nvmem, size_t len)
{
	unsigned char want[MAX_BYTES], got[MAX_BYTES];
	unsigned int n;
	long rc;
	int fd, injected;

	if (len > MAX_BYTES)
		return 2;
	if (read_file(nvmem, want, len) != (long)len)
		die(nvmem);
	fd = open_or_die(nvmem, O_RDONLY);
	for (n = 1; n <= MAX_POINTS; n++) {
		memset(got, 0, len);
		arm(n);
		rc = pread(fd, got, len, 0);
		if (rc < 0)
			rc = -errno;
		injected = disarm();
		if (!injected) {
			if (rc != (long)len || memcmp(got, want, len))
				anomaly(n, "no fault, read returned %ld or other data", rc);
			break;
		}
		points++;
		if (rc < 0)
			refused++;
		else if (rc == (long)len && !memcmp(got, want, len))
			survived++;
		else
			anomaly(n, "read returned %ld bytes or other data", rc);
	}
	if (n > MAX_POINTS)
		anomaly(n, "no end after %u faults", MAX_POINTS);
	printf("points=%u refused=%u survived=%u anomalies=%u\n", points,
	       refused, survived, anomalies);
	return 0;
}

static int walk_write(const char *nvmem, off_t off, uint32_t word,
		      off_t datareg)
{
	long page = sysconf(_SC_PAGESIZE);
	volatile uint32_t *data;
	unsigned char val[4];
	unsigned int n, i;
	void *map;
	long rc;
	int fd, mem, injected;

	for (i = 0; i < 4; i++)
		val[i] = word >> (8 * i);
	mem = open_or_die("/dev/mem", O_RDWR | O_SYNC);
	map = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, mem,
		   datareg & ~(off_t)(page - 1));
	if (map == MAP_FAILED)
		die("mmap /dev/mem");
	data = (volatile uint32_t *)((char *)map + (datareg & (page - 1)));
	fd = open_or_die(nvmem, O_WRONLY);

	for (n = 1; n <= MAX_POINTS; n++) {
		*data = 0;
		arm(n);
		rc = pwrite(fd, val, 4, off);
		if (rc < 0)
			rc = -errno;
		injected = disarm();
		if (!injected) {
			if (rc != -EIO)
				anomaly(n, "no fault, write returned %ld, not -EIO", rc);
			break;
		}
		points++;
		if (rc == -EIO) {
			survived++;
		} else if (rc < 0) {
			refused++;
			if (*data)
				anomaly(n, "write failed (%ld), but DATA holds 0x%08x: a fuse word went to the controller",
					rc, *data);
		} else {
			anomaly(n, "write returned %ld", rc);
		}
	}
	if (n > MAX_POINTS)
		anomaly(n, "no end after %u faults", MAX_POINTS);
	printf("points=%u refused=%u survived=%u anomalies=%u data=0x%08x\n",
	       points, refused, survived, anomalies, *data);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	fail_fd = open_or_die("/proc/thread-self/fail-nth", O_RDWR);
	if (argc == 6 && !strcmp(argv[1], "bind"))
		return walk_bind(argv[2], argv[3], argv[4],
				 strtoul(argv[5], NULL, 0));
	if (argc == 4 && !strcmp(argv[1], "read"))
		return walk_read(argv[2], strtoul(argv[3], NULL, 0));
	if (argc == 6 && !strcmp(argv[1], "write"))
		return walk_write(argv[2], strtol(argv[3], NULL, 0),
				  strtoul(argv[4], NULL, 0),
				  strtol(argv[5], NULL, 0));
	fprintf(stderr, "usage: fail-nth bind DRIVER DEVICE NVMEM CHECKLEN | read NVMEM LENGTH | write NVMEM OFFSET WORD DATAREG\n");
	return 2;
}
