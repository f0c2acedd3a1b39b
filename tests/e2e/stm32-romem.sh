# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of otp-stm32-romem in the QEMU guest (busybox sh).
# Sourced by /init after lib.sh, with the modules loaded.  The BSEC image
# at 0x7f000000 holds the STM32MP15 reference words in all 96 shadow
# slots, but 0xdeadbeef in the secure-only slots 32..95: the driver must
# never read those over MMIO.  Booted through the bench firmware
# (OTP_MONITOR=1) the upper words come from its SiP service: 57-59 from
# its image (/data/fw-otp-image.words), the others refused and read as 0,
# the refusals logged in one line at the first dump.  Without a secure world every upper word
# reads 0 and the log says the service is absent.

romem=/sys/bus/nvmem/devices/stm32-romem0
words=/data/stm32mp15-seed.words
locks=/sys/kernel/debug/otp-stm32-romem/stm32-romem0/locks
size=384

# Expected words: shadowed words from the list, secure words from the
# firmware's image where it opens them, 0 elsewhere.
fwwords=/data/fw-otp-image.words
if [ "${OTP_MONITOR:-0}" = 1 ]; then
	expected=$( (sed 's/#.*//' "$words" | grep . | sed -n 1,32p
		sed 's/#.*//' "$fwwords" | grep . | awk 'NR > 32 {
			print (NR >= 58 && NR <= 60) ? $1 : "00000000" }') )
else
	expected=$(awk 'NR <= 32 { print; next } { print "00000000" }' "$words")
fi

if [ "${OTP_MONITOR:-0}" = 1 ]; then
	# A fresh provider instance, so that its refusals are all logged
	# here; its consumer is parked (lib.sh) for the whole script.
	consumers_off otp-consumer-stm32
	echo 7f000000.efuse > /sys/bus/platform/drivers/otp-stm32-romem/unbind
	echo 7f000000.efuse > /sys/bus/platform/drivers/otp-stm32-romem/bind
fi
# A marker in the kernel log: counting lines would break once the ring
# buffer is full and drops its oldest ones.
echo "otp-e2e: stm32-romem.sh starts" > /dev/kmsg

# byte_at OFFSET: expected byte, two hex digits (least significant first)
byte_at() {
	w=$(echo "$expected" | sed -n "$(($1 / 4 + 1))p")
	printf '%02x' $(((0x$w >> (8 * ($1 % 4))) & 0xff))
}

# expected_bytes OFFSET COUNT
expected_bytes() {
	i=0
	while [ "$i" -lt "$2" ]; do
		byte_at $(($1 + i))
		i=$((i + 1))
	done
}

if [ ! -e "$romem/nvmem" ]; then
	e2e_fail stm32-romem-device "$romem/nvmem missing"
	dmesg | grep -i -e romem -e bsec | tail -n 20
	consumers_on otp-consumer-stm32
	return 0 2>/dev/null || exit 0
fi
e2e_ok stm32-romem-device

# the provider device is the parent of the nvmem device
drv=$(readlink "$(readlink -f "$romem")/../driver")
expect_eq stm32-romem-driver "${drv##*/}" otp-stm32-romem

# The two commands from the STM32MP15 OTP documentation, as written.
echo "# hexdump -e '\"%08_ax: \" 4/4 \"%08x \" \"\\n\"' $romem/nvmem"
dump=$(hexdump -e '"%08_ax: " 4/4 "%08x " "\n"' /sys/bus/nvmem/devices/stm32-romem0/nvmem)
echo "$dump"
# a trailing "*" repeats its line up to the end of the device
if [ "$(echo "$dump" | tail -n 1)" = "*" ]; then
	dump=$(printf '%s\n%08x:\n' "$dump" "$size")
fi
got=$(echo "$dump" | expand_dump)
expect_eq stm32-romem-hexdump "$got" "$expected"

echo "# dd status=none if=$romem/nvmem of=/dev/stdout bs=4 count=1 skip=12 | hexdump -v -e '4/4 \"%08x \" \"\\n\"'"
w12=$(dd status=none if=/sys/bus/nvmem/devices/stm32-romem0/nvmem of=/dev/stdout bs=4 count=1 skip=12 | hexdump -v -e '4/4 "%08x " "\n"')
echo "$w12"
expect_eq stm32-romem-dd-word12 "$(echo "$w12" | tr -d ' \n')" \
	"$(echo "$expected" | sed -n 13p)"

case $dump in
*deadbeef*) e2e_fail stm32-romem-no-secure-mmio "secure-only shadow read over MMIO" ;;
*) e2e_ok stm32-romem-no-secure-mmio ;;
esac

expect_eq stm32-romem-size "$(wc -c < "$romem/nvmem" | tr -d ' ')" "$size"
expect_eq stm32-romem-mode "$(ls -l "$romem/nvmem" | cut -c1-10)" "-r--------"

before=$(hexdump -v -e '4/4 "%08x " "\n"' "$romem/nvmem")
expect_fail stm32-romem-write-refused sh -c "printf 'xxxx' > $romem/nvmem"
expect_fail stm32-romem-write-dd-refused \
	dd status=none if=/dev/zero of="$romem/nvmem" bs=4 count=1 conv=notrunc
expect_eq stm32-romem-unchanged-after-write \
	"$(hexdump -v -e '4/4 "%08x " "\n"' "$romem/nvmem")" "$before"
# The nvmem core offers force_ro (6.3 and later) only to a provider that
# can write: a read-only provider has no write path to switch on.
expect_fail stm32-romem-no-force-ro test -e "$romem/force_ro"

expect_eq stm32-romem-read-past-end \
	"$(dd if="$romem/nvmem" bs=4 skip=96 count=1 2>/dev/null | wc -c | tr -d ' ')" 0
expect_eq stm32-romem-read-last-word \
	"$(dd if="$romem/nvmem" bs=4 skip=95 count=2 2>/dev/null | wc -c | tr -d ' ')" 4

# Cells: sysfs exposes them from 6.8 on (cells/<name>@<offset>,<bit>).
if [ -d "$romem/cells" ]; then
	for c in part_number_otp@4:4:1 calib@52:82:2 calib@5c:92:2 \
		 calib@5e:94:2 mac@e4:228:6; do
		name=${c%%:*}
		rest=${c#*:}
		off=${rest%%:*}
		len=${rest#*:}
		f="$romem/cells/$name,0"
		if [ -f "$f" ]; then
			expect_eq "stm32-romem-cell-$name" \
				"$(hexdump -v -e '1/1 "%02x"' "$f")" \
				"$(expected_bytes "$off" "$len")"
		else
			e2e_fail "stm32-romem-cell-$name" "$f missing: $(ls "$romem/cells" | tr '\n' ' ')"
		fi
	done
else
	echo "# stm32-romem: this kernel has no nvmem cells/ in sysfs, cell checks skipped"
fi

# sources WORD...: how debugfs says each word is served
sources() {
	for s in shadow secure secure-refused secure-absent; do
		printf '%s ' "$(grep -c "^word.*: $s " "$locks")"
	done
}

if [ -f "$locks" ]; then
	e2e_ok stm32-romem-debugfs-locks
	expect_eq stm32-romem-debugfs-96-words "$(grep -c '^word ' "$locks")" 96
	sed -n '1,6p; 35,38p; 58,62p' "$locks"
	if [ "${OTP_MONITOR:-0}" = 1 ]; then
		# shadow, secure (57-59), secure-refused, secure-absent
		expect_eq stm32-romem-debugfs-sources "$(sources)" "32 3 61 0 "
		expect_ok stm32-romem-debugfs-word57 grep -q '^word 57: secure ' "$locks"
		expect_ok stm32-romem-debugfs-word60 grep -q '^word 60: secure-refused ' "$locks"
	else
		expect_eq stm32-romem-debugfs-sources "$(sources)" "32 0 0 64 "
	fi
else
	e2e_fail stm32-romem-debugfs-locks "$locks missing"
fi

if [ "${OTP_MONITOR:-0}" = 1 ]; then
	expect_ok stm32-romem-dmesg-secure-present sh -c \
		"dmesg | grep -q 'secure service present: upper OTP words 32..95 available'"
	# The firmware generation the bench firmware plays: the kernel's own
	# line says which SMCCC it found, the provider's line how it calls.
	case ${OTP_FW_GENERATION:-tfa} in
	optee-3.3) smccc=v1.0 call="SMCCC 1.0, smc from the PSCI node" ;;
	*) smccc=v1.1 call="SMCCC 1.1, smc" ;;
	esac
	expect_ok "stm32-romem-firmware-smccc-$smccc" sh -c \
		"dmesg | grep -q 'SMC Calling Convention $smccc'"
	expect_ok "stm32-romem-sip-call-$smccc" sh -c \
		"dmesg | grep 7f000000.efuse | grep -q 'through the SiP SMC service ($call)'"
	# Every read above went through the refused words more than once,
	# the first one (the hexdump) through all of them: the log sums the
	# 61 up in one line, with the status the generation refuses with
	# (tests/firmware/fw.h) and the words served, and names none of
	# them on its own.
	since=$(dmesg | sed -n '/otp-e2e: stm32-romem.sh starts/,$p' | grep 7f000000.efuse)
	summary=$(echo "$since" | grep 'words 32..95: .* refused by the secure service')
	echo "$summary"
	case ${OTP_FW_GENERATION:-tfa} in
	optee-3.3) status='not supported, 0xffffffff' ;;
	*) status='invalid parameter, 0xfffffffd' ;;
	esac
	expect_eq stm32-romem-refusals-one-line \
		"$(echo "$summary" | grep -c "words 32..95: 61 refused by the secure service ($status) and read as 0; served: 57-59\$")" 1
	expect_eq stm32-romem-refusals-no-word-lines \
		"$(echo "$since" | grep -c 'refused by secure service')" 0
elif dmesg | grep -q 'secure service absent: words 32..95 read as 0'; then
	e2e_ok stm32-romem-dmesg-secure-absent
else
	e2e_fail stm32-romem-dmesg-secure-absent "no 'secure service absent' line: $(dmesg | grep -i romem | tail -n 3)"
fi
consumers_on otp-consumer-stm32
