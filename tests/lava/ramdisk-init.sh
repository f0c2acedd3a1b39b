#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# /init of the QEMU ramdisk of the LAVA job (make lava-check): the same
# busybox and mounts as make check's /init (tests/guest-setup.sh), then a
# shell on the console for LAVA, which runs the tests itself (its overlay
# and our modules overlay are added to this cpio by the dispatcher).
. /etc/otp-setup.sh
echo "otp-lava: ramdisk of $(uname -r) $(uname -m) ready"
export PS1='otp-lava:/# '
cd /
# A controlling terminal when busybox can give one; a plain shell else.
if [ -x /bin/setsid ] && [ -x /bin/cttyhack ]; then
	exec setsid cttyhack /bin/sh
fi
exec /bin/sh
