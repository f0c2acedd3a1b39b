#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make check: every gate, on both kernels.  Prints one PASS/FAIL line per
# gate, the QEMU results per kernel, and last "N passed, N failed", where
# N counts KUnit cases, end-to-end checks and the static gates together
# (skipped KUnit cases are counted on the line before).
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=$top/build
mkdir -p "$out"
passed=0
failed=0
skipped=0
summary=$out/check-summary.txt
: > "$summary"

gate() {	# gate NAME CMD... : one pass or one fail, log in build/gate-NAME.log
	name=$1
	shift
	log=$out/gate-$name.log
	if "$@" >"$log" 2>&1; then
		passed=$((passed + 1))
		echo "PASS $name" | tee -a "$summary"
	else
		failed=$((failed + 1))
		echo "FAIL $name (see $log)" | tee -a "$summary"
		tail -n 20 "$log" | sed 's/^/    /'
	fi
}

t0=$(date +%s)

# Kernels first (cached after the first run), one at a time on small machines.
for v in 6.12 6.1; do
	for a in arm64 arm; do
		gate "kernel-$v-$a" scripts/build-kernel.sh "$v" "$a" test
	done
done
gate kernel-6.12-arm-prep scripts/build-kernel.sh 6.12 arm prep
gate kernel-6.12-clang-prep scripts/build-kernel.sh 6.12 arm64 clang

# QEMU boots, per kernel version (scripts/qemu-test.sh):
#   check  arm64 and arm: KUnit + end to end through the bench firmware
#   absent arm64: end to end with no secure world at all
#   optee  arm64 and arm: end to end with the emulated OP-TEE
# The two versions run side by side (a guest keeps about one core busy);
# each version's boots run in turn, since they share build/KVER*.
boots="check:arm64 check:arm absent:arm64 optee:arm64 optee:arm"
lane() {	# lane KVER: that version's boots, results in build/lane-KVER.txt
	for b in $boots; do
		m=${b%:*} a=${b#*:}
		log=$out/qemu-$1-$m-$a.log
		sh scripts/qemu-test.sh "$1" "$m" "$a" >"$log" 2>&1
		echo "$1 $m $a $log"
	done > "$out/lane-$1.txt"
}
for v in 6.12 6.1; do
	lane "$v" &
done
wait
for v in 6.12 6.1; do
	while read -r kv m a log; do
		res=$(grep '^RESULT ' "$log" | tail -n1)
		grep '^FAIL ' "$log" | tee -a "$summary"
		if [ -z "$res" ]; then
			failed=$((failed + 1))
			echo "FAIL qemu-$kv-$m-$a: no result (see $log)" | tee -a "$summary"
			tail -n 20 "$log" | sed 's/^/    /'
			continue
		fi
		p=$(echo "$res" | sed 's/.*passed=\([0-9]*\).*/\1/')
		f=$(echo "$res" | sed 's/.*failed=\([0-9]*\).*/\1/')
		s=$(echo "$res" | sed 's/.*skipped=\([0-9]*\).*/\1/')
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
		echo "QEMU linux-$kv $a ($m): $p passed, $f failed, $s skipped" | tee -a "$summary"
	done < "$out/lane-$v.txt"
done

# Static gates.
for g in checkpatch kernel-doc sparse w1-gcc w1-clang coccicheck arm32; do
	gate "$g" sh scripts/static-checks.sh "$g"
done
gate dt-bindings sh scripts/check-bindings.sh
gate packaging sh scripts/check-packaging.sh

echo "check took $(( $(date +%s) - t0 ))s"
# Skipped KUnit cases (features a kernel lacks) are listed in the QEMU lines
# above; the last line keeps its fixed form.
[ "$skipped" -gt 0 ] && echo "($skipped skipped: features the kernel does not have)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
