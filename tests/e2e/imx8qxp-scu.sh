# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of the i.MX8QXP fuses through the SCU firmware (sourced
# by /init after lib.sh).  arm64 check boots only (tests/dt/scu/
# imx8qxp-scu.dtsi): the kernel's own imx-scu on the emulated firmware's
# mailbox, reads served from tests/data/imx8qxp-fuses.words, programming
# through the bench monitor's OTP SiP call into the same image.

words=/data/imx8qxp-fuses.words

if [ ! -d /proc/device-tree/system-controller ]; then
	e2e_next
	echo "ok $_e2e_n imx8qxp-scu # SKIP no SCU node (arm64 check boots)"
	return 0 2>/dev/null || exit 0
fi
imx_device_or_fail imx8qxp-device ocotp || { return 0 2>/dev/null || exit 0; }
dq=$imx_dev
nq=${dq##*/}

expect_eq imx8qxp-size "$(wc -c < "$dq/nvmem" | tr -d ' ')" 3200
expect_eq imx8qxp-mode "$(stat -c %a "$dq/nvmem")" 644

# Every word at 4 x its index; the gap without fuses (U-Boot's
# 0x110-0x21f, junk in the image) reads 0.
want=$(sed 's/#.*//' "$words" | grep . | awk '{
	n = NR - 1
	print (n >= 272 && n <= 543) ? "00000000" : $1
}')
echo "# od -A x -t x4 $dq/nvmem"
dump=$(od -A x -t x4 "$dq/nvmem")
expect_eq imx8qxp-od-dump "$(echo "$dump" | expand_dump)" "$want"
expect_eq imx8qxp-no-junk "$(echo "$dump" | grep -c deadbeef)" 0
echo "# hexdump -C $dq/nvmem | head -n 2"
hexdump -C "$dq/nvmem" | head -n 2
expect_eq imx8qxp-hexdump-word1 \
	"$(hexdump -C "$dq/nvmem" | awk 'NR == 1 { print $6 $7 $8 $9 }')" fe1f008c

echo "# dd status=none if=$dq/nvmem of=/dev/stdout bs=4 count=1 skip=708 | od -v -t x4"
expect_eq imx8qxp-dd-word708 \
	"$(dd status=none if="$dq/nvmem" of=/dev/stdout bs=4 count=1 skip=708 | od -v -A n -t x4 | tr -d ' ')" \
	a19f0400
# The MAC cell mac@2c4 is fuse word 0x2c4: bytes 0xb10.., in memory order.
expect_eq imx8qxp-mac-bytes \
	"$(dd status=none if="$dq/nvmem" bs=1 skip=2832 count=6 | od -v -A n -t x1 | tr -d ' \n')" \
	00049fa1b2c3
expect_eq imx8qxp-consumer-mac \
	"$(awk '$1 == "mac-address" { print $2 }' /sys/bus/platform/devices/otp-consumer-imx8qxp/values)" \
	00:04:9f:a1:b2:c3
expect_eq imx8qxp-otp-read "$(otp read "$nq" 708 | sed 's/.*: //')" 0xa19f0400

# Programming, word by word, through the monitor.
echo "# printf '\\x78\\x56\\x34\\x12' | dd of=$dq/nvmem bs=4 count=1 seek=9 conv=notrunc"
expect_ok imx8qxp-write-word9 \
	sh -c "printf '\\x78\\x56\\x34\\x12' | dd of=$dq/nvmem bs=4 count=1 seek=9 conv=notrunc 2>&1"
expect_eq imx8qxp-word9-programmed \
	"$(dd status=none if="$dq/nvmem" bs=4 count=1 skip=9 | od -v -A n -t x4 | tr -d ' ')" 12345678
expect_eq imx8qxp-otp-write "$(otp write --yes "$nq" 10 0x0000ff00 >/dev/null 2>&1; echo $?)" 0
expect_eq imx8qxp-word10-programmed "$(otp read "$nq" 10 | sed 's/.*: //')" 0x0000ff00

# Refusals: nothing reaches the fuses.
before=$(od -A x -t x4 "$dq/nvmem" | expand_dump)
expect_fail imx8qxp-clear-bit-refused \
	sh -c "printf '\\x78\\x56\\x34\\x02' | dd of=$dq/nvmem bs=4 count=1 seek=9 conv=notrunc"
expect_fail imx8qxp-gap-refused \
	sh -c "printf '\\x01\\x00\\x00\\x00' | dd of=$dq/nvmem bs=4 count=1 seek=272 conv=notrunc"
expect_fail imx8qxp-ecc-again-refused \
	sh -c "printf '\\xff\\xff\\xff\\xff' | dd of=$dq/nvmem bs=4 count=1 seek=16 conv=notrunc"
expect_fail imx8qxp-half-word-refused \
	sh -c "printf '\\xff\\xff' | dd of=$dq/nvmem bs=2 count=1 seek=22 conv=notrunc"
expect_eq imx8qxp-unchanged "$(od -A x -t x4 "$dq/nvmem" | expand_dump)" "$before"
expect_ok imx8qxp-refusals-said \
	sh -c "dmesg | grep -q 'fuse word 16 is ECC-protected and already programmed'"
expect_fail imx8qxp-no-rpc-timeout sh -c "dmesg | grep -q 'RPC send msg timeout'"
