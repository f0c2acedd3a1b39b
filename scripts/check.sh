#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make check: every gate, on both kernels.  Prints one KTAP test point per
# gate, the QEMU results per boot, and last "N passed, N failed", where N
# counts KUnit cases, end-to-end checks and the gates together (skipped
# KUnit cases are counted on the line before), all read by one parser,
# scripts/check-log.py.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=$top/build
mkdir -p "$out"
summary=$out/check-summary.txt
[ "${1:-}" = static ] || : > "$summary"

# The gates are one KTAP document, build/gates.ktap, one test point each
# and no plan line (ktap.rst makes it optional; the gates are tallied as
# they end); scripts/check-log.py --total reads it with the boots' results.
gates=$out/gates.ktap
ngates=0
tally() {	# tally NAME RC : one test point, the log's tail when it failed
	log=$out/gate-$1.log
	ngates=$((ngates + 1))
	if [ "$2" = 0 ]; then
		echo "ok $ngates $1" | tee -a "$gates" "$summary"
	else
		echo "# $1: see $log" | tee -a "$gates" "$summary"
		echo "not ok $ngates $1" | tee -a "$gates" "$summary"
		tail -n 20 "$log" | sed 's/^/    /'
	fi
}

gate() {	# gate NAME CMD... : one pass or one fail, log in build/gate-NAME.log
	name=$1
	shift
	"$@" >"$out/gate-$name.log" 2>&1
	tally "$name" $?
}

static="parser generated docs otp-tool checkpatch kernel-doc sparse w1-gcc w1-clang coccicheck arm32 dt-bindings packaging"
if [ "${1:-}" = static ]; then	# the static gates alone: "NAME RC" lines
	for g in $static; do
		case $g in
		# The result parser against logs that must fail (KTAP).
		parser) python3 scripts/check-log.py --selftest \
			"${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-6.12" ;;
		# README and docs name only files and structs that exist.
		docs) python3 scripts/check-docs.py ;;
		# The emulator's lock facts are what their generator writes.
		generated) python3 tests/gen-ocotp-emu-locks.py \
			--check kunit/otp-imx-ocotp/ocotp-emu-locks.h ;;
		# The board tool against stand-in devices, under dash and
		# busybox sh: every refusal, plan/apply/lock (docs/otp-tool.md).
		otp-tool) sh tests/otp-tool-test.sh ;;
		dt-bindings) sh scripts/check-bindings.sh ;;
		packaging) sh scripts/check-packaging.sh ;;
		*) sh scripts/static-checks.sh "$g" ;;
		esac >"$out/gate-$g.log" 2>&1
		echo "$g $?"
	done
	exit 0
fi

t0=$(date +%s)
printf 'KTAP version 1\n# make check: the static gates and kernel builds\n' > "$gates"

# Kernels first (cached after the first run), one at a time on small machines.
# Debian's 6.1 and 6.12 (bookworm) on both architectures; the newest, 7.2
# (sid), booted on arm64, and on ARM compiled with W=1 against a prepared
# multi_v7 tree (the arm32 gate).
for v in 6.12 6.1; do
	for a in arm64 arm; do
		gate "kernel-$v-$a" scripts/build-kernel.sh "$v" "$a" test
	done
done
gate kernel-7.2-arm64 scripts/build-kernel.sh 7.2 arm64 test
gate kernel-7.2-arm-prep scripts/build-kernel.sh 7.2 arm prep
gate kernel-6.12-clang-prep scripts/build-kernel.sh 6.12 arm64 clang

# QEMU boots (scripts/qemu-test.sh), per kernel version and architecture:
#   check  arm64 and arm: KUnit + end to end through the bench firmware
#   absent arm64: end to end with no secure world at all
#   optee  arm64 and arm: end to end with the emulated OP-TEE
# A fourth field names the firmware generation the bench firmware plays
# (OTP_FW_GENERATION, tests/firmware/fw.h; default TF-A): the 32-bit ARM
# boots, an STM32MP15's own architecture, play OP-TEE as the monitor, one
# of them OP-TEE before SMCCC 1.1.
# Two lanes run side by side (a guest keeps about one core busy).  Boots of
# one version and architecture share build/KVER[-arm], so each such group
# sits in one lane; the lanes are balanced by pairing the slowest group
# (6.1 ARM) with the fastest (6.12 arm64).  The static gates run next to
# them at a lower priority and fill the cores the guests leave idle.
lanes="6.1:check:arm:optee-3.3,6.1:optee:arm:optee-3.9,6.12:check:arm64,6.12:absent:arm64,6.12:optee:arm64
6.12:check:arm:optee-3.9,6.12:optee:arm:optee-3.9,6.1:check:arm64,6.1:absent:arm64,6.1:optee:arm64,7.2:check:arm64"
lane() {	# lane N BOOTS: the boots in turn, results in build/lane-N.txt
	lane_out=$out/lane-$1.txt
	for b in $(echo "$2" | tr , ' '); do
		# shellcheck disable=SC2046 # a boot's fields: KVER MODE ARCH [GENERATION]
		set -- $(echo "$b" | tr : ' ')
		log=$out/qemu-$1-$2-$3.log
		# One vCPU per guest, so that two guests fit the two cores
		# (a two-vCPU guest keeps about 1.3 cores busy, and TCG runs
		# a one-vCPU guest without its cross-CPU atomics); the 6.12
		# arm64 check boot keeps two, so that the concurrent readers,
		# programmers and unbinds of every check run on two CPUs.
		smp=1
		[ "$1:$2:$3" = 6.12:check:arm64 ] && smp=2
		t=$(date +%s)
		OTP_SMP=$smp OTP_FW_GENERATION=${4:-tfa} \
			sh scripts/qemu-test.sh "$1" "$2" "$3" >"$log" 2>&1
		echo "$1 $2 $3 $log $(($(date +%s) - t))"
	done > "$lane_out"
}
rm -f "$out"/lane-*.txt "$out"/*/results-*.ktap
n=0
for l in $lanes; do
	n=$((n + 1))
	lane "$n" "$l" &
done
nice -n 10 sh "$0" static > "$out/static-gates.txt" 2>/dev/null &
wait
boots=
for f in "$out"/lane-*.txt; do
	while read -r kv m a log secs; do
		grep '^FAIL ' "$log" | tee -a "$summary"
		grep '^Testing complete' "$log" | tail -n1 | sed "s|^|QEMU $kv $m $a: |" | tee -a "$summary"
		lane=${f##*lane-}
		echo "# lane ${lane%.txt}: $kv $m $a took ${secs}s" | tee -a "$summary"
		dir=$out/$kv
		[ "$a" = arm ] && dir=$out/$kv-arm
		boots="$boots $dir/results-$m.ktap"
	done < "$f"
done

# Static gates: one pass or one fail each, log in build/gate-NAME.log.
for g in $static; do
	tally "$g" "$(awk -v g="$g" '$1 == g { print $2 }' "$out/static-gates.txt")"
done

echo "# $ngates gates" >> "$gates"
echo "check took $(( $(date +%s) - t0 ))s"
# One parser to the last line: the gates' KTAP document and each boot's
# result, both from scripts/check-log.py; skipped KUnit cases (features a
# kernel lacks) on the line before.
# shellcheck disable=SC2086 # one argument per boot
python3 scripts/check-log.py --total \
	"${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-6.12" "$gates" $boots
