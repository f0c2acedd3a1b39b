#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The one judge of make check's results, all of them KTAP.

check-log.py --kver K --ksrc DIR [--kunit-modules M...] CONSOLE-LOG
    Judges one QEMU console log: every KUnit case (each module's KTAP
    document is parsed by the kernel's own tools/testing/kunit/kunit.py)
    and every end-to-end check (one KTAP document per script run, printed
    by tests/e2e/lib.sh, read by ktap_doc() below), then fails the run on a
    timeout, a missing or unfinished document, a plan that does not match
    its results, or any kernel splat, even when every test passed.  Prints
    one line per failure and a final "RESULT <kver> passed=N failed=N
    skipped=N".

check-log.py --total GATES.ktap QEMU-OUTPUT...
    The last lines of make check: the static gates' KTAP document (written
    by scripts/check.sh) and each boot's RESULT line (written by the first
    form), one line per boot and "N passed, N failed".
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

# One test point of our KTAP documents: "ok 3 name", "not ok 3 name",
# "ok 3 name # SKIP why".  Names carry no spaces.
KTAP_RESULT = re.compile(r"^(ok|not ok) (\d+) (\S+)(?:\s+#\s*(SKIP)\b.*)?\s*$")
KTAP_PLAN = re.compile(r"^1\.\.(\d+)\s*$")
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


def ktap_doc(name, doc, finished=True):
    """One flat KTAP document (an end-to-end script run, the gates):
    header, results numbered from 1, the plan before or after them.
    Returns passed, failed, skipped and the problems found."""
    passed = failed = skipped = 0
    problems = []
    if not any(KTAP_START.match(l) for l in doc):
        return 0, 1, 0, [f"{name}: no KTAP header"]
    plans = [int(m.group(1)) for m in map(KTAP_PLAN.match, doc) if m]
    seen = 0
    why = []
    for l in doc:
        if l.startswith("# ") and not l.startswith("# e2e:"):
            why.append(l[2:])
        m = KTAP_RESULT.match(l)
        if not m:
            continue
        seen += 1
        if int(m.group(2)) != seen:
            problems.append(f"{name}: test {m.group(3)} numbered {m.group(2)}, expected {seen}")
            failed += 1
        if m.group(4):
            skipped += 1
        elif m.group(1) == "ok":
            passed += 1
        else:
            failed += 1
            problems.append(f"{name}: not ok {m.group(3)}" + (f": {why[-1]}" if why else ""))
        why = []
    if not finished:
        failed += 1
        problems.append(f"{name}: did not finish ({seen} results printed)")
    elif len(plans) != 1:
        failed += 1
        problems.append(f"{name}: {len(plans)} plan lines, expected one")
    elif plans[0] != seen:
        failed += 1
        problems.append(f"{name}: plan 1..{plans[0]}, {seen} results")
    return passed, failed, skipped, problems


def e2e_docs(lines):
    """The end-to-end documents, cut at /init's markers: (name, lines,
    finished)."""
    docs, cur, name = [], None, None
    for line in lines:
        m = re.match(r"OTP-GUEST: e2e (\S+) run=(\d+)", line)
        if m:
            if cur is not None:
                docs.append((name, cur, False))
            name, cur = f"{m.group(1)} (run {m.group(2)})", []
        elif line.startswith("OTP-GUEST: e2e-done ") and cur is not None:
            docs.append((name, cur, True))
            cur = None
        elif cur is not None:
            cur.append(line)
    if cur is not None:
        docs.append((name, cur, False))
    return docs


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


def total(gates, outputs):
    """make check's last lines: the gates' document and every boot."""
    passed = failed = skipped = 0
    with open(gates, encoding="utf-8", errors="replace") as f:
        p, fl, sk, why = ktap_doc("gates", [l.rstrip("\n") for l in f])
    passed, failed, skipped = p, fl, sk
    for w in why:
        print(f"FAIL {w}")
    for out in outputs:
        with open(out, encoding="utf-8", errors="replace") as f:
            res = [m for m in (re.match(r"RESULT (\S+) passed=(\d+) failed=(\d+) skipped=(\d+)", l)
                               for l in f) if m]
        if not res:
            failed += 1
            print(f"FAIL {out}: no result")
            continue
        _, p, fl, sk = res[-1].groups()
        passed += int(p)
        failed += int(fl)
        skipped += int(sk)
    if skipped:
        print(f"({skipped} skipped: features the kernel does not have)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def judge(lines, ksrc, modules, where):
    """One console log: passed, failed, skipped and the problems."""
    passed = failed = skipped = 0
    problems = []

    # KUnit: one document per test module.
    # The built-in executor prints an empty document at boot; ours follow
    # the guest's start marker.
    start = next((i for i, l in enumerate(lines) if "OTP-GUEST: start" in l), len(lines))
    docs = split_ktap(lines[start:])
    if len(docs) != len(modules):
        failed += 1
        problems.append(f"expected {len(modules)} KTAP documents (one per module: "
                        f"{' '.join(modules)}), found {len(docs)}")
    for doc in docs:
        p, fl, sk, why = parse_doc(ksrc, doc)
        passed += p
        failed += fl
        skipped += sk
        problems += why

    # End-to-end checks: one document per script run.
    for name, doc, finished in e2e_docs(lines[start:]):
        p, fl, sk, why = ktap_doc("e2e " + name, doc, finished)
        passed += p
        failed += fl
        skipped += sk
        problems += why
    if passed + failed == 0:
        failed += 1
        problems.append("no test result at all in " + where)

    # The run itself.
    if not any("OTP-GUEST: done" in l for l in lines):
        failed += 1
        problems.append("guest did not finish (timeout, panic or hang); see " + where)
    for l in lines:
        if "OTP-GUEST: insmod" in l and l.endswith("failed"):
            failed += 1
            problems.append(l)
    for name, rx in SPLATS:
        hits = [l for l in lines if rx.search(l) and not any(b.search(l) for b in BENIGN)]
        if hits:
            failed += 1
            problems.append(f"console: {name} report: {hits[0].strip()}")
    return passed, failed, skipped, problems


def selftest(ksrc):
    """The parser against logs that must fail, each next to one that must
    pass: a KTAP test point per case (the "parser" gate of make check)."""
    kunit = ["OTP-GUEST: kunit m.ko t=1", "KTAP version 1", "1..1",
             "    KTAP version 1", "    # Subtest: s", "    1..2",
             "    ok 1 a", "    ok 2 b", "ok 1 s", "OTP-GUEST: kunit-done m.ko rc=0"]
    e2e = ["OTP-GUEST: e2e x.sh run=1 t=2", "KTAP version 1", "# e2e: x.sh",
           "ok 1 one", "[   3.1] a kernel line", "ok 2 two", "1..2",
           "OTP-GUEST: e2e-done x.sh run=1"]
    good = ["OTP-GUEST: start"] + e2e + kunit + ["OTP-GUEST: done t=9"]
    cases = [
        ("good-log-passes", good, ["m.ko"], (4, 0)),
        ("e2e-not-ok-fails", [l.replace("ok 2 two", "not ok 2 two") for l in good],
         ["m.ko"], (3, 1)),
        ("e2e-plan-mismatch-fails", ["1..3" if l == "1..2" else l for l in good],
         ["m.ko"], (4, 1)),
        ("e2e-unfinished-fails", [l for l in good if "e2e-done" not in l and
                                  l != "1..2"], ["m.ko"], None),
        ("kunit-case-fails", [l.replace("    ok 2 b", "    not ok 2 b") for l in good],
         ["m.ko"], None),
        ("kunit-document-missing-fails", good, ["m.ko", "n.ko"], None),
        ("kunit-truncated-fails", [l for l in good if l not in ("    ok 2 b", "ok 1 s")],
         ["m.ko"], None),
        ("kasan-report-fails", good[:-1] + ["BUG: KASAN: slab-use-after-free in x"] +
         good[-1:], ["m.ko"], None),
        ("no-results-fails", ["OTP-GUEST: start", "OTP-GUEST: done"], [], (0, 1)),
        ("no-finish-fails", good[:-1], ["m.ko"], (4, 1)),
    ]
    print("KTAP version 1")
    print(f"1..{len(cases)}")
    bad = 0
    for n, (name, lines, modules, want) in enumerate(cases, 1):
        p, f, _, why = judge(lines, ksrc, modules, name)
        ok = (f == 0) if name.endswith("passes") else (f > 0)
        if ok and want is not None:
            ok = (p, f) == want
        if not ok:
            bad += 1
            print(f"# {name}: passed={p} failed={f}: {why}")
        print(f"{'ok' if ok else 'not ok'} {n} {name}")
    return 1 if bad else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--total":
        return total(sys.argv[2], sys.argv[3:])
    if len(sys.argv) > 1 and sys.argv[1] == "--selftest":
        return selftest(sys.argv[2])
    ap = argparse.ArgumentParser()
    ap.add_argument("--kver", required=True)
    ap.add_argument("--ksrc", required=True)
    ap.add_argument("--kunit-modules", default="")
    ap.add_argument("log")
    a = ap.parse_args()

    with open(a.log, encoding="utf-8", errors="replace") as f:
        lines = [l.rstrip("\r\n") for l in f]
    passed, failed, skipped, problems = judge(lines, a.ksrc, a.kunit_modules.split(), a.log)
    for p in problems:
        print(f"FAIL [{a.kver}] {p}")
    print(f"RESULT {a.kver} passed={passed} failed={failed} skipped={skipped}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
