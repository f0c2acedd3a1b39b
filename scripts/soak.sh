#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make soak: the long variants of the reliability checks, on the 6.12 test
# kernels (KASAN, lockdep, kmemleak, fault injection), arm64 and ARM,
# through the bench firmware: the fail-nth walks (tests/e2e/faults.sh) and
# OTP_SOAK_CYCLES (default 1000) unbind/bind cycles per provider with two
# readers, as many rmmod/insmod cycles with a reader, and the held-device
# checks (tests/e2e/teardown.sh).  Then the whole check boot (every KUnit
# case and every end-to-end script) once more on the hunt kernel (6.12
# arm64, scripts/config/hunt.config: UBSAN, KFENCE, DEBUG_OBJECTS,
# DEBUG_LIST, PROVE_RCU, DEBUG_KOBJECT_RELEASE on top of the test kernel's
# detectors).  Prints its figures as a table; the last line is "N passed,
# N failed" as in make check.  OTP_SOAK_ARCHS (default "arm64 arm"; empty: none) picks
# the kernels, OTP_SOAK_HUNT=0 leaves the hunt boot out, OTP_OUT sets the
# output directory.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=${OTP_OUT:-$top/build}
archs=${OTP_SOAK_ARCHS-arm64 arm}
mkdir -p "$out"
hunt=${OTP_SOAK_HUNT:-1}
for a in $archs; do
	scripts/build-kernel.sh 6.12 "$a" test > /dev/null || exit 1
done
[ "$hunt" = 0 ] || scripts/build-kernel.sh 6.12 arm64 hunt > /dev/null || exit 1
passed=0
failed=0
table=$out/soak.md
{
	echo "| kernel | check | figure |"
	echo "|---|---|---|"
} > "$table"
# boot NAME LOG KIND ARGS...: one QEMU boot (scripts/qemu-test.sh ARGS) on
# the KIND kernel, its log in LOG; adds its counts and sets p, f, t
# (seconds) and reports.
boot() {
	name=$1 log=$2 kind=$3
	shift 3
	t=$(date +%s)
	OTP_KERNEL_KIND=$kind sh scripts/qemu-test.sh "$@" > "$log" 2>&1
	t=$(( $(date +%s) - t ))
	# kunit.py's summary of the boot's KTAP document (scripts/check-log.py)
	res=$(grep '^Testing complete' "$log" | tail -n1)
	grep '^FAIL ' "$log"
	p=$(echo "$res" | sed -n 's/.*passed: \([0-9]*\).*/\1/p')
	f=$(echo "$res" | sed -n 's/.*failed: \([0-9]*\).*/\1/p')
	[ -n "$p" ] || { p=0; f=1; echo "FAIL $name: no result (see $log)"; }
	f=${f:-0}
	passed=$((passed + p))
	failed=$((failed + f))
	reports=$(grep -c '^FAIL .*console:' "$log")
}

for a in $archs; do
	boot "soak $a" "$out/qemu-6.12-soak-$a.log" test 6.12 soak "$a"
	tag=6.12; [ "$a" = arm ] && tag=6.12-arm
	console=$out/$tag/console-soak.log
	{
		grep -a '^# faults: .*points=' "$console" |
			sed "s/^# faults: \([^:]*\): \(.*\)/| 6.12 $a | fail-nth walk, \1 | \2 |/"
		grep -a '^# [a-z0-9]*: [0-9]* \(unbind/bind\|rmmod/insmod\) cycles\|^# teardown-.*: reader' "$console" |
			sed "s/^# \(.*\)/| 6.12 $a | teardown | \1 |/"
		echo "| 6.12 $a | kernel reports (KASAN, lockdep, kmemleak, BUG, WARNING) | $reports |"
		echo "| 6.12 $a | checks | $p passed, $f failed, ${t}s |"
	} >> "$table"
done
if [ "$hunt" != 0 ]; then
	boot hunt "$out/qemu-6.12-hunt-check-arm64.log" hunt 6.12 check arm64
	{
		echo "| 6.12 arm64 hunt | kernel reports (the above, UBSAN, KFENCE, ODEBUG, list debugging) | $reports |"
		echo "| 6.12 arm64 hunt | check boot: every KUnit case and end-to-end script | $p passed, $f failed, ${t}s |"
	} >> "$table"
fi
cat "$table"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
