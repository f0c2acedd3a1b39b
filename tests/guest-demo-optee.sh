# SPDX-License-Identifier: GPL-2.0
# make demo, second boot: a board whose DT has OP-TEE (linaro,optee-tz).
# The providers are loaded; OP-TEE (emulated, tests/modules/) is not yet.

run() {
	echo "# $*"
	sh -c "$*" 2>&1
	echo
}

echo "======== the DT has OP-TEE but OP-TEE is not up yet: the BSEC waits"
run "ls /sys/bus/nvmem/devices/; cat /sys/kernel/debug/devices_deferred"
echo "======== OP-TEE registers (here: insmod of the emulated OP-TEE)"
run "insmod /modules/optee/otp-optee-emu.ko; sleep 1; dmesg | grep -iE 'optee|pseudo-TA|efuse' | sed 's/^\[[ .0-9]*\] //'"
echo "======== STM32MP15 BSEC through OP-TEE's BSEC pseudo-TA: the seed's commands"
run "hexdump -e '\"%08_ax: \" 4/4 \"%08x \" \"\\n\"' /sys/bus/nvmem/devices/stm32-romem0/nvmem"
echo "(words 57-59 are open to the normal world, as OP-TEE's st,non-secure-otp says; the rest read 0)"
run "dd status=none if=/sys/bus/nvmem/devices/stm32-romem0/nvmem of=/dev/stdout bs=4 count=1 skip=57 | hexdump -v -e '4/4 \"%08x \" \"\\n\"'"
run "grep -E '^(#|word (12|57|60):)' /sys/kernel/debug/otp-stm32-romem/stm32-romem0/locks"
echo "======== the ethernet-style consumer gets the MAC of mac@e4 from OP-TEE"
run "[ -e /sys/bus/platform/devices/otp-consumer-stm32/driver ] || echo otp-consumer-stm32 > /sys/bus/platform/drivers/otp-test-consumer/bind; cat /sys/bus/platform/devices/otp-consumer-stm32/values"
