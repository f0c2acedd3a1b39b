# SPDX-License-Identifier: GPL-2.0
# What a user on the board sees, as a shell transcript (make demo).
# Runs in the QEMU guest after /init loaded the consumers and our modules.

run() {
	echo "# $*"
	sh -c "$*" 2>&1
	echo
}

# Kernel messages go to dmesg only from here on, so that they do not cut
# into the transcript; what matters of them is shown with dmesg.
dmesg -n 1

echo "======== the providers are loaded (insmod), the kernel says:"
dmesg | grep -E 'otp-(stm32-romem|imx-ocotp|test-consumer)' | sed 's/^\[[ .0-9]*\] //'
echo
echo "======== STM32MP15 BSEC: the seed's commands"
run "hexdump -e '\"%08_ax: \" 4/4 \"%08x \" \"\\n\"' /sys/bus/nvmem/devices/stm32-romem0/nvmem"
run "dd status=none if=/sys/bus/nvmem/devices/stm32-romem0/nvmem of=/dev/stdout bs=4 count=1 skip=12 | hexdump -v -e '4/4 \"%08x \" \"\\n\"'"
echo "(words 32..95 come from the secure monitor: here the bench firmware's SiP"
echo " service, which opens 57-59 (the MAC at 0xe4 and the board id) and refuses"
echo " the rest: those read 0; the kernel log sums them up in one line at the"
echo " first dump, and names a refused word read on its own before that once)"
run "head -n 4 /sys/kernel/debug/otp-stm32-romem/stm32-romem0/locks; grep -E '^word (32|57|58|59|60):' /sys/kernel/debug/otp-stm32-romem/stm32-romem0/locks"
run "dmesg | grep -E 'refused by (the )?secure service' | head -n 2 | sed 's/^\\[[ .0-9]*\\] //'"

echo "======== i.MX8M Mini OCOTP: the seed's commands (read-only node)"
run "od -A x -t x4 /sys/bus/nvmem/devices/imx-ocotp0/nvmem"
run "dd status=none if=/sys/bus/nvmem/devices/imx-ocotp0/nvmem of=/dev/stdout bs=4 count=1 skip=37 | od -v -t x4"
run "printf '\\x78\\x56\\x34\\x12' | dd of=/sys/bus/nvmem/devices/imx-ocotp0/nvmem bs=4 count=1 seek=37 conv=notrunc; echo exit=\$?"

echo "======== DT consumers (an ethernet-style MAC user, thermal/ADC calibration)"
run "cat /sys/bus/platform/devices/otp-consumer-imx/values"
run "cat /sys/bus/platform/devices/otp-consumer-stm32/values"

echo "======== the otp helper (scripts/otp)"
run "otp list"
run "otp cells"
run "otp read imx-ocotp0 9:1"
run "otp write imx-ocotp0 9:1 0x12345678; echo exit=\$?"
run "otp write --yes imx-ocotp1 9:1 0x12345678; echo exit=\$?"
run "echo no | otp write --srk imx-ocotp1 6:0 0x12345678; echo exit=\$?"
echo "(QEMU's OCOTP is plain RAM: the fuse never changes, so the driver's read-back check refuses to report success)"
run "otp write --yes --srk imx-ocotp1 6:0 0x12345678; echo exit=\$?"
run "dmesg | grep otp-imx-ocotp | tail -n 3 | sed 's/^\\[[ .0-9]*\\] //'"
