// SPDX-License-Identifier: GPL-2.0
/*
 * as-user: run a command as another user, for the end-to-end checks of who
 * may read the fuses (tests/e2e/access.sh); the guest has no /etc/passwd
 * for su.
 *
 *   as-user UID COMMAND [ARG...]
 *
 * Drops the supplementary groups, then takes UID as group and user id,
 * then runs COMMAND.  Exit status 127 when it cannot.  Built static for
 * the QEMU guest by scripts/qemu-test.sh.
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *end;
	long uid;

	if (argc < 3) {
		fprintf(stderr, "usage: as-user UID COMMAND [ARG...]\n");
		return 127;
	}
	uid = strtol(argv[1], &end, 10);
	if (*end || uid <= 0) {
		fprintf(stderr, "as-user: %s is no user id above 0\n", argv[1]);
		return 127;
	}
	if (setgroups(0, NULL) || setgid(uid) || setuid(uid)) {
		perror("as-user");
		return 127;
	}
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return 127;
}
