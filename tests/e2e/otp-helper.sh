# SPDX-License-Identifier: GPL-2.0
# scripts/otp (installed as /bin/otp) against both providers: every
# refusal with its exit code, and the write path on the writable i.MX node.

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

echo "# otp read imx-ocotp0 9 1"
out=$(otp read imx-ocotp0 9 1)
echo "$out"
expect_eq otp-read-bank-word "${out##*: }" "0x118e0b01"
out=$(otp read imx-ocotp0 37)
expect_eq otp-read-word "${out##*: }" "0x118e0b01"
out=$(otp read stm32-romem0 12)
expect_eq otp-read-stm32 "${out##*: }" "0x7cf5f917"
out=$(otp read imx-ocotp0 16)
expect_eq otp-read-locked "${out##*: }" "0xbadabada"

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
expect_rc otp-bank-word-out-of-range 2 otp read imx-ocotp0 9 4
expect_rc otp-malformed-word 1 otp read imx-ocotp0 0x1g
expect_rc otp-malformed-value 1 otp write --yes imx-ocotp0 37 0xzz
expect_rc otp-value-too-wide 1 otp write --yes imx-ocotp0 37 0x123456789
expect_rc otp-write-readonly 3 otp write --yes imx-ocotp0 9 1 0x12345678
expect_rc otp-write-readonly-stm32 3 otp write --yes stm32-romem0 12 0xffffffff
if [ -n "$rw" ]; then
	before=$(otp read "$rw" 37)
	expect_rc otp-write-1-to-0 4 otp write --yes "$rw" 9 1 0x12345678
	expect_eq otp-write-1-to-0-unchanged "$(otp read "$rw" 37)" "$before"
	expect_rc otp-write-not-confirmed 5 sh -c "echo no | otp write $rw 24 0x12345678"
	expect_rc otp-write-same-value 0 otp write --yes "$rw" 9 1 "${before##*: }"
	echo "# otp write --yes $rw 24 0x12345678 (QEMU: plain RAM, so the read-back check fails)"
	otp write --yes "$rw" 24 0x12345678
	expect_rc otp-write-verify-fails 6 otp write --yes "$rw" 24 0x12345678
else
	e2e_fail otp-writable-node "no imx-ocotp device for $imx_rw_node"
fi

# otp write-mac on an i.MX6SX, through a stand-in for its sysfs directory
# (OTP_SYSFS; a plain 512-byte file takes the write): the second MAC must
# land where U-Boot arch/arm/mach-imx/mac.c imx_get_mac_from_fuse() reads
# it on a part with has_second_mac (the 6SX is one): bytes 0-3 from the top
# of the word at shadow 0x640 (word 36), bytes 4-5 from the upper half of
# the word at 0x630 (word 35), each most significant byte first.
fake=/tmp/otp-sysfs
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
rm -rf $fake
