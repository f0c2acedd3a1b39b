#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Validate dt-bindings/ with dtschema: the schemas themselves, their
# examples, the device trees the QEMU tests boot with, and every board
# device tree of Debian's Linux 6.1 and 6.12 sources that has an OTP node
# with one of our compatibles.  dt-validate can exit 0 while printing
# errors, so any output at all fails the gate.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${OTP_CACHE:-$HOME/.cache/otp-kernels}
out=$top/build/bindings
rm -rf "$out"
mkdir -p "$out/schemas/nvmem"

command -v dt-validate >/dev/null || {
	echo "check-bindings: dtschema missing (pip install dtschema)"
	exit 1
}

# kernel_src VERSION: a directory holding Debian's linux-source-VERSION, or
# at least the parts this gate reads.  The whole tree build-kernel.sh
# extracts into the cache when it is there and current (same stamp), else
# those parts alone, taken from the tarball into build/ (about 20 s, once
# per linux-source package).
kernel_src() {
	tarball=/usr/src/linux-source-$1.tar.xz
	srcid=$(dpkg-query -W -f='${Version}' "linux-source-$1" 2>/dev/null || true)
	[ -n "$srcid" ] || srcid=$(stat -c '%s %Y' "$tarball" 2>/dev/null || true)
	if [ -n "$srcid" ] && [ "$(cat "$cache/src/linux-source-$1/.otp-extracted" 2>/dev/null)" = "$srcid" ]; then
		echo "$cache/src/linux-source-$1"
		return 0
	fi
	part=$top/build/dts-src/linux-source-$1
	parts="arch/arm/boot/dts arch/arm64/boot/dts include/dt-bindings
		include/uapi/linux/input-event-codes.h scripts/dtc
		Documentation/devicetree/bindings/nvmem"
	stamp="$srcid $parts"
	if [ -z "$srcid" ] || [ "$(cat "$part/.otp-extracted" 2>/dev/null)" != "$stamp" ]; then
		[ -f "$tarball" ] || {
			echo "check-bindings: $tarball missing (apt-get install linux-source-$1)" >&2
			return 1
		}
		echo "check-bindings: extracting the device trees of $tarball" >&2
		rm -rf "$part"
		mkdir -p "$top/build/dts-src"
		# shellcheck disable=SC2046
		tar -C "$top/build/dts-src" -xJf "$tarball" \
			$(for p in $parts; do echo "linux-source-$1/$p"; done)
		echo "$stamp" >"$part/.otp-extracted"
	fi
	echo "$part"
}

src612=$(kernel_src 6.12)
src61=$(kernel_src 6.1)

# The generic nvmem schemas ours reference come from the 6.12 tree.
kb=$src612/Documentation/devicetree/bindings/nvmem
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
	# Through cpp, as the kernel's dt_binding_check does, for the
	# dt-bindings headers the board trees use.
	cpp -nostdinc -I "$src612/scripts/dtc/include-prefixes" -undef -D__DTS__ \
		-x assembler-with-cpp -o "$out/$n.example.dts.pp" "$out/$n.example.dts"
	dtc -q -@ -I dts -O dtb -o "$out/$n.example.dtb" "$out/$n.example.dts.pp"
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

# The boards are compiled with the kernel's own dtc (host dtc 1.6 cannot
# parse the &{label/path} references of some 6.12 boards), built from the
# 6.12 sources into build/ once per linux-source package (5 s).
dtcsrc=$src612/scripts/dtc
dtcdir=$top/build/dtc-6.12
dtcid="$src612 $(cat "$src612/.otp-extracted")"
if [ "$(cat "$dtcdir/.otp-built" 2>/dev/null)" != "$dtcid" ]; then
	rm -rf "$dtcdir"
	mkdir -p "$dtcdir"
	(
		cd "$dtcdir"
		bison -o dtc-parser.tab.c -d "$dtcsrc/dtc-parser.y"
		flex -o dtc-lexer.lex.c "$dtcsrc/dtc-lexer.l"
		cc -O2 -DNO_YAML -I "$dtcsrc" -I "$dtcsrc/libfdt" -I . -o dtc \
			"$dtcsrc"/dtc.c "$dtcsrc"/flattree.c "$dtcsrc"/fstree.c \
			"$dtcsrc"/data.c "$dtcsrc"/livetree.c "$dtcsrc"/treesource.c \
			"$dtcsrc"/srcpos.c "$dtcsrc"/checks.c "$dtcsrc"/util.c \
			dtc-lexer.lex.c dtc-parser.tab.c
	) >"$out/dtc.log" 2>&1 || { echo "check-bindings: building dtc failed:"; cat "$out/dtc.log"; exit 1; }
	echo "$dtcid" >"$dtcdir/.otp-built"
fi
kdtc=$dtcdir/dtc

# Board device trees.  Our compatibles are the vendor-prefixed strings our
# schemas' compatible properties list ("syscon" is everyone's).
compats=$(python3 - "$top"/dt-bindings/nvmem/*.yaml <<'EOF'
import sys
from ruamel.yaml import YAML

def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            if k != 'description':
                yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)

found = set()
for path in sys.argv[1:]:
    with open(path) as f:
        compatible = YAML(typ='safe').load(f)['properties']['compatible']
    found.update(s for s in strings(compatible) if ',' in s)
print('|'.join(sorted(found)))
EOF
)
[ -n "$compats" ] || { echo "check-bindings: no compatibles found in dt-bindings/"; exit 1; }

# otp_nodes COMPATS DTB...: for each DTB with a node of ours, print
# "REPRESENTATIVE<tab>DTB".  What our schemas see of a board is its OTP
# nodes (path, properties, subnodes), their parents' #address-cells and
# #size-cells and the #*-cells of the nodes they point to; boards
# that agree on all of it share one representative, and only the
# representatives go through dt-validate (decoding a whole board tree costs
# dt-validate 0.1 s; the 870 boards of 6.1 and 6.12 have 118 distinct OTP
# nodes).
otp_nodes() {
	python3 - "$@" <<'EOF'
import hashlib
import sys

import libfdt

compats = set(sys.argv[1].split('|'))
quiet = [libfdt.FDT_ERR_NOTFOUND, libfdt.FDT_ERR_BADPHANDLE]


def props(fdt, off):
    p = fdt.first_property_offset(off, quiet)
    while p >= 0:
        prop = fdt.get_property_by_offset(p)
        yield prop.name, bytes(prop)
        p = fdt.next_property_offset(p, quiet)


def refers(name):
    """Whether property NAME holds phandles (phandle numbers differ from
    board to board: the key names the node pointed to instead)."""
    return name in ('clocks', 'resets', 'power-domains', 'access-controllers',
                    'interrupt-parent', 'interrupts-extended') or \
        name.endswith('-gpios')


def subtree(fdt, off, key):
    key.append(fdt.get_name(off))
    for name, value in props(fdt, off):
        if name == 'phandle':
            key.append(name)
        elif refers(name):
            cells = []
            for i in range(0, len(value) - 3, 4):
                cell = int.from_bytes(value[i:i + 4], 'big')
                target = -1
                if 0 < cell < 0xffffffff:
                    target = libfdt.fdt_node_offset_by_phandle(fdt._fdt, cell)
                if target >= 0:
                    cells.append((fdt.get_path(target), [
                        p for p in props(fdt, target)
                        if p[0].startswith('#') and p[0].endswith('-cells')]))
                else:
                    cells.append(cell)
            key.append((name, cells))
        else:
            key.append((name, value))
    sub = fdt.first_subnode(off, quiet)
    while sub >= 0:
        subtree(fdt, sub, key)
        sub = fdt.next_subnode(sub, quiet)
    key.append('}')


reps = {}
for path in sys.argv[2:]:
    with open(path, 'rb') as f:
        fdt = libfdt.Fdt(f.read())
    nodes = set()
    for compat in compats:
        off = libfdt.fdt_node_offset_by_compatible(fdt._fdt, -1, compat)
        while off >= 0:
            nodes.add(off)
            off = libfdt.fdt_node_offset_by_compatible(fdt._fdt, off, compat)
    key = []
    for off in sorted(nodes):
        key.append(fdt.get_path(off))
        parent = off
        while parent > 0:
            parent = fdt.parent_offset(parent, quiet)
            key.append([p for p in props(fdt, parent) if p[0] in ('#address-cells', '#size-cells')])
        subtree(fdt, off, key)
    if key:
        digest = hashlib.sha256(repr(key).encode()).hexdigest()
        print(f'{reps.setdefault(digest, path)}\t{path}')
EOF
}

# boards VERSION SRC: compile each board .dts whose includes reach a file
# naming one of our compatibles, and validate the OTP nodes of those whose
# tree has one.
boards() {
	ver=$1
	dir=$out/boards/$ver
	mkdir -p "$dir"
	cd "$2"
	trees=
	for t in arch/arm/boot/dts arch/arm64/boot/dts/freescale arch/arm64/boot/dts/st; do
		[ -d "$t" ] && trees="$trees $t"
	done
	# shellcheck disable=SC2086
	grep -rlE --include='*.dts' --include='*.dtsi' "\"($compats)\"" $trees >"$dir/reach" || true
	# The files that include those, until no new one appears.
	n=0
	while [ "$(wc -l <"$dir/reach")" != "$n" ]; do
		n=$(wc -l <"$dir/reach")
		names=$(sed 's,.*/,,; s/[.+]/\\&/g' "$dir/reach" | sort -u | paste -sd'|')
		# shellcheck disable=SC2086
		grep -rlE --include='*.dts' --include='*.dtsi' \
			"^[[:space:]]*(#include|/include/)[[:space:]]+[\"<]([^\">]*/)?($names)[\">]" $trees |
			sort -u - "$dir/reach" >"$dir/reach.new" || true
		mv "$dir/reach.new" "$dir/reach"
	done
	grep '\.dts$' "$dir/reach" >"$dir/list" || true
	# One cpp + dtc per board, as the kernel's Makefile.dtbs runs them.
	# shellcheck disable=SC2016
	DTC=$kdtc xargs -P2 -n1 sh -c '
		arch=${1#arch/}; arch=${arch%%/*}
		dtb=$0/$arch-$(basename "$1" .dts).dtb
		cpp -nostdinc -I include -I "arch/$arch/boot/dts" \
			-I scripts/dtc/include-prefixes -undef -D__DTS__ \
			-x assembler-with-cpp -o "$dtb.tmp" "$1" 2>"$dtb.err" &&
		"$DTC" -q -b 0 -i "$(dirname "$1")" -i scripts/dtc/include-prefixes \
			-I dts -O dtb -o "$dtb" "$dtb.tmp" 2>>"$dtb.err" ||
		{ echo "$1: does not compile:"; cat "$dtb.err"; rm -f "$dtb"; }
		rm -f "$dtb.tmp" "$dtb.err"
	' "$dir" <"$dir/list" >"$dir/compile.log" 2>&1 || true
	report "$ver board device trees compile" "$dir/compile.log"
	cd "$top"
	set -- "$dir"/*.dtb
	[ -f "$1" ] || set --
	otp_nodes "$compats" "$@" >"$dir/boards"
	cut -f1 "$dir/boards" | sort -u >"$dir/reps"
	# Two dt-validate processes, each loading the schema once.
	split -n l/2 "$dir/reps" "$dir/part."
	for p in "$dir"/part.*; do
		[ -s "$p" ] || continue
		dt-validate -s "$out/processed.json" -l nvmem "@$p" >"$p.log" 2>&1 &
	done
	wait
	cat "$dir"/part.*.log >"$dir/validate.log" 2>/dev/null || true
	# A failing node is named in its representative board; list the others.
	grep -o '^[^:]*\.dtb' "$dir/validate.log" | sed 's,.*/,,' | sort -u |
		while read -r rep; do
			awk -v r="$rep" '{ sub(/.*\//, "", $1); sub(/.*\//, "", $2) }
				$1 == r { n++; if ($2 != r) l = l " " $2 }
				END { if (n > 1) print "  " r " stands for " n " boards, also:" l }' "$dir/boards"
		done >"$dir/stands"
	cat "$dir/stands" >>"$dir/validate.log"
	report "dt-validate $ver boards" "$dir/validate.log"
	echo "check-bindings: $ver: $(wc -l <"$dir/boards") board device trees validated ($(wc -l <"$dir/reps") distinct OTP nodes; $(wc -l <"$dir/list") boards reach our compatibles)"
	[ -s "$dir/boards" ] || { echo "check-bindings: $ver: no board device tree found"; fail=1; }
}

boards 6.12 "$src612"
boards 6.1 "$src61"

exit $fail
