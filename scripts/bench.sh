#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make bench: time the in-tree i.MX OCOTP and STM32 ROMEM drivers against
# ours in one QEMU boot of the 6.12 test kernel (which builds the in-tree
# ones as modules), and report the register accesses per read shape from
# the KUnit emulators.
#
# usage: scripts/bench.sh        (OTP_OUT, OTP_BENCH_KVER, OTP_BENCH_CHECK=0)
# Prints the table and writes it to $OTP_OUT/bench.md (default build/).
# Timings come from TCG emulation of a debug kernel (KASAN, lockdep,
# kmemleak): absolute numbers mean little, the ratio is what counts.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
kver=${OTP_BENCH_KVER:-6.12}
outtop=${OTP_OUT:-$top/build}
out=$outtop/$kver
# Four rounds of every read under TCG take a few minutes; leave room.
export OTP_QEMU_TIMEOUT="${OTP_QEMU_TIMEOUT:-1500}"

# The kernel (cached), our modules, the static pread timer and the
# initramfs are all prepared by qemu-test.sh in bench mode.
"$top/scripts/build-kernel.sh" "$kver" arm64 test >/dev/null
sh "$top/scripts/qemu-test.sh" "$kver" bench

# Access counts: the KUnit suites print them (and assert floor + 2).
if [ "${OTP_BENCH_CHECK:-1}" != 0 ]; then
	echo "bench: KUnit run for the access counts (qemu-test.sh $kver check)" >&2
	sh "$top/scripts/qemu-test.sh" "$kver" check >"$out/bench-check.txt" 2>&1 ||
		echo "bench: the check run failed, see $out/bench-check.txt" >&2
fi

python3 - "$out/console-bench.log" "$out/console-check.log" "$outtop/bench.md" \
	"${OTP_BENCH_ICOUNT:-1}" <<'PY'
import os
import re
import sys

bench_log, check_log, md, icount = sys.argv[1:5]
text = open(bench_log, errors="replace").read()

def median(v):
    v = sorted(v)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) // 2

def lower_quartile(v):
    """The figure of a row: background work in the debug kernel adds time to
    some loops and not others (the loops fall in two groups), so the median
    jumps between the groups while the lower quartile stays with the
    undisturbed loops, and unlike the minimum no single loop sets it."""
    v = sorted(v)
    return v[len(v) // 4]

def nums(csv):
    return [int(x) for x in csv.split(",") if x]

pread = {}	# (prov, shape) -> impl -> {"runs": [ns...], "len": n, "off": s}
cells = {}	# (prov, kind) -> impl -> [ns...]
dumps = {}	# prov -> impl -> md5
errors = []
for line in text.splitlines():
    m = re.search(r"OTP-BENCH: pread (\w+) (\w+) (\w+) off=(\S+) len=(\d+) all=([\d,]+)", line)
    if m:
        prov, impl, shape, off, ln, runs = m.groups()
        e = pread.setdefault((prov, shape), {}).setdefault(
            impl, {"runs": [], "len": int(ln), "off": off})
        e["runs"] += nums(runs)
        continue
    m = re.search(r"OTP-BENCH: cell (\w+)-(\w+) (\S+) read all=([\d,]+) getput all=([\d,]+) raw all=([\d,]+)", line)
    if m:
        prov, impl, _, rd, gp, raw = m.groups()
        for kind, runs in (("cell", rd), ("cellget", gp), ("raw", raw)):
            cells.setdefault((prov, kind), {}).setdefault(impl, []).extend(nums(runs))
        continue
    m = re.search(r"OTP-BENCH: dump (\w+) (\w+) md5=(\w+)", line)
    if m:
        dumps.setdefault(m.group(1), {})[m.group(2)] = m.group(3)
        continue
    m = re.search(r"OTP-BENCH: error (.*)", line)
    if m:
        errors.append(m.group(1))
for bad in ("Oops", "BUG:", "WARNING:", "KASAN", "Call trace"):
    if bad in text:
        errors.append("console shows %r" % bad)

labels = {
    "whole": "whole device",
    "word": "one aligned word",
    "unalign": "unaligned 2-byte cell",
    "cell": "nvmem_cell_read()",
    "cellget": "cell get+read+put",
    "raw": "nvmem_device_read()",
}
provs = {"imx": "i.MX OCOTP", "stm32": "STM32 BSEC"}

ratios = []

samples = []

def spread(v):
    """Interquartile range of the loops, relative to their median."""
    v = sorted(v)
    q1, q3 = v[len(v) // 4], v[(3 * len(v)) // 4]
    return (q3 - q1) / median(v) if median(v) else 0.0

verdicts = []

def row(prov, shape, runs, what):
    d = {k: lower_quartile(v) for k, v in runs.items() if v}
    samples.extend(len(v) for v in runs.values())
    a, b = d.get("intree"), d.get("ours")
    ratio = diff = verdict = "n/a"
    sp = max([spread(v) for v in runs.values() if v] or [0.0])
    if a and b:
        ratios.append(b / a)
        ratio = "%.3f" % (b / a)
        diff = "%+d" % (b - a)
        if abs(b / a - 1) <= sp:
            verdict = "parity"
        else:
            verdict = "faster" if b < a else "SLOWER"
        verdicts.append(verdict)
    return "| %s | %s | %s | %s | %s | %s | %s | %.1f %% | %s |" % (
        provs[prov], labels[shape], what, a if a else "n/a",
        b if b else "n/a", diff, ratio, 100 * sp, verdict)

out = []
out.append("| provider | read | what | in-tree ns | ours ns | ours - in-tree "
           "| ours/in-tree | spread | verdict |")
out.append("|---|---|---|---:|---:|---:|---:|---:|---|")
for prov in ("imx", "stm32"):
    for shape in ("whole", "word", "unalign"):
        d = pread.get((prov, shape), {})
        ns = {k: v["runs"] for k, v in d.items()}
        what = "pread %s B @ %s" % (
            d["ours"]["len"] if "ours" in d else "?", d["ours"]["off"] if "ours" in d else "?")
        if "intree" in d and "ours" in d and d["intree"]["len"] != d["ours"]["len"]:
            what += " (in-tree: %d B, word_size 4)" % d["intree"]["len"]
        if prov == "stm32" and shape == "whole":
            what += ", lower words only"
        out.append(row(prov, shape, ns, what))
    cell = "mac-address (6 B @ 0x90)" if prov == "imx" else "ts_cal1 (2 B @ 0x5c)"
    for kind in ("cell", "cellget", "raw"):
        d = cells.get((prov, kind), {})
        out.append(row(prov, kind, d, cell))
out.append("")
if icount != "0":
    clock = ("the guest clock of QEMU -icount shift=0 (one guest instruction "
             "= 1 ns; independent of host load), one vCPU")
else:
    clock = "host time under QEMU TCG (noisy on a shared host)"
lo, hi = min(samples or [0]), max(samples or [0])
out.append("ns per read: lower quartile of %s timed loops per figure (all runs "
           "of all rounds), on %s; KASAN + lockdep + kmemleak kernel."
           % (lo if lo == hi else "%d-%d" % (lo, hi), clock))
out.append("spread: interquartile range of the loops relative to their median, "
           "the larger of the two drivers'; a difference within it is reported "
           "as parity.")
worst = max(ratios) if ratios else float("nan")
met = len(ratios) == 12 and round(worst, 2) <= 1.00 and "SLOWER" not in verdicts
out.append("Worst ratio: %.3f over %d rows (%d faster, %d at parity, %d slower); "
           "goal ours/in-tree <= 1.00 on every row: %s."
           % (worst, len(ratios), verdicts.count("faster"),
              verdicts.count("parity"), verdicts.count("SLOWER"),
              "met" if met else "NOT met"))
for prov, d in sorted(dumps.items()):
    same = len(set(d.values())) == 1 and len(d) == 2
    out.append("%s: in-tree and ours read %s." % (
        provs[prov], "identical contents" if same else "DIFFERENT contents"))

# Access counts from the KUnit emulators (kunit_info lines of a check run).
acc = []
if os.path.exists(check_log):
    ktext = open(check_log, errors="replace").read()
    want = {
        "imx": [(1024, 0x0, "whole device"), (4, 0x94, "one aligned word"),
                (2, 0x53, "unaligned 2-byte cell"), (6, 0x90, "mac-address cell")],
        "stm32": [(384, 0x0, "whole device (96 words)"),
                  (128, 0x0, "lower words (bench 'whole')"),
                  (4, 0x30, "one aligned word"), (2, 0x53, "unaligned 2-byte cell"),
                  (2, 0x5c, "ts_cal1 cell")],
    }
    imx = {}
    for m in re.finditer(r"(\d+) bytes at 0x([0-9a-f]+): (\d+) register accesses "
                         r"\((\d+) shadow reads\), floor (\d+)", ktext):
        imx.setdefault((int(m.group(1)), int(m.group(2), 16)),
                       tuple(int(x) for x in m.group(3, 4, 5)))
    st = {}
    for m in re.finditer(r"(\d+) bytes at 0x([0-9a-f]+): (\d+) register reads, "
                         r"(\d+) secure calls", ktext):
        st.setdefault((int(m.group(1)), int(m.group(2), 16)),
                      (int(m.group(3)), int(m.group(4))))
    acc.append("| provider | read | accesses used | floor | limit (KUnit) |")
    acc.append("|---|---|---|---|---|")
    for ln, off, name in want["imx"]:
        v = imx.get((ln, off))
        if v:
            acc.append("| i.MX OCOTP | %s (%d B @ 0x%x) | %d (%d shadow reads) | %d | %d |"
                       % (name, ln, off, v[0], v[1], v[2], v[2] + 2))
        else:
            acc.append("| i.MX OCOTP | %s (%d B @ 0x%x) | not in log | | |" % (name, ln, off))
    for ln, off, name in want["stm32"]:
        first, last = off // 4, (off + ln - 1) // 4
        lower = max(0, min(last, 31) - first + 1)
        upper = (last - first + 1) - lower
        v = st.get((ln, off))
        used = "%d reads + %d secure calls" % v if v else "not in log"
        acc.append("| STM32 BSEC | %s (%d B @ 0x%x) | %s | %d + %d | %d + %d |"
                   % (name, ln, off, used, lower, upper, lower + 2, upper + 2))
    acc.append("")
    acc.append("Floor: one shadow read per word touched (i.MX: plus one ERROR clear "
               "per read-locked word), one secure call per upper BSEC word.")
else:
    acc.append("(no KUnit log at %s: run without OTP_BENCH_CHECK=0)" % check_log)

doc = ["## Read timing: in-tree drivers vs ours", ""] + out + ["", "## Register accesses per read", ""] + acc
if errors:
    doc += ["", "Bench errors / notes:"] + ["- " + e for e in errors]
open(md, "w").write("\n".join(doc) + "\n")
print("\n".join(doc))
print("bench: table written to %s" % md)
PY
