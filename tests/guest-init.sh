#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# /init of the QEMU test initramfs: load our modules, run the end-to-end
# scripts and the KUnit modules, scan for leaks, power off.  Every line the
# host looks for starts with "OTP-GUEST:" or is KTAP: one document per
# KUnit module (the kernel's) and one per end-to-end script run (ours).

. /etc/otp-setup.sh

# otp.monitor=1: booted through the bench firmware (tests/firmware), whose
# SiP service serves the STM32 upper words; the end-to-end scripts read
# OTP_MONITOR.
# otp.fwgen=GEN: the firmware generation it plays (tfa, optee-3.9,
# optee-3.3: tests/firmware/fw.h).
# otp.only=NAME (OTP_ONLY of scripts/qemu-test.sh): run only the e2e
# script or KUnit module of that name, for working on one of them.
# otp.repeat=N: the e2e scripts N times in a row.
# otp.settle=SECONDS: the kernel releases kobjects late (the hunt kernel);
# lib.sh's settle waits that long.
mode=check
OTP_MONITOR=0
OTP_FW_GENERATION=
only=
repeat=1
for arg in $(cat /proc/cmdline); do
	case $arg in
	otp.mode=*) mode=${arg#otp.mode=} ;;
	otp.monitor=1) OTP_MONITOR=1 ;;
	otp.fwgen=*) OTP_FW_GENERATION=${arg#otp.fwgen=} ;;
	otp.only=*) only=${arg#otp.only=} ;;
	otp.repeat=*) repeat=${arg#otp.repeat=} ;;
	otp.settle=*) OTP_SETTLE=${arg#otp.settle=} && export OTP_SETTLE ;;
	otp.cycles=*)
		OTP_TEARDOWN_CYCLES=${arg#otp.cycles=}
		OTP_TEARDOWN_MODULE_CYCLES=$OTP_TEARDOWN_CYCLES
		export OTP_TEARDOWN_CYCLES OTP_TEARDOWN_MODULE_CYCLES
		;;
	esac
done
export OTP_MONITOR OTP_FW_GENERATION

# uptime: where a boot spends its time
uptime_s() {
	cut -d' ' -f1 /proc/uptime
}

echo "OTP-GUEST: start $(uname -r) $(uname -m) mode=$mode monitor=$OTP_MONITOR t=$(uptime_s)"

# make bench: time the in-tree drivers against ours, nothing else (no
# module of ours is loaded here; /bench/run.sh loads and unloads them).
if [ "$mode" = bench ]; then
	sh /bench/run.sh
	echo "OTP-GUEST: done"
	poweroff -f
fi
# The OP-TEE bench boot: our STM32 driver through the emulated OP-TEE.
if [ "$mode" = optee-bench ]; then
	insmod /modules/optee/otp-optee-emu.ko
	OTP_BENCH_PTA=1 sh /bench/run.sh
	echo "OTP-GUEST: done"
	poweroff -f
fi

# Firmware stand-ins (the SCU firmware's mailbox, arm64 check boots), as a
# board has its firmware before Linux.  Not in the LAVA jobs: a board has
# its own firmware, and their QEMU machine has no SCU node.
for m in /modules/firmware/*.ko; do
	[ -f "$m" ] || continue
	insmod "$m" && echo "OTP-GUEST: insmod $(basename "$m") ok"
done

# Consumers first, then the providers (lib.sh; the LAVA jobs' first step
# runs the same function: tests/lava/otp-lava.sh).
. /tests/e2e/lib.sh
e2e_load_modules

if [ "$mode" = optee-demo ]; then
	. /tests/guest-demo-optee.sh
	echo "OTP-GUEST: done"
	poweroff -f
fi

if [ "$mode" = demo ]; then
	. /tests/guest-demo.sh
	echo "OTP-GUEST: done"
	poweroff -f
fi

# The OP-TEE boot runs its own end-to-end scripts; they load the emulated
# OP-TEE themselves, after the providers, so that deferral shows.
# The boot without any secure world runs what depends on it: the STM32
# scripts (the i.MX ones do not care and run in the check boots).
e2e=/tests/e2e/*.sh
case $mode in
optee) e2e=/tests/e2e-optee/*.sh ;;
absent) e2e="/tests/e2e/consumers.sh /tests/e2e/stm32-romem.sh" ;;
soak) e2e="/tests/e2e/faults.sh /tests/e2e/teardown.sh" ;;
esac
. /tests/e2e/lib.sh
run=1
while [ $run -le "$repeat" ]; do
	for t in $e2e; do
		case $t in
		*/lib.sh) continue ;;
		esac
		[ -z "$only" ] || [ "$only" = "$(basename "$t")" ] || continue
		echo "OTP-GUEST: e2e $(basename "$t") run=$run t=$(uptime_s)"
		e2e_begin "$(basename "$t")"
		( . "$t" )
		e2e_end
		echo "OTP-GUEST: e2e-done $(basename "$t") run=$run t=$(uptime_s)"
	done
	run=$((run + 1))
done

if [ "$mode" = check ]; then
	for k in /modules/kunit/*.ko; do
		[ -f "$k" ] || continue
		[ -z "$only" ] || [ "$only" = "$(basename "$k")" ] || continue
		echo "OTP-GUEST: kunit $(basename "$k") t=$(uptime_s)"
		insmod "$k"
		rc=$?
		echo "OTP-GUEST: kunit-done $(basename "$k") rc=$rc t=$(uptime_s)"
		rmmod "$(basename "$k" .ko)" 2>/dev/null
	done
fi

if [ -w /sys/kernel/debug/kmemleak ]; then
	# kmemleak reports an object that two scans in a row found unreferenced
	# (the first one records its contents) and that was older than 5 s
	# when the second one started (mm/kmemleak.c, jiffies_min_age).  So:
	# one scan now, the second 5 s after the last test at the earliest.
	ready=$(($(cut -d. -f1 /proc/uptime) + 6))
	echo scan > /sys/kernel/debug/kmemleak
	while [ "$(cut -d. -f1 /proc/uptime)" -lt "$ready" ]; do
		sleep 1
	done
	echo scan > /sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak
	echo "OTP-GUEST: kmemleak scanned"
fi

echo "OTP-GUEST: done t=$(uptime_s)"
poweroff -f
