#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The one judge of make check's results, all of them KTAP, all read by
the kernel's own parser, tools/testing/kunit/kunit.py.

check-log.py --kver K --ksrc DIR [--kunit-modules M...] --ktap OUT CONSOLE-LOG
    Judges one QEMU console log: cuts it into its KTAP documents (one per
    KUnit module, one per end-to-end script run, at the guest's markers)
    and writes OUT, one KTAP document for the boot: each of those as a
    subtest, and a test point for each property of the run itself (the
    documents all there and finished, every module loaded, the console
    free of kernel reports).  kunit.py reads OUT; printed are one line
    per failure and kunit.py's summary line.

check-log.py --total KSRC GATES.ktap BOOT.ktap...
    The last lines of make check: kunit.py --json over the static gates'
    document (written by scripts/check.sh) and every boot's, the leaf
    tests counted: "N passed, N failed".
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

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
        elif re.match(r"OTP-GUEST: (kunit |done)", line) and cur is not None:
            # The next document, or the end: this one did not finish.
            docs.append((name, cur, False))
            cur = None
        elif cur is not None:
            cur.append(line)
    if cur is not None:
        docs.append((name, cur, False))
    return docs


def kunit_json(ksrc, doc):
    """kunit.py parse --json of DOC (lines): the tree (None when kunit.py
    wrote none) and the finished process."""
    kunit = f"{ksrc}/tools/testing/kunit/kunit.py"
    fd, path = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    try:
        r = subprocess.run([sys.executable, kunit, "parse", f"--json={path}"],
                           input="\n".join(doc) + "\n", capture_output=True,
                           text=True, cwd=ksrc, timeout=120, check=False)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return (json.loads(text) if text.strip() else None), r
    except (subprocess.TimeoutExpired, ValueError, OSError):
        return None, None
    finally:
        os.unlink(path)


def leaves(node, trail=()):
    """(path, status) of every leaf test of a kunit.py JSON tree."""
    for g in node.get("sub_groups", []):
        yield from leaves(g, trail + (g.get("name", "?"),))
    for c in node.get("test_cases", []):
        yield " / ".join(trail + (c.get("name", "?"),)), c.get("status", "?")


def count(tree):
    """passed, failed, skipped and the failed leaves of a JSON tree."""
    passed = failed = skipped = 0
    bad = []
    for path, status in leaves(tree):
        if status == "PASS":
            passed += 1
        elif status == "SKIP":
            skipped += 1
        else:
            failed += 1
            bad.append(f"{path}: {status}")
    return passed, failed, skipped, bad


def indent(name, doc):
    """DOC (a KTAP document's lines) as subtest NAME of the boot's
    document: its lines from its KTAP header on, four spaces further in,
    with the "# Subtest: NAME" line kunit.py needs to find the end of a
    subtest without a plan."""
    first = next((i for i, l in enumerate(doc) if KTAP_START.match(l)), None)
    if first is None:
        return []
    m = re.match(r"^(\[[ .0-9]+\]\s*)?", doc[first])
    stamp = doc[first][:len(m.group(0))] if m else ""
    body = [l[len(stamp):] if stamp and l.startswith(stamp) else l for l in doc[first:]]
    return ["    " + l for l in body[:1] + [f"# Subtest: {name}"] + body[1:]]


def ktap(tests):
    """One KTAP document from TESTS: (name, ok, diagnostic or None,
    subtest lines or None)."""
    out = ["KTAP version 1", f"1..{len(tests)}"]
    for n, (name, ok, why, sub) in enumerate(tests, 1):
        if sub:
            out += sub
        if why:
            out.append(f"# {name}: {why}")
        out.append(f"{'ok' if ok else 'not ok'} {n} {name}")
    return out


def total(ksrc, gates, outputs):
    """make check's last lines: the gates' document and every boot's."""
    passed = failed = skipped = 0
    for path in [gates] + outputs:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                doc = [l.rstrip("\n") for l in f]
        except OSError:
            doc = []
        tree = kunit_json(ksrc, doc)[0] if doc else None
        if tree is None:
            failed += 1
            print(f"FAIL {path}: no KTAP document kunit.py could read")
            continue
        p, fl, sk, bad = count(tree)
        if p + fl == 0:
            fl = 1
            bad.append("no test in it")
        passed, failed, skipped = passed + p, failed + fl, skipped + sk
        for b in bad:
            print(f"FAIL {path}: {b}")
    if skipped:
        print(f"({skipped} skipped: features the kernel does not have)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def judge(lines, ksrc, modules, where):
    """One console log: its KTAP document (lines), then passed, failed,
    skipped, the problems, and kunit.py's summary line for it."""
    tests = []
    # KUnit: one document per test module.
    # The built-in executor prints an empty document at boot; ours follow
    # the guest's start marker.
    start = next((i for i, l in enumerate(lines) if "OTP-GUEST: start" in l), len(lines))
    docs = split_ktap(lines[start:])
    tests.append(("kunit-documents", len(docs) == len(modules),
                  None if len(docs) == len(modules) else
                  f"expected {len(modules)} (one per module: {' '.join(modules)}), "
                  f"found {len(docs)}", None))
    names = modules + [f"module-{i}" for i in range(len(modules), len(docs))]
    for name, doc in zip(names, docs):
        tree = kunit_json(ksrc, doc)[0]
        p, fl = count(tree)[:2] if tree else (0, 1)
        ok = fl == 0 and p > 0
        tests.append((f"kunit-{name}", ok, None if ok else
                      "a case failed or crashed, or none ran",
                      indent(f"kunit-{name}", doc)))

    # End-to-end checks: one document per script run, finished when
    # /init's e2e-done marker follows it.
    for name, doc, finished in e2e_docs(lines[start:]):
        tag = "e2e-" + name.replace(" (run ", "-run").rstrip(")")
        # A plan after the results stalls kunit.py: said, and left out.
        late = [l for l in doc if re.match(r"^1\.\.\d+\s*$", l)]
        if late:
            tests.append((tag + "-no-late-plan", False, "a plan line after the results", None))
            doc = [l for l in doc if l not in late]
        tree = kunit_json(ksrc, doc)[0]
        p, fl = count(tree)[:2] if tree else (0, 1)
        tests.append((tag, fl == 0, None if fl == 0 else "a check failed",
                      indent(tag, doc)))
        tests.append((tag + "-finished", finished,
                      None if finished else f"did not finish ({p + fl} results printed)",
                      None))

    # The run itself.
    some = len(tests) > 1
    tests.append(("results", some, None if some else "no KUnit or end-to-end "
                  "document in " + where, None))
    done = any("OTP-GUEST: done" in l for l in lines)
    tests.append(("guest-finished", done, None if done else
                  "timeout, panic or hang; see " + where, None))
    failed_insmod = [l for l in lines if "OTP-GUEST: insmod" in l and l.endswith("failed")]
    tests.append(("modules-loaded", not failed_insmod,
                  failed_insmod[0] if failed_insmod else None, None))
    for name, rx in SPLATS:
        hits = [l for l in lines if rx.search(l) and not any(b.search(l) for b in BENIGN)]
        tests.append((f"console-no-{name.lower()}", not hits,
                      f"{name} report: {hits[0].strip()}" if hits else None, None))

    doc = ktap(tests)
    tree, r = kunit_json(ksrc, doc)
    if tree is None:
        return doc, 0, 1, 0, ["kunit.py could not read the boot's document"], ""
    p, fl, sk, bad = count(tree)
    problems = [f"{name}: {why}" for name, ok, why, _ in tests if not ok and why] + bad
    out = re.sub(r"\x1b\[[0-9;]*m", "", (r.stdout + r.stderr) if r else "")
    summary = [l[l.index("Testing complete"):] for l in out.splitlines()
               if "Testing complete" in l]
    return doc, p, fl, sk, problems, summary[-1] if summary else ""


def selftest(ksrc):
    """The parser against logs that must fail, each next to one that must
    pass: a KTAP test point per case (the "parser" gate of make check)."""
    kunit = ["OTP-GUEST: kunit m.ko t=1", "KTAP version 1", "1..1",
             "    KTAP version 1", "    # Subtest: s", "    1..2",
             "    ok 1 a", "    ok 2 b", "ok 1 s", "OTP-GUEST: kunit-done m.ko rc=0"]
    e2e = ["OTP-GUEST: e2e x.sh run=1 t=2", "KTAP version 1", "# e2e: x.sh",
           "ok 1 one", "[   3.1] a kernel line", "ok 2 two", "# e2e: 2 checks",
           "OTP-GUEST: e2e-done x.sh run=1"]
    good = ["OTP-GUEST: start"] + e2e + kunit + ["OTP-GUEST: done t=9"]
    # Each log that must fail names the test of the boot's document that
    # must be the one to fail.
    cases = [
        ("good-log-passes", good, ["m.ko"], None),
        ("e2e-not-ok-fails", [l.replace("ok 2 two", "not ok 2 two") for l in good],
         ["m.ko"], "e2e-x.sh-run1 / two"),
        ("e2e-unfinished-fails", [l for l in good if "e2e-done" not in l],
         ["m.ko"], "e2e-x.sh-run1-finished"),
        ("kunit-case-fails", [l.replace("    ok 2 b", "    not ok 2 b") for l in good],
         ["m.ko"], "kunit-m.ko / s / b"),
        ("kunit-document-missing-fails", good, ["m.ko", "n.ko"], "kunit-documents"),
        ("kunit-truncated-fails", [l for l in good if l not in ("    ok 2 b", "ok 1 s")],
         ["m.ko"], "kunit-m.ko"),
        ("kasan-report-fails", good[:-1] + ["BUG: KASAN: slab-use-after-free in x"] +
         good[-1:], ["m.ko"], "console-no-kasan"),
        ("insmod-failure-fails", good[:1] + ["OTP-GUEST: insmod x.ko failed"] + good[1:],
         ["m.ko"], "modules-loaded"),
        ("no-results-fails", ["OTP-GUEST: start", "OTP-GUEST: done"], [], "results"),
        ("no-finish-fails", good[:-1], ["m.ko"], "guest-finished"),
    ]
    print("KTAP version 1")
    print(f"1..{len(cases)}")
    bad = 0
    for n, (name, lines, modules, want) in enumerate(cases, 1):
        _, p, f, _, why, _ = judge(lines, ksrc, modules, name)
        if want is None:
            ok = f == 0 and p > 0
        else:
            ok = f > 0 and any(w.startswith(want + ":") for w in why)
        if not ok:
            bad += 1
            print(f"# {name}: passed={p} failed={f}: {why}")
        print(f"{'ok' if ok else 'not ok'} {n} {name}")
    return 1 if bad else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--total":
        return total(sys.argv[2], sys.argv[3], sys.argv[4:])
    if len(sys.argv) > 1 and sys.argv[1] == "--selftest":
        return selftest(sys.argv[2])
    ap = argparse.ArgumentParser()
    ap.add_argument("--kver", required=True)
    ap.add_argument("--ksrc", required=True)
    ap.add_argument("--kunit-modules", default="")
    ap.add_argument("--ktap", required=True)
    ap.add_argument("log")
    a = ap.parse_args()

    with open(a.log, encoding="utf-8", errors="replace") as f:
        lines = [l.rstrip("\r\n") for l in f]
    doc, _, failed, _, problems, summary = judge(lines, a.ksrc,
                                                 a.kunit_modules.split(), a.log)
    with open(a.ktap, "w", encoding="utf-8") as f:
        f.write("\n".join(doc) + "\n")
    for p in problems:
        print(f"FAIL [{a.kver}] {p}")
    print(summary or "Testing complete: no summary from kunit.py")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
