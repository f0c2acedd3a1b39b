# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of the i.MX6 fuse maps (sourced by /init after lib.sh).
# The i.MX6Q and i.MX6ULL nodes sit on RAM images that place every fuse
# word on the shadow register the reference manuals give it, holes
# included (tests/data/ocotp-shadow-maps).  Offsets count as U-Boot's
# "fuse read/prog BANK WORD" does: offset / 4 = bank * 8 + word.
# Registers are watched through /dev/mem: a refused write leaves CTRL and
# DATA as they were; an accepted one shows the fuse address it sent.

# fuse_word FILE N -> fuse address N of a words file, 8 hex digits
fuse_word() {
	grep -v '^#' "$1" | sed -n "$(($2 + 1))p"
}

# try_write DEV WORD HEXVALUE -> dd's error message (empty on success)
try_write() {
	bytes=$(echo "$3" | sed 's/\(..\)\(..\)\(..\)\(..\)/\\x\4\\x\3\\x\2\\x\1/')
	# shellcheck disable=SC2059,SC2069 # escapes in $bytes; keep only stderr
	printf "$bytes" | dd of="$1/nvmem" bs=4 count=1 seek="$2" conv=notrunc 2>&1 >/dev/null
}

regs() {	# regs BASE -> CTRL and DATA0 of the block at BASE
	echo "$(devmem "$1" 32) $(devmem $(($1 + 0x20)) 32)"
}

# --- i.MX6Q: 16 banks of 8, shadows of banks 6-14 at 0x800, bank 15 at 0xD00
q=$(imx_node_device ocotp-ctrl@7f030000)
qw=/data/imx6q-fuses.words
if [ -z "$q" ]; then
	e2e_fail imx6q-device "no nvmem device for ocotp-ctrl@7f030000"
else
	e2e_ok imx6q-device
	expect_eq imx6q-size "$(wc -c < "$q/nvmem" | tr -d ' ')" 512
	echo "# od -A x -t x4 ${q##*/}/nvmem | tail -n 4"
	od -A x -t x4 "$q/nvmem" | tail -n 4
	expect_eq imx6q-od-dump "$(od -A x -t x4 "$q/nvmem" | expand_dump)" \
		"$(grep -v '^#' "$qw")"
	# The seed's dd with the i.MX6 formula: bank 6 word 0 = 6 * 8 + 0 = 48.
	w=$(dd status=none if="$q/nvmem" of=/dev/stdout bs=4 count=1 skip=48 | od -v -t x4 | awk 'NR == 1 { print $2 }')
	expect_eq imx6q-dd-bank6-word0 "$w" "$(fuse_word "$qw" 48)"
	expect_eq imx6q-otp-read-bank15 "$(otp read "${q##*/}" 15:7 | sed 's/.*: 0x//')" "$(fuse_word "$qw" 127)"
	expect_eq imx6q-otp-read-mac0 "$(otp read "${q##*/}" 4:2 | sed 's/.*: 0x//')" "$(fuse_word "$qw" 34)"

	# Programming bank 6 word 0 sends CTRL.ADDR 48 and only the new bit.
	w48=$(fuse_word "$qw" 48)
	out=$(try_write "$q" 48 "$(printf '%08x' $((0x$w48 | 1)))")
	case $out in
	*"I/O error"* | *"Input/output error"*) e2e_ok imx6q-bank6-write-reaches-fuses ;;
	*) e2e_fail imx6q-bank6-write-reaches-fuses "dd said: $out" ;;
	esac
	expect_eq imx6q-bank6-ctrl-addr "$(regs 0x7f030000)" "0x3E770030 0x00000001"

	# A write-locked word (LOCK bit 8, MAC_ADDR) is refused; nothing reaches the registers.
	before=$(regs 0x7f030000)
	w34=$(fuse_word "$qw" 34)
	out=$(try_write "$q" 34 "$(printf '%08x' $((0x$w34 | 0x100)))")
	case $out in
	*"not permitted"*) e2e_ok imx6q-locked-mac-eperm ;;
	*) e2e_fail imx6q-locked-mac-eperm "dd said: $out" ;;
	esac
	expect_eq imx6q-locked-mac-regs "$(regs 0x7f030000)" "$before"
	expect_ok imx6q-locked-mac-logged sh -c \
		"dmesg | grep -q 'offset 0x88 is in the MAC_ADDR region, write-locked by LOCK fuse bit 8; nothing written'"
fi

# --- i.MX6ULL: 9 banks; banks 7 and 8 have four words each (GP3, GP4)
u=$(imx_node_device ocotp-ctrl@7f034000)
uw=/data/imx6ull-fuses.words
if [ -z "$u" ]; then
	e2e_fail imx6ull-device "no nvmem device for ocotp-ctrl@7f034000"
else
	e2e_ok imx6ull-device
	expect_eq imx6ull-size "$(wc -c < "$u/nvmem" | tr -d ' ')" 288
	# Positions 0-59 are fuses 0-59, 60-63 hold nothing, 64-67 are
	# fuses 60-63 (U-Boot's bank 8), 68-71 hold nothing.
	want=$( (grep -v '^#' "$uw" | sed -n 1,60p
		printf '00000000\n00000000\n00000000\n00000000\n'
		grep -v '^#' "$uw" | sed -n 61,64p
		printf '00000000\n00000000\n00000000\n00000000\n') )
	expect_eq imx6ull-od-dump "$(od -A x -t x4 "$u/nvmem" | expand_dump)" "$want"
	w=$(dd status=none if="$u/nvmem" of=/dev/stdout bs=4 count=1 skip=65 | od -v -t x4 | awk 'NR == 1 { print $2 }')
	expect_eq imx6ull-dd-bank8-word1 "$w" "$(fuse_word "$uw" 61)"
	expect_eq imx6ull-otp-read-bank8 "$(otp read "${u##*/}" 8:1 | sed 's/.*: 0x//')" "$(fuse_word "$uw" 61)"

	# Bank 8 word 0 is fuse address 60.
	w60=$(fuse_word "$uw" 60)
	out=$(try_write "$u" 64 "$(printf '%08x' $((0x$w60 | 0x80)))")
	case $out in
	*"I/O error"* | *"Input/output error"*) e2e_ok imx6ull-bank8-write-reaches-fuses ;;
	*) e2e_fail imx6ull-bank8-write-reaches-fuses "dd said: $out" ;;
	esac
	expect_eq imx6ull-bank8-ctrl-addr "$(regs 0x7f034000)" "0x3E77003C 0x00000080"

	# A hole (bank 7 word 4) and a locked word (GP3, LOCK bit 15): refused.
	before=$(regs 0x7f034000)
	out=$(try_write "$u" 60 00000001)
	case $out in
	*"nvalid argument"*) e2e_ok imx6ull-hole-einval ;;
	*) e2e_fail imx6ull-hole-einval "dd said: $out" ;;
	esac
	expect_ok imx6ull-hole-logged sh -c \
		"dmesg | grep -q 'offset 0xf0 (bank 7 word 4) has no fuse behind it on the i.MX6ULL; nothing written'"
	out=$(try_write "$u" 56 "$(printf '%08x' $((0x$(fuse_word "$uw" 56) | 0x100)))")
	case $out in
	*"not permitted"*) e2e_ok imx6ull-locked-gp3-eperm ;;
	*) e2e_fail imx6ull-locked-gp3-eperm "dd said: $out" ;;
	esac
	expect_eq imx6ull-refused-regs "$(regs 0x7f034000)" "$before"
fi
