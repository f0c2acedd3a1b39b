#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# One step of the LAVA test definition (tests/lava/otp-e2e.yaml), run on
# the booted target from the test definition's directory.  It runs what
# tests/guest-init.sh runs in make check's QEMU boots, from the same files:
#
#   load        the modules, as /init loads them (lib.sh e2e_load_modules):
#               the DT consumers first, then the providers
#   NAME.sh     one end-to-end script of tests/e2e (its KTAP document, as
#               /init prints it)
#   kunit       every KUnit module under /modules/kunit (the kernel's KTAP,
#               taken from the kernel log)
#   health      the kernel log after all that: no splat, no kmemleak report
#
# and hands the KTAP to ktap-to-lava.sh: one lava-test-case per test point.
# The end-to-end scripts work on QEMU's emulated OTP blocks (reserved RAM
# at 0x7f000000, tests/dt/README) and poke them through /dev/mem: on any
# other machine they are skipped, never run.  None of them programs a real
# fuse; OTP_ALLOW_BURN=yes (the test definition's ALLOW_BURN parameter) is
# what a suite that does would have to see, and none does today.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=${here%/tests/lava}
suite=${1:?usage: otp-lava.sh load|NAME.sh|kunit|health}
out=/tmp/otp-lava-${suite%.sh}.ktap
# What /init does first (tests/guest-init.sh), for the scripts: the
# variables and the /dev links udev gives a board.
export PATH="$PATH:/bin:/sbin"
OTP_MONITOR=${OTP_MONITOR:-0} OTP_FW_GENERATION=${OTP_FW_GENERATION:-}
export OTP_MONITOR OTP_FW_GENERATION
# Only errors and worse on the console from here on: kernel lines would cut
# into LAVA's signals (the kernel log keeps everything, for kunit/health).
echo 4 > /proc/sys/kernel/printk 2>/dev/null
mountpoint -q /sys/kernel/debug 2>/dev/null ||
	mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
for l in fd:/proc/self/fd stdin:/proc/self/fd/0 stdout:/proc/self/fd/1 stderr:/proc/self/fd/2; do
	[ -e "/dev/${l%%:*}" ] || ln -sf "${l#*:}" "/dev/${l%%:*}"
done

# shellcheck source=tests/e2e/lib.sh
. "$top/tests/e2e/lib.sh"

qemu_fixtures() {	# the emulated OTP blocks of tests/dt are there
	grep -q 'linux,dummy-virt' /proc/device-tree/compatible 2>/dev/null &&
		[ -e /proc/device-tree/efuse@7f000000 ]
}

kmsg() {
	echo "otp-lava: $*" > /dev/kmsg 2>/dev/null || true
}

# klog_since MARK: the kernel log after the line MARK, without timestamps
klog_since() {
	dmesg | sed -n "/otp-lava: $1\$/,\$p" | sed '1d; s/^\[[ 0-9.]*\] \{0,1\}//'
}

run() {
	case $suite in
	load)
		e2e_begin load
		e2e_load_modules
		for m in /modules/consumer/*.ko /modules/drivers/*.ko; do
			[ -f "$m" ] || continue
			n=$(basename "$m" .ko | tr - _)
			expect_ok "insmod-$n" grep -q "^$n " /proc/modules
		done
		e2e_end
		;;
	kunit)
		n=0
		for k in /modules/kunit/*.ko; do
			[ -f "$k" ] || continue
			n=$((n + 1))
			kmsg "kunit $n"
			echo "# insmod $(basename "$k")"
			insmod "$k"
			echo "# insmod rc=$?"
			# the kernel's KTAP document, as the log has it
			klog_since "kunit $n" | sed -n '/^KTAP version/,$p' |
				grep -E '^ *(KTAP version|TAP version|1\.\.|ok |not ok |# Subtest:)'
			rmmod "$(basename "$k" .ko)" 2>/dev/null
		done
		[ $n -gt 0 ] || { e2e_begin kunit; e2e_fail kunit-modules "no module in /modules/kunit"; e2e_end; }
		;;
	health)
		e2e_begin health
		if [ -w /sys/kernel/debug/kmemleak ]; then
			# two scans 6 s apart: tests/guest-init.sh says why
			echo scan > /sys/kernel/debug/kmemleak
			sleep 6
			echo scan > /sys/kernel/debug/kmemleak
			leaks=$(cat /sys/kernel/debug/kmemleak)
			expect_eq kmemleak-clean "$(echo "$leaks" | grep -c 'unreferenced object')" 0
		fi
		# the splats scripts/check-log.py fails a boot on
		splats=$(dmesg | grep -E 'BUG:|WARNING:|Oops|Internal error:|KASAN:|possible (circular|recursive) locking|inconsistent lock state|Kernel panic|sleeping function called from invalid context|Call trace:|UBSAN:|ODEBUG:|list_(add|del) corruption')
		[ -n "$splats" ] && echo "$splats" | head -n 20 | sed 's/^/# /'
		expect_eq kernel-log-clean "$(echo "$splats" | grep -c .)" 0
		e2e_end
		;;
	*.sh)
		if [ ! -f "$top/tests/e2e/$suite" ] || [ "$suite" = lib.sh ]; then
			e2e_begin "$suite"; e2e_fail "${suite%.sh}" "no end-to-end script $suite"; e2e_end
			return
		fi
		e2e_begin "$suite"
		if ! qemu_fixtures; then
			# a SKIP point: the plan stays whole
			e2e_next
			echo "ok $_e2e_n ${suite%.sh} # SKIP needs QEMU's emulated OTP blocks (tests/dt), not run on hardware"
		else
			kmsg "e2e $suite"
			# shellcheck disable=SC1090 # the step names the script
			( . "$top/tests/e2e/$suite" )
		fi
		e2e_end
		;;
	*)
		e2e_begin "$suite"; e2e_fail "$suite" "unknown step"; e2e_end
		;;
	esac
}

run 2>&1 | tee "$out"
# The KTAP is on the console already: only LAVA's signals from here.
sh "$here/ktap-to-lava.sh" -q "${suite%.sh}" < "$out"
