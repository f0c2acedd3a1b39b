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
	gate "kernel-$v-arm64" scripts/build-kernel.sh "$v" arm64 test
done
gate kernel-6.12-arm-prep scripts/build-kernel.sh 6.12 arm prep
gate kernel-6.12-clang-prep scripts/build-kernel.sh 6.12 arm64 clang

# QEMU, per kernel: KUnit + end to end without a secure world, then end
# to end with the emulated OP-TEE.
for v in 6.12 6.1; do
	for mode in check optee; do
		log=$out/qemu-$v-$mode.log
		sh scripts/qemu-test.sh "$v" "$mode" >"$log" 2>&1
		res=$(grep '^RESULT ' "$log" | tail -n1)
		grep '^FAIL ' "$log" | tee -a "$summary"
		if [ -z "$res" ]; then
			failed=$((failed + 1))
			echo "FAIL qemu-$v-$mode: no result (see $log)" | tee -a "$summary"
			tail -n 20 "$log" | sed 's/^/    /'
			continue
		fi
		p=$(echo "$res" | sed 's/.*passed=\([0-9]*\).*/\1/')
		f=$(echo "$res" | sed 's/.*failed=\([0-9]*\).*/\1/')
		s=$(echo "$res" | sed 's/.*skipped=\([0-9]*\).*/\1/')
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
		echo "QEMU linux-$v ($mode): $p passed, $f failed, $s skipped" | tee -a "$summary"
	done
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
