# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of otp-imx-ocotp in the QEMU guest (busybox sh).
# Sourced by /init after lib.sh, with the modules loaded.  Both OCOTP
# blocks are RAM images of the seed's i.MX8MM fuse words: imx-ocotp0 is the
# read-only node, the writable node (ocotp-ctrl@7f020000) has a 24 MHz
# clock.  RAM shadows never change, so a write that passes every check
# fails at the read-back (EIO).

ro=/sys/bus/nvmem/devices/imx-ocotp0
words=/data/imx8mm-seed.words
expected=$(cat "$words")

if [ ! -e "$ro/nvmem" ]; then
	e2e_fail imx-ocotp-device "$ro/nvmem missing"
	dmesg | grep -i ocotp | tail -n 20
	return 0 2>/dev/null || exit 0
fi
e2e_ok imx-ocotp-device

drv=$(readlink "$(readlink -f "$ro")/../driver")
expect_eq imx-ocotp-driver "${drv##*/}" otp-imx-ocotp
expect_eq imx-ocotp-of-node "$(readlink "$ro/of_node" | sed 's,.*/,,')" ocotp-ctrl@7f010000
expect_eq imx-ocotp-size "$(wc -c < "$ro/nvmem" | tr -d ' ')" 1024
expect_eq imx-ocotp-mode-ro "$(stat -c %a "$ro/nvmem")" 400
expect_eq imx-ocotp-type "$(cat "$ro/type")" OTP

# The seed's commands, as written.
echo "# od -A x -t x4 $ro/nvmem"
dump=$(od -A x -t x4 /sys/bus/nvmem/devices/imx-ocotp0/nvmem)
echo "$dump"
expect_eq imx-ocotp-od-dump "$(echo "$dump" | expand_dump)" "$expected"

echo "# dd status=none if=$ro/nvmem of=/dev/stdout bs=4 count=1 skip=37 | od -v -t x4"
w37=$(dd status=none if=/sys/bus/nvmem/devices/imx-ocotp0/nvmem of=/dev/stdout bs=4 count=1 skip=37 | od -v -t x4)
echo "$w37"
expect_eq imx-ocotp-dd-word37 "$(echo "$w37" | awk 'NR == 1 { print $2 }')" \
	"$(echo "$expected" | sed -n 38p)"
expect_eq imx-ocotp-word37-seed "$(echo "$expected" | sed -n 38p)" 118e0b01

# Unaligned reads: bytes 0x92..0x95 straddle words 36 and 37.
expect_eq imx-ocotp-unaligned-read \
	"$(dd status=none if="$ro/nvmem" bs=1 skip=146 count=4 | od -v -A n -t x1 | tr -d ' \n')" \
	"1014010b"
expect_eq imx-ocotp-locked-word \
	"$(dd status=none if="$ro/nvmem" bs=4 skip=16 count=1 | od -v -A n -t x4 | tr -d ' \n')" \
	badabada

# The seed's write on the read-only node fails and changes nothing.
# shellcheck disable=SC2028 # printed, not expanded
echo "# printf '\\x78\\x56\\x34\\x12' | dd of=$ro/nvmem bs=4 count=1 seek=37 conv=notrunc"
expect_fail imx-ocotp-ro-write sh -c "printf '\\x78\\x56\\x34\\x12' | dd of=/sys/bus/nvmem/devices/imx-ocotp0/nvmem bs=4 count=1 seek=37 conv=notrunc"
expect_eq imx-ocotp-ro-unchanged "$(od -A x -t x4 "$ro/nvmem" | expand_dump)" "$expected"
# The nvmem core offers force_ro (6.3 and later) only to a provider that
# can write: the read-only node has no write path to switch on.
expect_fail imx-ocotp-ro-no-force-ro test -e "$ro/force_ro"

# The lock view (debugfs, through the board tool): the seed's LOCK word
# 0xfeafa9eb has MAC_ADDR (bits 15:14) at 2, its shadow-write half.
echo "# otp locks imx-ocotp0"
locks=$(otp locks imx-ocotp0)
echo "$locks" | sed 's/^/# /'
expect_eq imx-ocotp-locks-word "$(echo "$locks" | sed -n 's/.*offset 0x000): //p')" 0xfeafa9eb
expect_eq imx-ocotp-locks-mac-addr \
	"$(echo "$locks" | awk '$2 == "MAC_ADDR" { print $3, $4, $5, $6, $7 }')" \
	"36-38 0x090-0x098 2 shadow writes"

# The writable node.
rw=$(imx_rw_device)
if [ -z "$rw" ]; then
	e2e_fail imx-ocotp-rw-device "no imx-ocotp device for $imx_rw_node"
	return 0 2>/dev/null || exit 0
fi
e2e_ok imx-ocotp-rw-device

# A read-locked word raises ERROR, which the provider clears before the
# next shadow read by writing the ERROR bit to HW_OCOTP_CTRL_CLR (offset
# 0x8; ERROR is bit 9 on the i.MX8MQ/8MM: i.MX 8M Mini RM, HW_OCOTP_CTRL;
# U-Boot drivers/misc/mxc_ocotp.c, BM_CTRL_ERROR).  The RAM image keeps the
# last value written there.  Word 16 is read-locked in the seed, 37 is not.
ctrl_clr=0x7f020008
devmem $ctrl_clr 32 0
dd if="$rw/nvmem" of=/dev/null bs=4 skip=37 count=1 2>/dev/null
expect_eq imx-ocotp-open-word-no-clear "$(devmem $ctrl_clr 32)" 0x00000000
dd if="$rw/nvmem" of=/dev/null bs=4 skip=16 count=1 2>/dev/null
expect_eq imx-ocotp-locked-word-clears-error "$(devmem $ctrl_clr 32)" 0x00000200
devmem $ctrl_clr 32 0
dd if="$rw/nvmem" of=/dev/null bs=4 skip=14 count=4 2>/dev/null
expect_eq imx-ocotp-locked-run-clears-error "$(devmem $ctrl_clr 32)" 0x00000200
expect_eq imx-ocotp-mode-rw "$(stat -c %a "$rw/nvmem")" 600

# rw_write WORD BYTES: write the printf-escaped BYTES at WORD; prints
# dd's error message (empty on success)
rw_write() {
	# shellcheck disable=SC2059,SC2069 # escapes in $2; keep only stderr
	printf "$2" | dd of="$rw/nvmem" bs=4 count=1 seek="$1" conv=notrunc 2>&1 >/dev/null
}

# rw_word WORD: current value of WORD on the writable node, 8 hex digits
rw_word() {
	dd status=none if="$rw/nvmem" bs=4 skip="$1" count=1 | od -v -A n -t x4 | tr -d ' \n'
}

# Other scripts may have changed the writable node's RAM: work from what
# it holds now rather than from the seed.
w37=$(rw_word 37)
clear=$(printf '0x%08x' $((0x$w37 & ~0x12345678)))
before=$(od -A x -t x4 "$rw/nvmem" | expand_dump)
echo "# writing 0x12345678 at word 37 of ${rw##*/} (holds 0x$w37)"
out=$(rw_write 37 '\x78\x56\x34\x12')
echo "$out"
case $out in
*"nvalid argument"*) e2e_ok imx-ocotp-rw-clear-bits-einval ;;
*) e2e_fail imx-ocotp-rw-clear-bits-einval "dd said: $out" ;;
esac
expect_ok imx-ocotp-rw-clear-bits-logged sh -c \
	"dmesg | grep -q 'offset 0x94: 0x$w37 -> 0x12345678 would clear bits $clear; nothing written, fuses can only be set'"
expect_eq imx-ocotp-rw-unchanged "$(od -A x -t x4 "$rw/nvmem" | expand_dump)" "$before"

# Word 24 (SRK, whose LOCK bit 9 is clear in the seed) is blank; ask for
# bits it does not have yet.
w24=$(rw_word 24)
want=$(printf '%08x' $((0x$w24 | 0x12345678)))
if [ "$want" = "$w24" ]; then
	want=$(printf '%08x' $((0x$w24 | 0x80000000)))
fi
bytes=$(echo "$want" | sed 's/\(..\)\(..\)\(..\)\(..\)/\\x\4\\x\3\\x\2\\x\1/')
echo "# writing 0x$want at word 24 of ${rw##*/} (holds 0x$w24)"
out=$(rw_write 24 "$bytes")
echo "$out"
case $out in
*"Input/output error"* | *"I/O error"*) e2e_ok imx-ocotp-rw-verify-eio ;;
*) e2e_fail imx-ocotp-rw-verify-eio "dd said: $out" ;;
esac
expect_ok imx-ocotp-rw-verify-logged sh -c \
	"dmesg | grep -q 'offset 0x60 reads 0x$w24 after programming 0x$want'"

# Both nodes carry the seed's compatible ("fsl,imx8mq-ocotp" first) on a
# machine whose root compatible says i.MX8M Mini (tests/dt/imx-ocotp.dtsi):
# the i.MX8MM's LOCK map decides.  Word 12 is MEM_TRIM on the i.MX8MQ (LOCK
# bit 4, clear in the seed) and in no placed region on the i.MX8MM, where
# the seed's GROUP_MASK bit 11 (no public word list) refuses every such word.
expect_ok imx-ocotp-machine-part sh -c \
	"dmesg | grep -q 'i.MX8MQ OCOTP on an i.MX8MM machine: i.MX8MM fuse locks'"
w12=$(rw_word 12)
want=$(printf '%08x' $((0x$w12 | 0x1)))
[ "$want" = "$w12" ] && want=$(printf '%08x' $((0x$w12 | 0x80000000)))
bytes=$(echo "$want" | sed 's/\(..\)\(..\)\(..\)\(..\)/\\x\4\\x\3\\x\2\\x\1/')
before=$(od -A x -t x4 "$rw/nvmem" | expand_dump)
echo "# writing 0x$want at word 12 of ${rw##*/} (holds 0x$w12)"
out=$(rw_write 12 "$bytes")
echo "$out"
case $out in
*"not permitted"*) e2e_ok imx-ocotp-machine-part-locks ;;
*) e2e_fail imx-ocotp-machine-part-locks "dd said: $out (the i.MX8MQ map lets word 12 through)" ;;
esac
expect_eq imx-ocotp-machine-part-unchanged "$(od -A x -t x4 "$rw/nvmem" | expand_dump)" "$before"

echo "# writing 2 bytes at offset 98 of ${rw##*/}"
# shellcheck disable=SC2069 # keep only stderr
out=$(printf '\x01\x02' | dd of="$rw/nvmem" bs=1 count=2 seek=98 conv=notrunc 2>&1 >/dev/null)
echo "$out"
case $out in
*"nvalid argument"*) e2e_ok imx-ocotp-rw-unaligned-einval ;;
*) e2e_fail imx-ocotp-rw-unaligned-einval "dd said: $out" ;;
esac

# Partial words are refused, not merged: a 6-byte (MAC-sized) write and
# the 2-byte chunks of "dd bs=2" fail with EINVAL and program nothing (on
# RAM a programmed word would fail its read-back with EIO instead).
before=$(od -A x -t x4 "$rw/nvmem" | expand_dump)
# shellcheck disable=SC2028 # printed, not expanded
echo "# printf '\\001\\002\\003\\004\\005\\006' | dd of=${rw##*/}/nvmem bs=6 count=1 seek=18 conv=notrunc"
# shellcheck disable=SC2069 # keep only stderr
out=$(printf '\001\002\003\004\005\006' | dd of="$rw/nvmem" bs=6 count=1 seek=18 conv=notrunc 2>&1 >/dev/null)
echo "$out"
case $out in
*"nvalid argument"*) e2e_ok imx-ocotp-rw-6byte-einval ;;
*) e2e_fail imx-ocotp-rw-6byte-einval "dd said: $out" ;;
esac
# shellcheck disable=SC2069 # keep only stderr
out=$(printf '\001\002\003\004' | dd of="$rw/nvmem" bs=2 count=2 seek=54 conv=notrunc 2>&1 >/dev/null)
case $out in
*"nvalid argument"*) e2e_ok imx-ocotp-rw-2byte-chunks-einval ;;
*) e2e_fail imx-ocotp-rw-2byte-chunks-einval "dd said: $out" ;;
esac
expect_ok imx-ocotp-rw-partial-logged sh -c \
	"dmesg | grep -q 'write of 6 bytes at offset 0x6c refused: fuses are programmed in whole 4-byte words; nothing written'"
expect_eq imx-ocotp-rw-partial-unchanged "$(od -A x -t x4 "$rw/nvmem" | expand_dump)" "$before"

echo "# dmesg | grep otp-imx-ocotp"
dmesg | grep otp-imx-ocotp | tail -n 8
