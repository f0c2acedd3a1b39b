#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""LAVA's results of one lava-run, as KTAP.

lava-results.py JOB-LOG [RESULTS-YAML]
    JOB-LOG is what lava-run logs (one YAML mapping a line, what a LAVA
    server stores as the job's output.yaml).  Its "results" entries are
    LAVA's results: written to RESULTS-YAML when given, and printed as KTAP,
    one document per test definition run (LAVA's "suite": 0_otp-load,
    1_otp-consumers, ..., and LAVA's own "lava" suite with the job itself),
    then "N passed, N failed".  Exit 1 when a case failed, when LAVA's job
    result is not pass, or when no case of ours was reported.
"""
import sys

import yaml


def main():
    results = []
    with open(sys.argv[1], errors="replace") as f:
        for line in f:
            line = line.strip()
            if '"lvl": "results"' not in line:
                continue
            try:
                entry = yaml.safe_load(line)
            except yaml.YAMLError:
                continue
            if isinstance(entry, dict) and entry.get("lvl") == "results":
                results.append(entry["msg"])
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as f:
            yaml.safe_dump(results, f, sort_keys=False)

    suites = {}
    for r in results:
        suites.setdefault(r.get("definition", "?"), []).append(r)
    passed = failed = skipped = ours = 0
    mine = {"pass": 0, "fail": 0, "skip": 0}
    job_ok = False
    for suite, cases in suites.items():
        print("KTAP version 1")
        print("# lava suite: %s" % suite)
        for n, r in enumerate(cases, 1):
            res = r.get("result")
            name = r.get("case")
            if suite == "lava" and name == "job":
                job_ok = res == "pass"
            if suite != "lava":
                ours += 1
                mine[res if res in mine else "fail"] += 1
            if res == "pass":
                passed += 1
                print("ok %d %s" % (n, name))
            elif res == "skip":
                skipped += 1
                print("ok %d %s # SKIP" % (n, name))
            else:
                failed += 1
                why = r.get("error_msg")
                if why:
                    print("# %s: %s" % (name, " ".join(str(why).split())[:300]))
                print("not ok %d %s" % (n, name))
        print("1..%d" % len(cases))
    if not job_ok:
        print("# lava: the job did not finish correctly")
    if ours == 0:
        print("# lava: no test case of ours was reported")
    print("# test cases of ours: %d passed, %d failed, %d skipped; LAVA's own "
          "(lava suite): %d" % (mine["pass"], mine["fail"], mine["skip"],
                                len(suites.get("lava", []))))
    if skipped:
        print("# %d skipped" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and job_ok and ours > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
