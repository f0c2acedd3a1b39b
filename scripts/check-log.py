#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Judge one QEMU console log.

Counts every KUnit case (each KTAP document is parsed by the kernel's own
tools/testing/kunit/kunit.py, one document per test module) and every
"E2E:" line, then fails the run on a timeout, a missing module document,
or any kernel splat, even when every test passed.  Prints one line per
failure and a final "RESULT <kver> passed=N failed=N skipped=N".
"""
import argparse
import re
import subprocess
import sys

SPLATS = [
    ("BUG", re.compile(r"\bBUG:")),
    ("WARNING", re.compile(r"\bWARNING:")),
    ("Oops", re.compile(r"\bOops\b|Internal error:")),
    ("KASAN", re.compile(r"KASAN:|kasan:.*report")),
    ("lockdep", re.compile(r"possible circular locking|possible recursive locking|"
                           r"inconsistent lock state|lockdep|INFO: possible irq lock")),
    ("kmemleak", re.compile(r"unreferenced object 0x")),
    ("panic", re.compile(r"Kernel panic")),
    ("sleep-in-atomic", re.compile(r"sleeping function called from invalid context")),
    ("call-trace", re.compile(r"^\s*Call trace:")),
    # The hunt kernel's detectors (scripts/config/hunt.config); KFENCE
    # reports start with "BUG: KFENCE:".
    ("UBSAN", re.compile(r"UBSAN:")),
    ("debugobjects", re.compile(r"ODEBUG:")),
    ("list-debug", re.compile(r"list_(add|del) corruption")),
]

# Lines that mention the detectors without reporting anything.
BENIGN = [
    re.compile(r"KernelAddressSanitizer initialized"),
    re.compile(r"kmemleak: Kernel memory leak detector initialized"),
    re.compile(r"kmemleak: Automatic memory scanning thread"),
    re.compile(r"Lock dependency validator"),
    re.compile(r"RCU lockdep checking is enabled"),
    re.compile(r"lockdep: .*(entries|classes|chains)"),
    re.compile(r"^\s*\.\.\. MAX_LOCK"),
    re.compile(r"^\s*(in-kernel|per task|memory used|Copyright)"),
]

KTAP_START = re.compile(r"^(\[[ .0-9]+\]\s*)?(KTAP version \d+|TAP version \d+)\s*$")
SUMMARY = re.compile(r"Ran (\d+) tests?:(.*)$", re.M)


def split_ktap(lines):
    """One KTAP document per test module, cut at the guest's markers.

    6.12 prints a top-level "KTAP version 1" / "1..N" header per module;
    6.1 prints only the suites (indented) and their top-level results, so
    the header is put back here for kunit.py.  A module that never reached
    its end marker (crash) keeps what it printed.
    """
    docs, cur = [], None
    for line in lines:
        if re.match(r"OTP-GUEST: kunit \S+( t=\S+)?$", line):
            cur = []
        elif line.startswith("OTP-GUEST: kunit-done"):
            if cur is not None:
                docs.append(cur)
            cur = None
        elif cur is not None:
            cur.append(line)
    if cur is not None:
        docs.append(cur)
    out = []
    for doc in docs:
        if not any(KTAP_START.match(l) for l in doc):
            n = sum(1 for l in doc if re.match(r"^(ok|not ok) \d+", l))
            doc = ["KTAP version 1", f"1..{n}"] + doc
        out.append(doc)
    return out


def parse_doc(ksrc, doc):
    kunit = f"{ksrc}/tools/testing/kunit/kunit.py"
    r = subprocess.run([sys.executable, kunit, "parse"], input="\n".join(doc) + "\n",
                       capture_output=True, text=True, cwd=ksrc)
    out = re.sub(r"\x1b\[[0-9;]*m", "", r.stdout + r.stderr)
    m = None
    for m in SUMMARY.finditer(out):
        pass
    fails = [l.strip() for l in out.splitlines() if "[FAILED]" in l or "[CRASHED]" in l]
    if not m or int(m.group(1)) == 0:
        return 0, 1, 0, ["kunit.py found no test case in a document:\n" + out[-2000:]]
    counts = {k: int(v) for k, v in re.findall(r"(\w+): (\d+)", m.group(2))}
    bad = counts.get("failed", 0) + counts.get("crashed", 0) + counts.get("errors", 0)
    if r.returncode and not bad:
        bad = 1
        fails.append("kunit.py parse exited %d" % r.returncode)
    return counts.get("passed", 0), bad, counts.get("skipped", 0), fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kver", required=True)
    ap.add_argument("--ksrc", required=True)
    ap.add_argument("--kunit-modules", default="")
    ap.add_argument("log")
    a = ap.parse_args()

    with open(a.log, encoding="utf-8", errors="replace") as f:
        lines = [l.rstrip("\r\n") for l in f]

    passed = failed = skipped = 0
    problems = []

    # KUnit: one document per test module.
    modules = a.kunit_modules.split()
    # The built-in executor prints an empty document at boot; ours follow
    # the guest's start marker.
    start = next((i for i, l in enumerate(lines) if "OTP-GUEST: start" in l), len(lines))
    docs = split_ktap(lines[start:])
    if len(docs) != len(modules):
        failed += 1
        problems.append(f"expected {len(modules)} KTAP documents (one per module: "
                        f"{' '.join(modules)}), found {len(docs)}")
    for doc in docs:
        p, fl, sk, why = parse_doc(a.ksrc, doc)
        passed += p
        failed += fl
        skipped += sk
        problems += why

    # End-to-end checks.
    for l in lines:
        m = re.search(r"E2E: (ok|not ok) (.*)", l)
        if not m:
            continue
        if m.group(1) == "ok":
            passed += 1
        else:
            failed += 1
            problems.append("e2e: " + m.group(2))

    # The run itself.
    if not any("OTP-GUEST: done" in l for l in lines):
        failed += 1
        problems.append("guest did not finish (timeout, panic or hang); see " + a.log)
    for l in lines:
        if "OTP-GUEST: insmod" in l and l.endswith("failed"):
            failed += 1
            problems.append(l)
    for name, rx in SPLATS:
        hits = [l for l in lines if rx.search(l) and not any(b.search(l) for b in BENIGN)]
        if hits:
            failed += 1
            problems.append(f"console: {name} report: {hits[0].strip()}")

    for p in problems:
        print(f"FAIL [{a.kver}] {p}")
    print(f"RESULT {a.kver} passed={passed} failed={failed} skipped={skipped}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
