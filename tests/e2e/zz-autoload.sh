# SPDX-License-Identifier: GPL-2.0
# Module autoload (runs last: it unloads and reloads the providers).
# The initramfs holds our modules as "make modules_install" + depmod put
# them; here the providers are unloaded and brought back by modalias, the
# way udev's "kmod load $MODALIAS" does for every device it sees.

kver=$(uname -r)
sysdev=/sys/bus/platform/devices

expect_ok autoload-alias-bsec grep -q 'of:N\*T\*Cst,stm32mp15-bsec ' "/lib/modules/$kver/modules.alias"
expect_ok autoload-alias-ocotp grep -q 'of:N\*T\*Cfsl,imx8mq-ocotp ' "/lib/modules/$kver/modules.alias"
echo "# grep otp /lib/modules/$kver/modules.alias | head -n 4"
grep otp "/lib/modules/$kver/modules.alias" | head -n 4

# Release the consumers, then unload both providers.
consumers_off
expect_ok autoload-unheld-stm32 module_unheld otp_stm32_romem
expect_ok autoload-unheld-imx module_unheld otp_imx_ocotp
rmmod otp_stm32_romem otp_imx_ocotp
expect_fail autoload-unloaded test -e /sys/bus/nvmem/devices/stm32-romem0

# Coldplug: what udev does for each device with a modalias.
for d in "$sysdev"/7f000000.efuse "$sysdev"/7f010000.ocotp-ctrl "$sysdev"/7f020000.ocotp-ctrl; do
	alias=$(cat "$d/modalias")
	echo "# modprobe $alias"
	modprobe "$alias"
done
expect_eq autoload-bsec-bound "$(basename "$(readlink "$sysdev/7f000000.efuse/driver")")" otp-stm32-romem
expect_eq autoload-ocotp-bound "$(basename "$(readlink "$sysdev/7f010000.ocotp-ctrl/driver")")" otp-imx-ocotp
expect_ok autoload-stm32-nvmem test -e /sys/bus/nvmem/devices/stm32-romem0/nvmem
expect_ok autoload-imx-nvmem test -e /sys/bus/nvmem/devices/imx-ocotp0/nvmem
expect_ok autoload-module-from-updates sh -c "grep -q '^otp_stm32_romem' /proc/modules"

# modprobe by name resolves through modules.dep too.
expect_ok autoload-unheld-imx-again module_unheld otp_imx_ocotp
rmmod otp_imx_ocotp
expect_ok autoload-modprobe-by-name modprobe otp-imx-ocotp
expect_ok autoload-imx-back test -e /sys/bus/nvmem/devices/imx-ocotp0/nvmem

consumers_on
expect_eq autoload-consumer-back "$(awk '$1 == "ts_cal1" { print $2 }' "$sysdev/otp-consumer-stm32/values")" 0x2fe9
