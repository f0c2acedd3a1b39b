#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# KTAP on stdin (what tests/e2e/lib.sh prints for an end-to-end script,
# what KUnit prints for a module), echoed unchanged, and every test point
# ("ok N name", "not ok N name", "ok N name # SKIP why") reported to LAVA
# as one lava-test-case.  Nested documents (KUnit suites, parameterised
# cases) name their points after the enclosing "# Subtest:" lines, joined
# by dots.  Names keep [-_.a-zA-Z0-9]; anything else becomes "_".
# One more case, PREFIX-ktap-plan, fails when there is no document, or a
# top-level document has no result, or its count does not match its
# results (a script that died half way): the plan "1..N" of a KUnit
# document, the closing "# e2e: N checks" of an end-to-end one (whose
# documents carry no plan line: tests/e2e/lib.sh).
#
# usage: ktap-to-lava.sh [-q] PREFIX < KTAP
#   -q          do not echo the KTAP (the caller has shown it already);
#               the reporter's own output (LAVA's signals) still goes out
#   PREFIX      prepended to the plan case's name
#   LAVA_TEST_CASE   the reporter (default lava-test-case; "echo" to try it
#                    outside LAVA)
echo=1
if [ "${1:-}" = -q ]; then
	echo=0
	shift
fi
prefix=${1:-ktap}
report=${LAVA_TEST_CASE:-lava-test-case}
command -v "$report" >/dev/null 2>&1 || report="echo"

awk -v prefix="$prefix" -v report="$report" -v echo="$echo" '
function clean(s) {
	gsub(/[^-_.a-zA-Z0-9]/, "_", s)
	gsub(/__+/, "_", s)
	sub(/^_/, "", s)
	sub(/_$/, "", s)
	return s
}
function emit(name, result) {
	name = clean(name)
	if (name == "")
		name = "unnamed"
	fflush()
	system(report " " name " --result " result)
}
function check_doc() {	# the document read so far, if any
	if (docs == 0)
		return
	if (results == 0 || !planned || plan != results) {
		printf "# %s: document %d: %d top-level results, plan %s\n", prefix, docs, results, planned ? plan : "missing"
		bad++
	}
	results = 0
	planned = 0
}
{
	if (echo)
		print
	line = $0
	sub(/\r$/, "", line)
	# dmesg/console timestamps, if any
	sub(/^\[[ 0-9.]+\] ?/, "", line)
	match(line, /^ */)
	depth = int(RLENGTH / 4)
	body = substr(line, RLENGTH + 1)
	if (body ~ /^(KTAP|TAP) version [0-9]+/) {
		sub_name[depth] = ""
		if (depth == 0) {
			check_doc()
			docs++
		}
		next
	}
	if (body ~ /^# Subtest: /) {
		sub_name[depth] = substr(body, 12)
		next
	}
	if (body ~ /^1\.\.[0-9]+/ && depth == 0) {
		plan = substr(body, 4) + 0
		planned = 1
		next
	}
	if (body ~ /^# e2e: [0-9]+ checks$/ && depth == 0) {
		plan = substr(body, 8) + 0
		planned = 1
		next
	}
	if (body ~ /^(not )?ok [0-9]+/) {
		result = "pass"
		if (body ~ /^not ok/) {
			result = "fail"
			sub(/^not ok [0-9]+ ?/, "", body)
		} else {
			sub(/^ok [0-9]+ ?/, "", body)
		}
		if (body ~ /# *SKIP/) {
			if (result == "pass")
				result = "skip"
		}
		sub(/ *#.*$/, "", body)
		sub(/^- /, "", body)
		name = ""
		for (d = 1; d <= depth; d++)
			if (sub_name[d] != "")
				name = name clean(sub_name[d]) "."
		emit(name clean(body), result)
		if (depth == 0)
			results++
		counted[result]++
	}
}
END {
	check_doc()
	emit(prefix "-ktap-plan", (docs > 0 && bad == 0) ? "pass" : "fail")
}'
