#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/otp on the host, against stand-in sysfs trees (OTP_SYSFS: a
# directory of <dev>/nvmem files with of_node/compatible and cells), under
# dash and under busybox sh with busybox's own applets first in PATH (what
# a board runs).  Every refusal is checked for its exit code and for
# nothing written; then plan, apply, a second apply that blows nothing,
# lock, the audit log and the JSON output.  KTAP on stdout.
#
#   tests/otp-tool-test.sh            both shells (dash only without busybox)
#   OTP_TOOL=/tmp/otp tests/otp-tool-test.sh   another copy of the tool
#                                     (a mutant: some test must fail)

top=$(cd "$(dirname "$0")/.." && pwd)
OTP_TOOL=${OTP_TOOL:-$top/scripts/otp}
fields=$top/scripts/otp-fields
tmp=$(mktemp -d "${TMPDIR:-/tmp}/otp-tool-test.XXXXXX") || exit 1
results=$tmp/results
: > "$results"
n=0

finish() {	# the KTAP document, plan first; exit 1 when a test failed
	echo "KTAP version 1"
	echo "1..$n"
	cat "$results"
	rc=0
	grep -q '^not ok' "$results" && rc=1
	rm -rf "$tmp"
	exit $rc
}
trap finish EXIT
trap 'exit 1' INT TERM

ok() {
	n=$((n + 1))
	echo "ok $n $1" >> "$results"
}

not_ok() {	# not_ok NAME WHY...
	name=$1
	shift
	n=$((n + 1))
	{
		echo "# $name: $*"
		sed 's/^/#   /' "$tmp/out" 2>/dev/null | head -n 8
		echo "not ok $n $name"
	} >> "$results"
}

skip() {	# skip NAME WHY
	n=$((n + 1))
	echo "ok $n $1 # SKIP $2" >> "$results"
}

# The 8MM seed's words, as a binary image (little-endian words).
mkimage() {	# mkimage WORDS-FILE: the image on stdout
	esc=
	while read -r w; do
		v=$((0x$w))
		for b in $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255)); do
			esc="$esc\\$((b / 64))$((b / 8 % 8))$((b % 8))"
		done
	done < "$1"
	# shellcheck disable=SC2059 # escapes
	printf "$esc"
}

zeros() {	# zeros BYTES FILE
	dd if=/dev/zero of="$2" bs="$1" count=1 2>/dev/null
}

cell() {	# cell DEV NAME OFFSET LEN: a device-tree cell node
	mkdir -p "$sys/$1/of_node/$2"
	esc=
	for b in $(($3 >> 24 & 255)) $(($3 >> 16 & 255)) $(($3 >> 8 & 255)) $(($3 & 255)) \
		$(($4 >> 24 & 255)) $(($4 >> 16 & 255)) $(($4 >> 8 & 255)) $(($4 & 255)); do
		esc="$esc\\$((b / 64))$((b / 8 % 8))$((b % 8))"
	done
	# shellcheck disable=SC2059 # escapes
	printf "$esc" > "$sys/$1/of_node/$2/reg"
}

compatible() {	# compatible DEV STRING...
	d=$1
	shift
	mkdir -p "$sys/$d/of_node"
	: > "$sys/$d/of_node/compatible"
	for c; do
		printf '%s\000' "$c" >> "$sys/$d/of_node/compatible"
	done
}

# A fresh stand-in: imx-ocotp0 and 1 are the QEMU check node's i.MX8M Mini
# (the seed's words and compatible, the i.MX8MQ's first, on a machine that
# says i.MX8M Mini), 0 read-only; 2 an i.MX6ULL, 3 an i.MX8QXP (SCU), 4 an
# i.MX8MN node (the machine's i.MX8MM map applies, as in the driver), 9 an
# i.MX6SX (no fuse map), stm32-romem0 read-only.
mksys() {
	rm -rf "$tmp/sys" "$tmp/dt"
	sys=$tmp/sys
	mkdir -p "$sys" "$tmp/dt"
	printf 'linux,dummy-virt\000fsl,imx8mm\000' > "$tmp/dt/compatible"
	for d in imx-ocotp0 imx-ocotp1; do
		compatible "$d" fsl,imx8mq-ocotp fsl,imx7d-ocotp syscon
		cp "$tmp/seed.bin" "$sys/$d/nvmem"
		cell "$d" mac-address@90 0x90 6
	done
	chmod 444 "$sys/imx-ocotp0/nvmem"
	# imx-ocotp1 has no MAC yet.
	dd if=/dev/zero of="$sys/imx-ocotp1/nvmem" bs=4 seek=36 count=2 conv=notrunc 2>/dev/null
	cell imx-ocotp1 speed-grade@10 0x10 4
	cell imx-ocotp1 tail@3fc 0x3fc 8
	compatible imx-ocotp2 fsl,imx6ull-ocotp
	zeros 288 "$sys/imx-ocotp2/nvmem"
	compatible imx-ocotp3 fsl,imx8qxp-scu-ocotp
	zeros 3200 "$sys/imx-ocotp3/nvmem"
	# ECC word 0x10 holds a value.
	printf '\001\000\000\000' | dd of="$sys/imx-ocotp3/nvmem" bs=4 seek=16 conv=notrunc 2>/dev/null
	cell imx-ocotp3 mac@2c4 0x2c4 6
	compatible imx-ocotp4 fsl,imx8mn-ocotp
	zeros 1024 "$sys/imx-ocotp4/nvmem"
	# No LOCK bit set; SJC_RESP word 32 read-locked.
	printf '\332\272\332\272' | dd of="$sys/imx-ocotp4/nvmem" bs=4 seek=32 conv=notrunc 2>/dev/null
	compatible imx-ocotp9 fsl,imx6sx-ocotp syscon
	zeros 512 "$sys/imx-ocotp9/nvmem"
	compatible stm32-romem0 st,stm32mp15-bsec
	zeros 384 "$sys/stm32-romem0/nvmem"
	chmod 444 "$sys/stm32-romem0/nvmem"
	: > "$tmp/audit.log"
}

otp() {	# otp ARG...: the tool under the shell being tested; output in $tmp/out
	# shellcheck disable=SC2086 # SH may be "busybox sh"
	PATH=$path OTP_SYSFS=$sys OTP_DT=$tmp/dt OTP_FIELDS=$fields OTP_LOG=$tmp/audit.log \
		$SH "$OTP_TOOL" "$@" > "$tmp/out" 2>&1 < "${stdin:-/dev/null}"
}

snap() {	# snap DEV: remember DEV's fuses
	cp "$sys/$1/nvmem" "$tmp/before"
}

unchanged() {	# unchanged DEV: true when DEV's fuses are what snap saw
	cmp -s "$sys/$1/nvmem" "$tmp/before"
}

# refused NAME EXIT DEV ARG...: otp ARG... exits EXIT and writes nothing to DEV
refused() {
	name=$sh_name-$1 want=$2 rdev=$3
	shift 3
	snap "$rdev"
	: > "$tmp/audit.log"
	otp "$@"
	got=$?
	if [ "$got" != "$want" ]; then
		not_ok "$name" "otp $* exited $got, want $want"
	elif ! unchanged "$rdev"; then
		not_ok "$name" "otp $* exited $got but changed $rdev"
	elif [ -s "$tmp/audit.log" ]; then
		not_ok "$name" "otp $* logged a burn: $(cat "$tmp/audit.log")"
	else
		ok "$name"
	fi
}

# expect NAME EXIT PATTERN ARG...: otp ARG... exits EXIT, its output matches PATTERN (grep -E)
expect() {
	name=$sh_name-$1 want=$2 pat=$3
	shift 3
	otp "$@"
	got=$?
	if [ "$got" != "$want" ]; then
		not_ok "$name" "otp $* exited $got, want $want"
	elif ! grep -Eq -- "$pat" "$tmp/out"; then
		not_ok "$name" "otp $* did not print /$pat/"
	else
		ok "$name"
	fi
}

check() {	# check NAME CMD...: CMD succeeds
	name=$sh_name-$1
	shift
	if "$@" > /dev/null 2>&1; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}

word() {	# word DEV N: word N of DEV, 0x%08x
	set -- "$1" "$2" "$(od -An -v -t x4 -j $(($2 * 4)) -N 4 "$sys/$1/nvmem" | tr -d ' ')"
	echo "0x$3"
}

json_ok() {	# json_ok NAME: $tmp/out is JSON
	if [ -z "$python" ]; then
		skip "$sh_name-$1" "no python3"
	elif "$python" -m json.tool "$tmp/out" > /dev/null 2>&1; then
		ok "$sh_name-$1"
	else
		not_ok "$sh_name-$1" "not JSON"
	fi
}

cat > "$tmp/manifest" <<'EOF'
# i.MX8M Mini board, production fuses
device imx-ocotp1
mac-address    00:04:9f:0a:0b:0c      # the board's MAC, as the FEC reads it
USB_VID        0x1fc9
SRK_HASH       0x0123456789abcdef00112233445566778899aabbccddeeff0f1e2d3c4b5a6978
BOOT_CFG       0x2002
SEC_CONFIG[1]  0x1
EOF

python=$(command -v python3 || :)

suite() {	# suite: every check, under $SH with $path
	mksys

	# --- The four from the issue, each refused with nothing written.
	refused decimal-past-32-bits 1 imx-ocotp1 write --yes imx-ocotp1 37 5000000000
	refused hex-past-32-bits 1 imx-ocotp1 write --yes imx-ocotp1 37 0x12a05f200
	refused value-forgotten 1 imx-ocotp1 write imx-ocotp1 9 1
	refused value-forgotten-yes 1 imx-ocotp1 write --yes imx-ocotp1 9 1
	refused lock-word-without-flag 7 imx-ocotp1 write --yes imx-ocotp1 0 0xffffffff
	expect lock-word-says-fields 7 'BOOT_CFG_LOCK 0x1.*MAC_ADDR_LOCK 0x1.*needs --lock' \
		write --yes imx-ocotp1 0 0xffffffff
	refused past-the-end 2 imx-ocotp1 write --yes imx-ocotp1 256 0x1
	refused past-the-end-bank 2 imx-ocotp1 write --yes imx-ocotp1 64:0 0x1
	refused cell-past-the-end 2 imx-ocotp1 write --yes imx-ocotp1 tail@3fc 01:02:03:04:05:06:07:08
	refused past-the-end-manifest 2 imx-ocotp1 apply --yes "$tmp/m-end"

	# --- Words that change the chip for ever, each wanting its flag.
	refused srk-without-flag 7 imx-ocotp1 write --yes imx-ocotp1 'SRK_HASH[0]' 0x12345678
	refused srk-by-word-number 7 imx-ocotp1 write --yes imx-ocotp1 24 0x12345678
	refused srk-revoke-without-flag 7 imx-ocotp1 write --yes imx-ocotp1 SRK_REVOKE 0x1
	refused boot-cfg-without-flag 7 imx-ocotp1 write --yes imx-ocotp1 BOOT_CFG 0x2002
	refused boot-cfg-by-bank-word 7 imx-ocotp1 write --yes imx-ocotp1 2:0 0x00000400
	refused sec-config-without-flag 7 imx-ocotp1 write --yes imx-ocotp1 'SEC_CONFIG[1]' 0x1
	refused field-return-without-flag 7 imx-ocotp1 write --yes imx-ocotp1 FIELD_RETURN 0x1
	expect sec-config-says-bits 7 'word 7: would set bits 0x02000000 of word 7: SEC_CONFIG\[1\] 0x1; needs --boot-config' \
		write --yes imx-ocotp1 'SEC_CONFIG[1]' 0x1
	refused wrong-flag 7 imx-ocotp1 write --yes --boot-config imx-ocotp1 'SRK_HASH[0]' 0x1
	refused unmapped-without-flag 7 imx-ocotp9 write --yes imx-ocotp9 40 0x1
	refused unmapped-lock-word 7 imx-ocotp9 write --yes --unmapped imx-ocotp9 0 0x1

	# --- What the fuses themselves refuse.
	refused one-to-zero 4 imx-ocotp1 write --yes imx-ocotp1 38 0x12345678
	refused field-one-to-zero 4 imx-ocotp1 write --yes imx-ocotp1 TMU_SLOPE 0x3
	refused read-only 3 imx-ocotp0 write --yes imx-ocotp0 37 0x118e0b03
	refused read-only-stm32 3 stm32-romem0 write --yes --unmapped stm32-romem0 12 0x1
	refused write-locked-region 8 imx-ocotp1 write --yes imx-ocotp1 1 0x50d00201
	refused write-locked-unplaced 8 imx-ocotp1 write --yes imx-ocotp1 12 0x1
	refused read-locked 8 imx-ocotp1 write --yes imx-ocotp1 16 0xbadabadb
	refused read-locked-open-region 8 imx-ocotp4 write --yes imx-ocotp4 32 0xbadabadb
	expect read-locked-splits 0 'write 2 cannot join write 1: word 32 is read-locked' \
		plan --srk "$tmp/m-split"
	refused ecc-once 9 imx-ocotp3 write --yes --unmapped imx-ocotp3 16 0x3
	refused no-fuse 2 imx-ocotp2 write --yes --unmapped imx-ocotp2 60 0x1
	stdin=$tmp/no refused not-confirmed 5 imx-ocotp1 write imx-ocotp1 USB_VID 0x1fc9

	# --- Input that means nothing, or two things.
	refused old-bank-word-read 1 imx-ocotp1 read imx-ocotp1 9 1
	refused old-bank-word-write 1 imx-ocotp1 write --yes imx-ocotp1 9 1 0x4
	refused value-missing 1 imx-ocotp1 write --yes imx-ocotp1 USB_VID
	refused bank-word-out-of-bank 2 imx-ocotp1 write --yes imx-ocotp1 9:4 0x1
	refused unknown-name 2 imx-ocotp1 write --yes imx-ocotp1 NO_SUCH_FUSE 0x1
	refused field-too-wide 1 imx-ocotp1 write --yes imx-ocotp1 USB_VID 0x10000
	refused field-decimal 1 imx-ocotp1 write --yes imx-ocotp1 USB_VID 8137
	refused cell-wrong-length 1 imx-ocotp1 write --yes imx-ocotp1 mac-address 00:04:9f:0a:0b
	refused manifest-no-device 1 imx-ocotp1 plan "$tmp/m-nodev"
	refused manifest-three-words 1 imx-ocotp1 plan "$tmp/m-three"
	refused manifest-conflict 1 imx-ocotp1 plan "$tmp/m-conflict"
	refused unknown-option 1 imx-ocotp1 write --force imx-ocotp1 USB_VID 0x1
	refused json-apply-asks 1 imx-ocotp1 apply --json "$tmp/manifest"

	# --- Reading by name.
	expect read-word 0 ': 0x118e0b01$' read imx-ocotp0 37
	expect read-bank-word 0 'word 37 \(bank 9 word 1, offset 0x00000094\): 0x118e0b01$' read imx-ocotp0 9:1
	expect read-field 0 'MAC_ADDR \(word 36, word 37 bits 15:0\): 0x0b0114100009$' read imx-ocotp0 MAC_ADDR
	expect read-field-word 0 'SRK_HASH\[0\] \(word 24\): 0x00000000$' read imx-ocotp0 'SRK_HASH[0]'
	expect read-cell 0 'mac-address@90 \(bytes 0x90-0x95, stored last byte first\): 0b:01:14:10:00:09$' \
		read imx-ocotp0 mac-address
	expect read-cell-plain 0 'speed-grade@10 \(bytes 0x10-0x13\): 00:08:00:20$' read imx-ocotp1 speed-grade
	expect read-6ull-bank8 0 'GP4 \(words 64-67\)' read imx-ocotp2 GP4
	expect fields-machine-part 0 '^# imx-ocotp1: fsl,imx8mm-ocotp, from crucible IMX8MM.yaml' fields imx-ocotp1
	expect scu-cell-word-index 0 'mac@2c4 \(bytes 0xb10-0xb15\)' read imx-ocotp3 mac@2c4

	# --- Plan, apply, apply again, lock.
	snap imx-ocotp1
	expect plan-refuses-without-flags 7 'outcome=refused exit=7' plan "$tmp/manifest"
	expect plan-blows 0 'outcome=ok exit=0 blow_words=12 refused_words=0 writes=3' \
		plan --srk --boot-config "$tmp/manifest"
	if unchanged imx-ocotp1; then ok "$sh_name-plan-writes-nothing"; else not_ok "$sh_name-plan-writes-nothing" changed; fi
	expect plan-json 0 '"outcome": "ok"' plan --json --srk --boot-config "$tmp/manifest"
	json_ok plan-json-parses
	expect apply 0 'outcome=programmed exit=0 blow_words=12' apply --yes --srk --boot-config "$tmp/manifest"
	check apply-mac [ "$(word imx-ocotp1 36) $(word imx-ocotp1 37)" = "0x9f0a0b0c 0x00000004" ]
	check apply-srk-first-word [ "$(word imx-ocotp1 24)" = 0x01234567 ]
	check apply-srk-last-word [ "$(word imx-ocotp1 31)" = 0x4b5a6978 ]
	check apply-boot-cfg [ "$(word imx-ocotp1 7)" = 0x0a002002 ]
	check apply-audit-one-line-a-word [ "$(grep -c '^otp: imx-ocotp1 word [0-9]* (bank [0-9]* word [0-9]*) 0x[0-9a-f]* -> 0x[0-9a-f]*: programmed, reads 0x[0-9a-f]*; user=' "$tmp/audit.log")" = 12 ]
	check apply-audit-word-24 grep -q '^otp: imx-ocotp1 word 24 (bank 6 word 0) 0x00000000 -> 0x01234567: programmed, reads 0x01234567; user=' "$tmp/audit.log"
	snap imx-ocotp1
	: > "$tmp/audit.log"
	expect apply-again-blows-nothing 0 'outcome=nothing-to-do exit=0 blow_words=0' apply --yes "$tmp/manifest"
	if unchanged imx-ocotp1 && [ ! -s "$tmp/audit.log" ]; then
		ok "$sh_name-apply-again-writes-nothing"
	else
		not_ok "$sh_name-apply-again-writes-nothing" "changed or logged"
	fi
	expect apply-again-json 0 '"blow_words": 0' apply --yes --json "$tmp/manifest"
	json_ok apply-again-json-parses
	refused lock-asks 5 imx-ocotp1 lock imx-ocotp1 MAC_ADDR SRK
	expect lock 0 'outcome=programmed' lock --yes imx-ocotp1 MAC_ADDR SRK
	check lock-bits [ "$(word imx-ocotp1 0)" = 0xfeafebeb ]
	refused lock-holds 8 imx-ocotp1 write --yes imx-ocotp1 mac-address 00:04:9f:0a:0b:0d
	snap imx-ocotp1
	expect lock-again-blows-nothing 0 'outcome=nothing-to-do' lock --yes imx-ocotp1 MAC_ADDR_LOCK SRK
	if unchanged imx-ocotp1; then ok "$sh_name-lock-again-writes-nothing"; else not_ok "$sh_name-lock-again-writes-nothing" changed; fi
	refused lock-unknown-region 2 imx-ocotp1 lock --yes imx-ocotp1 NO_SUCH_REGION
	refused lock-read-lock-only 1 imx-ocotp2 lock --yes imx-ocotp2 GP4_RLOCK
	expect apply-after-lock 0 'outcome=nothing-to-do' apply --yes "$tmp/manifest"

	# --- A word on a part with no fuse map, with its flag; write-mac.
	expect unmapped-with-flag 0 'outcome=programmed' write --yes --unmapped imx-ocotp9 40 0x1
	expect 8mn-on-8mm-machine 0 '^# imx-ocotp4: fsl,imx8mm-ocotp' fields imx-ocotp4
	expect scu-unmapped-with-flag 0 'outcome=programmed' write --yes --unmapped imx-ocotp3 10 0x0000ff00
	expect write-mac 0 'outcome=programmed' write-mac --yes imx-ocotp9 1 00:04:9f:a1:b2:c3
	# U-Boot imx_get_mac_from_fuse() on a part with a second MAC: bytes
	# 0-3 from the top of word 36, 4-5 from the upper half of word 35.
	check write-mac-uboot-order [ "$(word imx-ocotp9 36) $(word imx-ocotp9 35)" = "0x00049fa1 0xb2c30000" ]
	expect 6ull-gp4-word 0 'word=64 bank=8:0' plan "$tmp/m-6ull"

	# A device that drops the write (a dd that swallows it): the read-back
	# finds it, exit 6, logged as failed.
	saved=$path path=$tmp/dropdd:$path
	: > "$tmp/audit.log"
	expect readback-mismatch 6 'status=failed .*readback=0x00001fc9' write --yes imx-ocotp1 USB_PID 0x0001
	check readback-mismatch-logged grep -q '^otp: imx-ocotp1 word 34 (bank 8 word 2) 0x00001fc9 -> 0x00011fc9: failed, reads 0x00001fc9; user=' "$tmp/audit.log"
	path=$saved
}

printf '%s\n' 'device imx-ocotp1' 'tail@3fc 01:02:03:04:05:06:07:08' > "$tmp/m-end"
printf '%s\n' 'USB_VID 0x1fc9' > "$tmp/m-nodev"
printf '%s\n' 'device imx-ocotp1' 'USB_VID 0x1fc9 0x1' > "$tmp/m-three"
printf '%s\n' 'device imx-ocotp1' 'USB_VID 0x1fc9' 'OCOTP_USB_ID 0x00000001' > "$tmp/m-conflict"
printf '%s\n' 'device imx-ocotp2' 'GP4[0] 0x1' > "$tmp/m-6ull"
printf '%s\n' 'device imx-ocotp4' 'SRK_HASH[7] 0x1' 'USB_VID 0x1' > "$tmp/m-split"
echo no > "$tmp/no"
mkdir "$tmp/dropdd"
cat > "$tmp/dropdd/dd" <<'EOF'
#!/bin/sh
case " $* " in
*" of="*)
	cat > /dev/null
	exit 0
	;;
esac
PATH=${PATH#*:} exec dd "$@"
EOF
chmod +x "$tmp/dropdd/dd"
mkimage "$top/tests/data/imx8mm-seed.words" > "$tmp/seed.bin"

if [ -n "$python" ]; then
	if "$python" "$top/tests/gen-otp-fields.py" --check "$fields" > "$tmp/out" 2>&1; then
		ok otp-fields-generated
	else
		not_ok otp-fields-generated "scripts/otp-fields is stale"
	fi
else
	skip otp-fields-generated "no python3"
fi

if command -v dash > /dev/null; then
	SH=dash sh_name=dash path=$PATH
	suite
else
	skip dash "no dash"
fi

bb=$(command -v busybox || :)
if [ -n "$bb" ]; then
	# busybox's applets (dd, od, awk, tr, ...) first, as on a board.
	mkdir "$tmp/bb"
	for a in $("$bb" --list); do
		ln -s "$bb" "$tmp/bb/$a"
	done
	SH="$bb sh" sh_name=busybox path=$tmp/bb:$PATH
	suite
else
	skip busybox "no busybox on this host (apt-get install busybox)"
fi
