# SPDX-License-Identifier: GPL-2.0
# Sourced first by both guest /init scripts, installed as /etc/otp-setup.sh:
# make check's (tests/guest-init.sh) and the LAVA ramdisk's
# (tests/lava/ramdisk-init.sh).  Busybox's applets, the kernel's
# filesystems, and what udev/systemd give on a board: the seed's
# "dd of=/dev/stdout" needs the /dev/std* links.
/bin/busybox mkdir -p /usr/bin /usr/sbin /sbin
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/ TERM=dumb
mkdir -p /proc /sys /dev /tmp
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug
# /tmp stays on the initramfs (no tmpfs in the test kernel).
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
# Every kernel line the tests look for reaches the log.
echo 1 > /proc/sys/kernel/printk_ratelimit 2>/dev/null
