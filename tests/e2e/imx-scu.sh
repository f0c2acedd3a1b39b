# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of the i.MX8QXP and i.MX8QM fuses through the SCU
# firmware (sourced by /init after lib.sh).  arm64 check boots only, one
# part each (tests/dt/scu/, scripts/qemu-test.sh): the kernel's own imx-scu
# on the emulated firmware's mailbox, reads served from the part's image
# (tests/data/imx8q*-fuses.words).  The i.MX8QXP node is writable and
# programs through the bench monitor's OTP SiP call into the same image;
# the i.MX8QM node is read-only, as Linux's imx8qm.dtsi declares it.

if [ ! -d /proc/device-tree/system-controller/ocotp ]; then
	e2e_next
	echo "ok $_e2e_n imx-scu # SKIP no SCU node (arm64 check boots)"
	return 0 2>/dev/null || exit 0
fi
case $(tr -d '\0' < /proc/device-tree/system-controller/ocotp/compatible) in
fsl,imx8qm-scu-ocotp) part=imx8qm ;;
*) part=imx8qxp ;;
esac
words=/data/$part-fuses.words

# Every word at 4 x its index; the i.MX8QXP's gap without fuses (U-Boot's
# 0x110-0x21f, junk in the image) reads 0.
scu_words() {
	sed 's/#.*//' "$words" | grep . | awk -v part="$part" '{
		n = NR - 1
		print (part == "imx8qxp" && n >= 272 && n <= 543) ? "00000000" : $1
	}'
}

# scu_reads PART WORD1 WORD WORD_VALUE MAC_WORD MAC: the seed's read
# commands on the part's node; MAC_WORD is the consumer's cell (a fuse word
# index, its bytes at 4 x the index in memory order)
scu_reads() {
	p=$1
	expect_eq "$p-size" "$(wc -c < "$dq/nvmem" | tr -d ' ')" 3200
	echo "# od -A x -t x4 $dq/nvmem"
	dump=$(od -A x -t x4 "$dq/nvmem")
	expect_eq "$p-od-dump" "$(echo "$dump" | expand_dump)" "$(scu_words)"
	expect_eq "$p-no-junk" "$(echo "$dump" | grep -c deadbeef)" 0
	echo "# hexdump -C $dq/nvmem | head -n 2"
	hexdump -C "$dq/nvmem" | head -n 2
	expect_eq "$p-hexdump-word1" \
		"$(hexdump -C "$dq/nvmem" | awk 'NR == 1 { print $6 $7 $8 $9 }')" "$2"
	echo "# dd status=none if=$dq/nvmem of=/dev/stdout bs=4 count=1 skip=$3 | od -v -t x4"
	expect_eq "$p-dd-word$3" \
		"$(dd status=none if="$dq/nvmem" of=/dev/stdout bs=4 count=1 skip="$3" | od -v -A n -t x4 | tr -d ' ')" \
		"$4"
	expect_eq "$p-otp-read" "$(otp read "$nq" "$3" | sed 's/.*: //')" "0x$4"
	expect_eq "$p-mac-bytes" \
		"$(dd status=none if="$dq/nvmem" bs=1 skip=$(($5 * 4)) count=6 | od -v -A n -t x1 | tr -d ' \n')" \
		"$(echo "$6" | tr -d :)"
	expect_eq "$p-consumer-mac" \
		"$(awk '$1 == "mac-address" { print $2 }' "/sys/bus/platform/devices/otp-consumer-$p/values")" \
		"$6"
}

imx_device_or_fail "$part-device" ocotp || { return 0 2>/dev/null || exit 0; }
dq=$imx_dev
nq=${dq##*/}

if [ $part = imx8qm ]; then
	# Read-only (the node's read-only); the consumer's mac@1c6 is word 454.
	expect_eq imx8qm-mode "$(stat -c %a "$dq/nvmem")" 400
	scu_reads imx8qm fe1f008d 452 d19f0400 454 00:04:9f:d4:e5:f6
	before=$(od -A x -t x4 "$dq/nvmem" | expand_dump)
	echo "# printf '\\x78\\x56\\x34\\x12' | dd of=$dq/nvmem bs=4 count=1 seek=9 conv=notrunc"
	expect_fail imx8qm-write-refused \
		sh -c "printf '\\x78\\x56\\x34\\x12' | dd of=$dq/nvmem bs=4 count=1 seek=9 conv=notrunc"
	expect_fail imx8qm-otp-write-refused otp write --yes "$nq" 10 0x0000ff00
	expect_eq imx8qm-unchanged "$(od -A x -t x4 "$dq/nvmem" | expand_dump)" "$before"
	expect_fail imx8qm-no-rpc-timeout sh -c "dmesg | grep -q 'RPC send msg timeout'"
	return 0 2>/dev/null || exit 0
fi

expect_eq imx8qxp-mode "$(stat -c %a "$dq/nvmem")" 600
# The consumer's mac@2c4 is fuse word 0x2c4 = 708.
scu_reads imx8qxp fe1f008c 708 a19f0400 708 00:04:9f:a1:b2:c3

# Programming, word by word, through the monitor.
echo "# printf '\\x78\\x56\\x34\\x12' | dd of=$dq/nvmem bs=4 count=1 seek=9 conv=notrunc"
expect_ok imx8qxp-write-word9 \
	sh -c "printf '\\x78\\x56\\x34\\x12' | dd of=$dq/nvmem bs=4 count=1 seek=9 conv=notrunc 2>&1"
expect_eq imx8qxp-word9-programmed \
	"$(dd status=none if="$dq/nvmem" bs=4 count=1 skip=9 | od -v -A n -t x4 | tr -d ' ')" 12345678
expect_eq imx8qxp-otp-write "$(otp write --yes --unmapped "$nq" 10 0x0000ff00 >/dev/null 2>&1; echo $?)" 0
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
