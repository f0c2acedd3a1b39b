# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of the i.MX7D write path (sourced by /init after
# lib.sh; check boot only, tests/dt/check/imx7d-ocotp.dtsi).  The block is
# RAM: a program operation finishes at once (BUSY never reads 1), the
# shadows never change (so every accepted write ends in EIO at the
# read-back) and CTRL, TIMING and DATA0..3 keep what the driver wrote last.
# Offsets count as U-Boot's "fuse prog BANK WORD" does on the 7D: offset / 4
# = bank * 4 + word.
#
# Registers, from U-Boot arch/arm/include/asm/arch-mx7/imx-regs.h struct
# ocotp_regs: CTRL 0x00, TIMING 0x10, DATA0 0x20, DATA1 0x30, DATA2 0x40,
# DATA3 0x50.  What one operation must leave there, from U-Boot
# drivers/misc/mxc_ocotp.c: CTRL.ADDR (BM_CTRL_ADDR 0xf) is the bank and
# WR_UNLOCK (bits 31:16) the key 0x3e77 (setup_direct_access() under
# CONFIG_MX7); the word's own DATA register holds the value and the other
# three 0 (fuse_prog() under CONFIG_MX7); TIMING keeps every bit but
# FSOURCE (18:12) and PROG (11:0) (set_timing() under CONFIG_MX7).

base=0x7f040000
words=/data/imx7d-fuses.words

imx_device_or_fail imx7d-device efuse@7f040000 || { return 0 2>/dev/null || exit 0; }
d7=$imx_dev

reg() {		# reg OFFSET -> the register's value, as devmem prints it
	devmem $((base + $1)) 32
}

# junk: every DATA register and TIMING set to all ones, so that a register
# the driver leaves alone shows
junk() {
	for r in 0x10 0x20 0x30 0x40 0x50; do
		devmem $((base + r)) 32 0xffffffff
	done
}

datas() {	# datas -> "DATA0 DATA1 DATA2 DATA3"
	echo "$(reg 0x20) $(reg 0x30) $(reg 0x40) $(reg 0x50)"
}

fuse_word() {	# fuse_word N -> fuse address N of the image, 8 hex digits
	grep -v '^#' "$words" | sed -n "$(($1 + 1))p"
}

le_bytes() {	# le_bytes HEX8 -> printf escapes of the word, little-endian
	echo "$1" | sed 's/\(..\)\(..\)\(..\)\(..\)/\\x\4\\x\3\\x\2\\x\1/'
}

expect_eio() {	# expect_eio NAME DD-MESSAGE
	case $2 in
	*"I/O error"* | *"Input/output error"*) e2e_ok "$1" ;;
	*) e2e_fail "$1" "dd said: $2" ;;
	esac
}

expect_eq imx7d-size "$(wc -c < "$d7/nvmem" | tr -d ' ')" 256
expect_eq imx7d-od-dump "$(od -A x -t x4 "$d7/nvmem" | expand_dump)" \
	"$(grep -v '^#' "$words")"

# TIMING at the node's 24 MHz clock, as U-Boot's set_timing() computes it:
# FSOURCE = DIV_ROUND_UP(kHz * 1001, 1000000) + 1,
# PROG = DIV_ROUND_CLOSEST(Hz * 10, 1000000) + 1.
hz=24000000
fsource=$(((hz / 1000 * 1001 + 999999) / 1000000 + 1))
prog=$(((hz * 10 + 500000) / 1000000 + 1))
# Every other bit (outside BM_TIMING_FSOURCE 0x0007f000 and BM_TIMING_PROG
# 0x00000fff) keeps the all-ones junk.
timing=$(printf '0x%08X' $((0xfff80000 | fsource << 12 | prog)))

# One word, the seed's way: bank 14 word 2 (fuse 58) gets bit 15.
w58=$(fuse_word 58)
junk
echo "# printf '$(le_bytes "$(printf '%08x' $((0x$w58 | 0x8000)))")' | dd of=${d7##*/}/nvmem bs=4 count=1 seek=58 conv=notrunc"
# shellcheck disable=SC2059,SC2069 # escapes in the format; keep only stderr
out=$(printf "$(le_bytes "$(printf '%08x' $((0x$w58 | 0x8000)))")" |
	dd of="$d7/nvmem" bs=4 count=1 seek=58 conv=notrunc 2>&1 >/dev/null)
echo "$out"
expect_eio imx7d-word-write-reaches-fuses "$out"
expect_eq imx7d-word-ctrl-bank "$(reg 0)" 0x3E77000E
expect_eq imx7d-word-own-data-only "$(datas)" \
	"0x00000000 0x00000000 0x00008000 0x00000000"
expect_eq imx7d-word-timing "$(reg 0x10)" "$timing"
expect_ok imx7d-word-readback-logged sh -c \
	"dmesg | grep -q 'offset 0xe8 reads 0x$w58 after programming 0x$(printf '%08x' $((0x$w58 | 0x8000)))'"

# A whole bank, 16 bytes: bank 13 (fuses 52-55) with bit 8 added to word 1
# only.  One operation for that word: its DATA1 holds the new bit alone,
# and no operation for words 2 and 3 came after it to zero DATA1.
bytes=
n=52
while [ $n -le 55 ]; do
	v=$(fuse_word $n)
	[ $n -eq 53 ] && v=$(printf '%08x' $((0x$v | 0x100)))
	bytes=$bytes$(le_bytes "$v")
	n=$((n + 1))
done
junk
# shellcheck disable=SC2059,SC2069 # escapes in $bytes; keep only stderr
out=$(printf "$bytes" | dd of="$d7/nvmem" bs=16 count=1 seek=13 conv=notrunc 2>&1 >/dev/null)
expect_eio imx7d-bank-write-reaches-fuses "$out"
expect_eq imx7d-bank-ctrl-bank "$(reg 0)" 0x3E77000D
expect_eq imx7d-bank-changed-word-alone "$(datas)" \
	"0x00000000 0x00000100 0x00000000 0x00000000"

# scripts/otp on the 7D: four words a bank.  Bank 12 word 3 is fuse 51.
expect_eq imx7d-otp-read-bank-word "$(otp read "${d7##*/}" 12:3 | sed 's/.*: 0x//')" \
	"$(fuse_word 51)"
want=$(printf '0x%08x' $((0x$(fuse_word 51) | 0x400000)))
junk
echo "# otp write --yes ${d7##*/} 12:3 $want (plain RAM: the read-back fails)"
otp write --yes "${d7##*/}" 12:3 "$want" > /tmp/otp7d.out 2>&1
rc=$?
cat /tmp/otp7d.out
expect_eq imx7d-otp-write-rc "$rc" 6
expect_eq imx7d-otp-write-ctrl-bank "$(reg 0)" 0x3E77000C
expect_eq imx7d-otp-write-own-data "$(datas)" \
	"0x00000000 0x00000000 0x00000000 0x00400000"
