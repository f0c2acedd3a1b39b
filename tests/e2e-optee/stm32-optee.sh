# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of the OP-TEE backend of otp-stm32-romem, in the OP-TEE
# boot (scripts/qemu-test.sh KVER optee; sourced by /init after lib.sh).
# The DT has a linaro,optee-tz node; the providers are loaded, OP-TEE is
# not yet: the BSEC nodes wait for it, then bind once the emulated OP-TEE
# (tests/modules/otp-optee-emu-main.c) registers.  What it serves:
# tests/dt/optee/optee.dtsi.

sysdev=/sys/bus/platform/devices
nvdev=/sys/bus/nvmem/devices

# node_nvmem NODE -> nvmem device bound to that DT node (empty if none)
node_nvmem() {
	for d in "$nvdev"/stm32-romem*; do
		case $(readlink "$d/of_node" 2>/dev/null) in
		*/"$1") echo "$d"; return ;;
		esac
	done
}

value() {	# value CONSUMER KEY
	awk -v k="$2" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$sysdev/$1/values" 2>/dev/null
}

# Before OP-TEE is there: both BSEC nodes wait (deferred probe).
expect_eq optee-mp15-waits "$(node_nvmem efuse@7f000000)" ""
expect_eq optee-mp13-waits "$(node_nvmem efuse@7f038000)" ""
expect_ok optee-mp15-deferred grep -q 7f000000.efuse /sys/kernel/debug/devices_deferred
expect_ok optee-defer-reason sh -c "grep 7f000000.efuse /sys/kernel/debug/devices_deferred | grep -q 'OP-TEE'"

echo "# insmod otp-optee-emu.ko"
expect_ok optee-emu-insmod insmod /modules/optee/otp-optee-emu.ko
i=0
while [ $i -lt 10 ] && { [ -z "$(node_nvmem efuse@7f000000)" ] || [ -z "$(node_nvmem efuse@7f038000)" ]; }; do
	sleep 1
	i=$((i + 1))
done
mp15=$(node_nvmem efuse@7f000000)
mp13=$(node_nvmem efuse@7f038000)
expect_ok optee-mp15-bound test -n "$mp15"
expect_ok optee-mp13-bound test -n "$mp13"
expect_ok optee-mp15-backend-logged sh -c \
	"dmesg | grep 7f000000.efuse | grep -q 'OP-TEE BSEC pseudo-TA for words 32..95'"

# The seed's commands on the STM32MP15: lower words from the BSEC
# registers, upper words from OP-TEE: 57-59 are open, the rest read 0.
want=$( (sed -n 1,32p /data/stm32mp15-seed.words | sed 's/#.*//' | grep .
	i=32
	while [ $i -lt 96 ]; do
		case $i in
		57) echo 42e18000 ;;
		58) echo 5ec04443 ;;
		59) echo 5ec0003b ;;
		*) echo 00000000 ;;
		esac
		i=$((i + 1))
	done) )
if [ -n "$mp15" ]; then
	echo "# hexdump -e '\"%08_ax: \" 4/4 \"%08x \" \"\\n\"' ${mp15##*/}/nvmem"
	dump=$(hexdump -e '"%08_ax: " 4/4 "%08x " "\n"' "$mp15/nvmem")
	echo "$dump" | tail -n 12
	# hexdump squeezes the tail without a closing offset: compare od's view.
	expect_eq optee-mp15-hexdump-upper "$(echo "$dump" | grep '^000000e0:')" \
		"000000e0: 00000000 42e18000 5ec04443 5ec0003b"
	expect_eq optee-mp15-dump "$(od -A x -t x4 "$mp15/nvmem" | expand_dump)" "$want"
	w57=$(dd status=none if="$mp15/nvmem" of=/dev/stdout bs=4 count=1 skip=57 | hexdump -v -e '4/4 "%08x " "\n"' | tr -d ' ')
	expect_eq optee-mp15-dd-word57 "$w57" 42e18000
	lk=/sys/kernel/debug/otp-stm32-romem/${mp15##*/}/locks
	expect_ok optee-debugfs-open sh -c "grep -q '^word 57: pta ' $lk"
	expect_ok optee-debugfs-refused sh -c "grep -q '^word 60: pta-refused .*error=1' $lk"
	expect_ok optee-debugfs-shadow sh -c "grep -q '^word 12: shadow ' $lk"
fi

# The seed's mac@e4 cell reaches of_get_mac_address() of the consumer.
drv=/sys/bus/platform/drivers/otp-test-consumer
[ -e "$sysdev/otp-consumer-stm32/driver" ] || echo otp-consumer-stm32 > "$drv/bind"
expect_eq optee-consumer-mac "$(value otp-consumer-stm32 mac-address)" "00:80:e1:42:43:44"
expect_eq optee-consumer-ts-cal1 "$(value otp-consumer-stm32 ts_cal1)" "0x2fe9"

# The STM32MP13: every word through OP-TEE (its BSEC is secure).
if [ -n "$mp13" ]; then
	expect_eq optee-mp13-size "$(wc -c < "$mp13/nvmem" | tr -d ' ')" 384
	expect_eq optee-mp13-dump "$(od -A x -t x4 "$mp13/nvmem" | expand_dump)" "$want"
fi

# OP-TEE going away unbinds the BSECs first (device link), without a hang;
# coming back binds them again.  The consumer is parked (lib.sh) so that
# it does not come back with the BSEC on its own schedule.
consumers_off otp-consumer-stm32
expect_ok optee-emu-rmmod rmmod otp_optee_emu
expect_eq optee-mp15-gone "$(node_nvmem efuse@7f000000)" ""
expect_ok optee-sessions-closed sh -c "dmesg | grep -q 'emulated OP-TEE gone: 2 sessions'"
expect_ok optee-emu-reinsmod insmod /modules/optee/otp-optee-emu.ko
# Unbound devices are not probed again by themselves: bind, as udev would.
echo 7f000000.efuse > /sys/bus/platform/drivers/otp-stm32-romem/bind
i=0
while [ $i -lt 10 ] && [ -z "$(node_nvmem efuse@7f000000)" ]; do
	sleep 1
	i=$((i + 1))
done
mp15=$(node_nvmem efuse@7f000000)
expect_ok optee-mp15-back test -n "$mp15"
[ -n "$mp15" ] && expect_eq optee-mp15-after-reload \
	"$(dd status=none if="$mp15/nvmem" bs=4 count=1 skip=58 | od -v -A n -t x4 | tr -d ' ')" 5ec04443
echo "# dmesg | grep -i optee"
dmesg | grep -iE 'optee|pseudo-TA' | tail -n 8

# OP-TEE without the BSEC pseudo-TA (before 3.20, the pseudo-TA's first
# release, or built with CFG_STM32_BSEC_PTA=n): the STM32MP15 must not go
# dark.  It falls back to the SiP service of the monitor underneath (the
# bench firmware): lower words from its registers, the upper words the
# firmware opens from it, 0 for the others, and one line says so.  The
# STM32MP13, which only the pseudo-TA can read, stays unregistered with
# one line.
consumers_off otp-consumer-stm32
rmmod otp_optee_emu
echo "otp-e2e: stm32-optee.sh without the pseudo-TA" > /dev/kmsg
expect_ok optee-nopta-insmod insmod /modules/optee/otp-optee-emu.ko bsec_pta=0
echo 7f000000.efuse > /sys/bus/platform/drivers/otp-stm32-romem/bind
echo 7f038000.efuse > /sys/bus/platform/drivers/otp-stm32-romem/bind 2>/dev/null
mp15=$(node_nvmem efuse@7f000000)
expect_ok optee-nopta-mp15-registered test -n "$mp15"
dmesg | sed -n '/otp-e2e: stm32-optee.sh without the pseudo-TA/,$p' > /tmp/nopta.log
grep efuse /tmp/nopta.log
expect_eq optee-nopta-mp15-one-line \
	"$(grep 7f000000.efuse /tmp/nopta.log | grep -c 'secure service present: upper OTP words 32..95 available through the SiP SMC service (SMCCC 1.1, smc); OP-TEE has no BSEC pseudo-TA, TEE result 0xffff0008')" 1
expect_eq optee-nopta-mp13-unregistered "$(node_nvmem efuse@7f038000)" ""
expect_eq optee-nopta-mp13-one-line \
	"$(grep 7f038000.efuse /tmp/nopta.log | grep -c 'OP-TEE has no BSEC pseudo-TA, TEE result 0xffff0008, the only way to this BSEC')" 1
fwwant=$( (sed 's/#.*//' /data/stm32mp15-seed.words | grep . | sed -n 1,32p
	sed 's/#.*//' /data/fw-otp-image.words | grep . | awk 'NR > 32 {
		print (NR >= 58 && NR <= 60) ? $1 : "00000000" }') )
[ -n "$mp15" ] && expect_eq optee-nopta-mp15-dump \
	"$(od -A x -t x4 "$mp15/nvmem" | expand_dump)" "$fwwant"
consumers_on otp-consumer-stm32
expect_eq optee-nopta-consumer-mac "$(value otp-consumer-stm32 mac-address)" "00:80:e1:51:50:43"

# Back to an OP-TEE with the pseudo-TA.
consumers_off otp-consumer-stm32
rmmod otp_optee_emu
insmod /modules/optee/otp-optee-emu.ko
echo 7f000000.efuse > /sys/bus/platform/drivers/otp-stm32-romem/bind
consumers_on otp-consumer-stm32
