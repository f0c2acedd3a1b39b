#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make lava-check: the QEMU flavour of the LAVA job (scripts/lava-jobs.sh,
# the cached 6.12 arm64 test kernel) through Debian's lava-run on this
# machine, no server: LAVA deploys the kernel, our DTB and a busybox
# ramdisk with its overlay and our modules overlay, boots QEMU, runs
# tests/lava/otp-e2e.yaml once per step, and logs its results.  Prints
# them as KTAP (scripts/lava-results.py), last line "N passed, N failed";
# exit status 1 when anything failed.  Outputs in build/lava-check:
# lava-run.log (the job log: output.yaml on a server), results.yaml.
# LAVA_STEPS (see scripts/lava-jobs.sh) runs a subset.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/lava-check
sh "$top/scripts/lava-setup.sh"
kdir=$("$top/scripts/build-kernel.sh" 6.12 arm64 test | tail -n1)
rm -rf "$out"
mkdir -p "$top/build"
LAVA_OUT=$out LAVA_QEMU_ONLY=1 sh "$top/scripts/lava-jobs.sh" "$kdir" >"$out.gen.log" 2>&1 || {
	cat "$out.gen.log"
	exit 1
}
mv "$out.gen.log" "$out/gen.log"
job=$out/jobs/qemu-arm64.yaml
set -- /usr/bin/lava-run --job-id "$$" --output-dir "$out/run" \
	--device "$out/device/qemu-local.yaml" "$job"
echo "lava-check: flock /tmp/otp-qemu.lock timeout ${OTP_LAVA_TIMEOUT:-5400} $*" >&2
echo "lava-check: log in $out/lava-run.log" >&2
start=$(date +%s)
# One QEMU boot at a time on this machine (make check's boots take it too);
# the job's time is counted from when the lock is ours.
set +e
# shellcheck disable=SC2016 # expanded by the inner shell
flock /tmp/otp-qemu.lock sh -c 'date +%s > "$0"; exec "$@"' "$out/locked" \
	timeout "${OTP_LAVA_TIMEOUT:-5400}" "$@" >"$out/lava-run.log" 2>&1
rc=$?
set -e
end=$(date +%s)
locked=$(cat "$out/locked" 2>/dev/null || echo "$start")
echo "lava-check: lava-run exit $rc after $((end - locked)) s (and $((locked - start)) s waiting for the QEMU lock)" >&2
/usr/bin/python3 "$top/scripts/lava-results.py" "$out/lava-run.log" "$out/results.yaml"
