#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make demo: build the 6.12 test kernel and our modules, boot QEMU through
# the bench firmware (a secure monitor with the STM32 SiP service, as TF-A
# on a board), insmod the modules and show what a user on the board sees.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
kver=${KVER:-6.12}
sh "$top/scripts/qemu-test.sh" "$kver" demo
log=$top/build/$kver/console-demo.log
echo "==== linux-$kver in QEMU: from insmod to poweroff (full log: $log) ===="
# Everything the guest printed after /init started, minus the poweroff noise.
sed -n '/OTP-GUEST: start/,/OTP-GUEST: done/p' "$log" |
	grep -v -E '^(OTP-GUEST: (done|kmemleak)|\[.*\] reboot:)'
grep -q 'OTP-GUEST: done' "$log" || { echo "demo: the guest did not finish" >&2; exit 1; }

# A board running OP-TEE: the STM32MP15's upper words (the MAC) come from
# OP-TEE's BSEC pseudo-TA (emulated in the guest).
sh "$top/scripts/qemu-test.sh" "$kver" optee-demo
log=$top/build/$kver/console-optee-demo.log
echo "==== linux-$kver in QEMU with OP-TEE (full log: $log) ===="
sed -n '/OTP-GUEST: start/,/OTP-GUEST: done/p' "$log" |
	grep -v -E '^(OTP-GUEST: (done|kmemleak)|\[.*\] reboot:)'
grep -q 'OTP-GUEST: done' "$log" || { echo "demo: the OP-TEE guest did not finish" >&2; exit 1; }
