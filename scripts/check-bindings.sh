#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Validate dt-bindings/ with dtschema: the schemas themselves, their
# examples, and the device trees the QEMU tests boot with.  dt-validate can
# exit 0 while printing errors, so any output at all fails the gate.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
ksrc=${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-6.12
out=$top/build/bindings
rm -rf "$out"
mkdir -p "$out/schemas/nvmem"

command -v dt-validate >/dev/null || {
	echo "check-bindings: dtschema missing (pip install dtschema)"
	exit 1
}

# The generic nvmem schemas ours reference come from the 6.12 tree.
kb=$ksrc/Documentation/devicetree/bindings/nvmem
cp "$kb/nvmem.yaml" "$kb/nvmem-deprecated-cells.yaml" "$out/schemas/nvmem/"
cp -r "$kb/layouts" "$out/schemas/nvmem/"
cp "$top"/dt-bindings/nvmem/*.yaml "$out/schemas/nvmem/"

fail=0
report() {	# report WHAT OUTPUT-FILE
	if [ -s "$2" ]; then
		echo "check-bindings: $1:"
		cat "$2"
		fail=1
	else
		echo "check-bindings: $1: clean"
	fi
}

for y in "$top"/dt-bindings/nvmem/*.yaml; do
	dt-doc-validate -u "$out/schemas" "$out/schemas/nvmem/$(basename "$y")" >"$out/doc.log" 2>&1 || true
	report "dt-doc-validate $(basename "$y")" "$out/doc.log"
done

dt-mk-schema -j "$out/schemas" -o "$out/processed.json" >"$out/mk.log" 2>&1 || true
report dt-mk-schema "$out/mk.log"

for y in "$top"/dt-bindings/nvmem/*.yaml; do
	n=$(basename "$y" .yaml)
	dt-extract-example "$y" >"$out/$n.example.dts"
	dtc -q -@ -I dts -O dtb -o "$out/$n.example.dtb" "$out/$n.example.dts"
	dt-validate -s "$out/processed.json" -l nvmem "$out/$n.example.dtb" >"$out/ex.log" 2>&1 || true
	report "dt-validate $n examples" "$out/ex.log"
done

# The trees our QEMU runs boot with (QEMU's own nodes are not ours to judge:
# -l keeps the validation to the nvmem schemas).
for dtb in "$top"/build/*/otp.dtb; do
	[ -f "$dtb" ] || continue
	dt-validate -s "$out/processed.json" -l nvmem "$dtb" >"$out/qemu.log" 2>&1 || true
	report "dt-validate $dtb" "$out/qemu.log"
done

exit $fail
