# SPDX-License-Identifier: GPL-2.0
# scripts/otp (installed as /bin/otp, its fuse map table as /bin/otp-fields)
# against both providers: every refusal with its exit code and nothing
# written, the write path on the writable i.MX node, and plan, apply, a
# second apply, lock on a stand-in of that node.

expect_rc() {	# expect_rc NAME WANT CMD...: CMD exits WANT
	name=$1 want=$2
	shift 2
	"$@" >/tmp/otp.out 2>&1
	got=$?
	if [ "$got" = "$want" ]; then
		e2e_ok "$name"
	else
		e2e_fail "$name" "exit $got, want $want: $(head -n2 /tmp/otp.out)"
	fi
}

# refused NAME WANT CMD...: CMD exits WANT without the controller being
# asked to program (HW_OCOTP_DATA of the writable node keeps a marker) and
# without a burn line in the kernel log.
audit_lines() {	# the kernel log's otp audit lines (with or without printk times)
	dmesg | grep -cE '(^|[] ])otp: [^ ]+ word [0-9]+ '
}
refused() {
	name=$1 want=$2
	shift 2
	devmem "$imx_rw_data" 32 0x01010101
	logged=$(audit_lines)
	"$@" >/tmp/otp.out 2>&1
	got=$?
	data=$(devmem "$imx_rw_data" 32)
	if [ "$got" != "$want" ]; then
		e2e_fail "$name" "exit $got, want $want: $(head -n3 /tmp/otp.out | tr '\n' ' ')"
	elif [ "$data" != 0x01010101 ]; then
		e2e_fail "$name" "exit $got, but HW_OCOTP_DATA was written ($data)"
	elif [ "$(audit_lines)" != "$logged" ]; then
		e2e_fail "$name" "exit $got, but a burn was logged: $(dmesg | grep ' otp: ' | tail -n1)"
	else
		e2e_ok "$name"
	fi
}

rw=$(imx_rw_device)
rw=${rw##*/}

# Each command runs once (a busybox process costs milliseconds under
# QEMU); what it printed is shown and checked.
echo "# otp list"
otp list > /tmp/otp.list
cat /tmp/otp.list
expect_eq otp-list-imx-ro "$(awk '$1 == "imx-ocotp0" { print $2, $3 }' /tmp/otp.list)" "1024 ro"
expect_eq otp-list-stm32-ro "$(awk '$1 == "stm32-romem0" { print $2, $3 }' /tmp/otp.list)" "384 ro"
[ -n "$rw" ] && expect_eq otp-list-imx-rw "$(awk -v n="$rw" '$1 == n { print $3 }' /tmp/otp.list)" "rw"

echo "# otp read imx-ocotp0 9:1"
out=$(otp read imx-ocotp0 9:1)
echo "$out"
expect_eq otp-read-bank-word "${out##*: }" "0x118e0b01"
out=$(otp read imx-ocotp0 37)
expect_eq otp-read-word "${out##*: }" "0x118e0b01"
out=$(otp read stm32-romem0 12)
expect_eq otp-read-stm32 "${out##*: }" "0x7cf5f917"
out=$(otp read imx-ocotp0 16 2>/dev/null)
expect_eq otp-read-locked "${out##*: }" "0xbadabada"
# By name, from the fuse map the machine's part has (i.MX8M Mini).
echo "# otp read imx-ocotp0 MAC_ADDR; otp read imx-ocotp0 mac-address"
out=$(otp read imx-ocotp0 MAC_ADDR)
echo "$out"
expect_eq otp-read-field "${out##*: }" "0x0b0114100009"
out=$(otp read imx-ocotp0 mac-address)
echo "$out"
expect_eq otp-read-cell "${out##*: }" "0b:01:14:10:00:09"
expect_ok otp-fields-machine-part sh -c "otp fields imx-ocotp0 | grep -q '^# imx-ocotp0: fsl,imx8mm-ocotp, from crucible IMX8MM.yaml'"

echo "# otp cells"
otp cells > /tmp/otp.cells
cat /tmp/otp.cells
expect_ok otp-cells-lists-mac grep -q "^imx-ocotp0 *mac-address@90 " /tmp/otp.cells
expect_ok otp-cells-lists-stm32 grep -q "^stm32-romem0 *calib@5c " /tmp/otp.cells
# One device only: no other device's cells.
expect_eq otp-cells-one-device "$(otp cells stm32-romem0 | awk '{ print $1 }' | sort -u)" stm32-romem0

expect_rc otp-usage 1 otp
expect_rc otp-unknown-command 1 otp frobnicate
expect_rc otp-unknown-device 2 otp read nosuch0 1
expect_rc otp-path-device 2 otp read /sys/bus/nvmem/devices/imx-ocotp0 1
expect_rc otp-word-out-of-range 2 otp read imx-ocotp0 256
expect_rc otp-bank-word-out-of-range 2 otp read imx-ocotp0 9:4
expect_rc otp-malformed-word 1 otp read imx-ocotp0 0x1g
expect_rc otp-read-old-bank-word 1 otp read imx-ocotp0 9 1
expect_rc otp-unknown-name 2 otp read imx-ocotp0 NO_SUCH_FUSE

if [ -n "$rw" ]; then
	# What the board tool refuses before the driver sees anything: the
	# four commands of issue 39, then the other refusals.
	refused otp-refuses-decimal-past-32-bits 1 otp write --yes "$rw" 37 5000000000
	refused otp-refuses-hex-past-32-bits 1 otp write --yes "$rw" 37 0x12a05f200
	refused otp-refuses-value-forgotten 1 otp write --yes "$rw" 9 1
	refused otp-refuses-lock-word 7 otp write --yes "$rw" 0 0xffffffff
	refused otp-refuses-past-the-end 2 otp write --yes "$rw" 256 0x1
	refused otp-refuses-srk 7 otp write --yes "$rw" 'SRK_HASH[0]' 0x12345678
	refused otp-refuses-srk-word 7 otp write --yes "$rw" 24 0x12345678
	refused otp-refuses-boot-cfg 7 otp write --yes "$rw" BOOT_CFG 0x2002
	refused otp-refuses-sec-config 7 otp write --yes "$rw" 'SEC_CONFIG[1]' 0x1
	refused otp-refuses-field-return 7 otp write --yes "$rw" FIELD_RETURN 0x1
	refused otp-refuses-srk-revoke 7 otp write --yes "$rw" SRK_REVOKE 0x1
	refused otp-refuses-write-locked 8 otp write --yes "$rw" 12 0x1
	refused otp-refuses-read-locked 8 otp write --yes "$rw" 16 0xbadabadb
	refused otp-refuses-read-only 3 otp write --yes imx-ocotp0 9:1 0x118e0b03
	refused otp-refuses-read-only-stm32 3 otp write --yes --unmapped stm32-romem0 12 0xffffffff
	before=$(otp read "$rw" 37)
	refused otp-refuses-1-to-0 4 otp write --yes "$rw" 9:1 0x12345678
	expect_eq otp-write-1-to-0-unchanged "$(otp read "$rw" 37)" "$before"
	refused otp-refuses-not-confirmed 5 sh -c "echo no | otp write $rw USB_VID 0x1fc9"
	expect_rc otp-write-same-value 0 otp write --yes "$rw" 9:1 "${before##*: }"
	# Through the driver: on RAM the shadows never change, so the
	# read-back fails, and the burn is logged as failed.
	echo "# otp write --yes --srk $rw 24 0x12345678 (QEMU: plain RAM, so the read-back check fails)"
	otp write --yes --srk "$rw" 24 0x12345678
	expect_rc otp-write-verify-fails 6 otp write --yes --srk "$rw" 'SRK_HASH[0]' 0x12345678
	expect_ok otp-write-audit-line sh -c \
		"dmesg | grep -qE '(^|[] ])otp: $rw word 24 \\(bank 6 word 0\\) 0x00000000 -> 0x12345678: failed, reads 0x00000000; user='"
	cat > /tmp/otp.manifest <<-EOF
	device $rw
	USB_VID 0x1fc9
	EOF
	expect_rc otp-plan-driver-node 0 otp plan /tmp/otp.manifest
	expect_rc otp-apply-driver-node-fails 6 otp apply --yes /tmp/otp.manifest
else
	e2e_fail otp-writable-node "no imx-ocotp device for $imx_rw_node"
fi

# Plan, apply, apply again, lock: on a stand-in of the writable node (its
# compatible and cell, the seed's words with the MAC words blank; a file
# takes the writes), under the board's busybox.
fake=/tmp/otp-sysfs
if [ -n "$rw" ]; then
	s=$fake/imx-ocotp1
	mkdir -p "$s/of_node/mac-address@90"
	cp "/sys/bus/nvmem/devices/$rw/of_node/compatible" "$s/of_node/compatible"
	cp "/sys/bus/nvmem/devices/$rw/of_node/mac-address@90/reg" "$s/of_node/mac-address@90/reg"
	esc=
	while read -r w; do
		v=$((0x$w))
		for b in $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255)); do
			esc="$esc\\$((b / 64))$((b / 8 % 8))$((b % 8))"
		done
	done < "${OTP_SEED:-/data/imx8mm-seed.words}"	# OTP_SEED: a dry run off the guest
	# shellcheck disable=SC2059 # escapes
	printf "$esc" > "$s/nvmem"
	dd if=/dev/zero of="$s/nvmem" bs=4 seek=36 count=2 conv=notrunc 2>/dev/null
	cat > /tmp/otp.manifest <<-EOF
	# production fuses of an i.MX8M Mini board
	device imx-ocotp1
	mac-address  00:04:9f:0a:0b:0c
	USB_VID      0x1fc9
	SRK_HASH     0x0123456789abcdef00112233445566778899aabbccddeeff0f1e2d3c4b5a6978
	BOOT_CFG     0x2002
	EOF
	sw() {	# sw N: word N of the stand-in, 0x%08x
		echo "0x$(od -A n -v -t x4 -j $(($1 * 4)) -N 4 "$s/nvmem" | tr -d ' ')"
	}
	lock0=$(sw 0)
	cp "$s/nvmem" /tmp/otp.before
	expect_rc otp-plan-refused-without-flags 7 env OTP_SYSFS=$fake otp plan /tmp/otp.manifest
	echo "# otp plan --srk --boot-config /tmp/otp.manifest"
	OTP_SYSFS=$fake otp plan --srk --boot-config /tmp/otp.manifest > /tmp/otp.plan
	cat /tmp/otp.plan
	expect_eq otp-plan-outcome "$(tail -n1 /tmp/otp.plan)" \
		"outcome=ok exit=0 blow_words=12 refused_words=0 writes=3"
	expect_ok otp-plan-wrote-nothing cmp -s "$s/nvmem" /tmp/otp.before
	OTP_SYSFS=$fake otp plan --json --srk --boot-config /tmp/otp.manifest > /tmp/otp.json
	expect_ok otp-plan-json sh -c "tr -d '\n' < /tmp/otp.json | grep -q '^{.*\"outcome\": \"ok\".*\"words\": \[.*\]}$'"
	logged=$(audit_lines)
	expect_rc otp-apply 0 env OTP_SYSFS=$fake otp apply --yes --srk --boot-config /tmp/otp.manifest
	expect_eq otp-apply-words "$(sw 7) $(sw 24) $(sw 31) $(sw 34) $(sw 36) $(sw 37)" \
		"0x08002002 0x01234567 0x4b5a6978 0x00001fc9 0x9f0a0b0c 0x00000004"
	expect_eq otp-apply-logged "$(($(audit_lines) - logged))" 12
	cp "$s/nvmem" /tmp/otp.before
	logged=$(audit_lines)
	expect_rc otp-apply-again 0 env OTP_SYSFS=$fake otp apply --yes /tmp/otp.manifest
	expect_ok otp-apply-again-nothing-to-do grep -q '^outcome=nothing-to-do exit=0 blow_words=0' /tmp/otp.out
	expect_ok otp-apply-again-wrote-nothing cmp -s "$s/nvmem" /tmp/otp.before
	expect_eq otp-apply-again-logged-nothing "$(audit_lines)" "$logged"
	expect_rc otp-lock 0 env OTP_SYSFS=$fake otp lock --yes imx-ocotp1 MAC_ADDR SRK
	expect_eq otp-lock-bits "$(sw 0)" "$(printf 0x%08x $((lock0 | 0x4200)))"
	expect_rc otp-lock-holds 8 env OTP_SYSFS=$fake otp write --yes imx-ocotp1 mac-address 00:04:9f:0a:0b:0d
	expect_rc otp-apply-after-lock 0 env OTP_SYSFS=$fake otp apply --yes /tmp/otp.manifest
fi

# otp write-mac on an i.MX6SX, through a stand-in for its sysfs directory
# (OTP_SYSFS; a plain 512-byte file takes the write): the second MAC must
# land where U-Boot arch/arm/mach-imx/mac.c imx_get_mac_from_fuse() reads
# it on a part with has_second_mac (the 6SX is one): bytes 0-3 from the top
# of the word at shadow 0x640 (word 36), bytes 4-5 from the upper half of
# the word at 0x630 (word 35), each most significant byte first.
mkdir -p $fake/imx-ocotp9/of_node
printf 'fsl,imx6sx-ocotp\000syscon\000' > $fake/imx-ocotp9/of_node/compatible
dd if=/dev/zero of=$fake/imx-ocotp9/nvmem bs=512 count=1 2>/dev/null
expect_rc otp-write-mac-6sx-second 0 env OTP_SYSFS=$fake otp write-mac --yes imx-ocotp9 1 00:04:9f:a1:b2:c3
fw() {	# fw N -> word N of the stand-in, as a number
	echo $((0x$(od -A n -v -t x4 -j $(($1 * 4)) -N 4 $fake/imx-ocotp9/nvmem | tr -d ' ')))
}
w35=$(fw 35) w36=$(fw 36)
expect_eq otp-write-mac-6sx-uboot-reads "$(printf '%02x:%02x:%02x:%02x:%02x:%02x' \
	$((w36 >> 24)) $((w36 >> 16 & 255)) $((w36 >> 8 & 255)) $((w36 & 255)) \
	$((w35 >> 24)) $((w35 >> 16 & 255)))" 00:04:9f:a1:b2:c3
expect_eq otp-write-mac-6sx-mac0-kept "$(fw 34) $((w35 & 0xffff))" "0 0"
# A word on a part otp has no fuse map for wants --unmapped.
expect_rc otp-unmapped-refused 7 env OTP_SYSFS=$fake otp write --yes imx-ocotp9 40 0x1
rm -rf $fake
