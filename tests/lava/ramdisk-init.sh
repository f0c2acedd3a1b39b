#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# /init of the QEMU ramdisk of the LAVA job (make lava-check): the same
# busybox and mounts as make check's /init (tests/guest-init.sh), then a
# shell on the console for LAVA, which runs the tests itself (its overlay
# and our modules overlay are added to this cpio by the dispatcher).
/bin/busybox mkdir -p /usr/bin /usr/sbin /sbin
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/ TERM=dumb
mkdir -p /proc /sys /dev /tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
echo 1 > /proc/sys/kernel/printk_ratelimit 2>/dev/null
echo "otp-lava: ramdisk of $(uname -r) $(uname -m) ready"
export PS1='otp-lava:/# '
cd /
# A controlling terminal when busybox can give one; a plain shell else.
if [ -x /bin/setsid ] && [ -x /bin/cttyhack ]; then
	exec setsid cttyhack /bin/sh
fi
exec /bin/sh
