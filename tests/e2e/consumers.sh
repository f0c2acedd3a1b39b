# SPDX-License-Identifier: GPL-2.0
# DT consumers of the OTP cells: deferred until the providers load, the
# MAC through of_get_mac_address(), calibration through
# nvmem_cell_read_u16()/_u8(), a held cell pinning its provider, and
# unload/reload of the providers.

sysdev=/sys/bus/platform/devices
drv=/sys/bus/platform/drivers/otp-test-consumer

value() {	# value CONSUMER KEY
	awk -v k="$2" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$sysdev/$1/values" 2>/dev/null
}

while read -r name state; do
	expect_eq "consumer-$name-waits-for-provider" "$state" waiting
done < /tmp/consumers-before-providers

for c in otp-consumer-imx otp-consumer-stm32; do
	echo "# cat $sysdev/$c/values"
	cat "$sysdev/$c/values"
done

# i.MX8M: fuses hold the MAC last byte first; the consumer sees it in order.
expect_eq consumer-imx-mac "$(value otp-consumer-imx mac-address)" "00:04:9f:01:02:03"
# i.MX6Q and i.MX6ULL (check boots): cells named as imx6qdl.dtsi and
# imx6ul.dtsi name them ("mac-addr@88", "mac-addr@8e"), asked for as
# "mac-address" the FEC's way, give the MAC U-Boot reads from the same
# fuses (arch/arm/mach-imx/mac.c imx_get_mac_from_fuse(): port 0 from bits
# 15:0 of word 35 then word 34, port 1 from word 36 then bits 31:16 of
# word 35, high bytes first), worked out here from the image's words.
data_word() {	# data_word FILE N: word N of /data/FILE, as 0x...
	echo "0x$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "/data/$1" | sed -n "$(($2 + 1))p" | tr -d ' \t')"
}
uboot_mac() {	# uboot_mac FILE PORT
	w34=$(data_word "$1" 34) w35=$(data_word "$1" 35) w36=$(data_word "$1" 36)
	if [ "$2" = 1 ]; then
		set -- $((w36 >> 24)) $((w36 >> 16)) $((w36 >> 8)) $((w36)) $((w35 >> 24)) $((w35 >> 16))
	else
		set -- $((w35 >> 8)) $((w35)) $((w34 >> 24)) $((w34 >> 16)) $((w34 >> 8)) $((w34))
	fi
	printf '%02x:%02x:%02x:%02x:%02x:%02x' $(($1 & 255)) $(($2 & 255)) \
		$(($3 & 255)) $(($4 & 255)) $(($5 & 255)) $(($6 & 255))
}
if [ -e "$sysdev/otp-consumer-imx6q-fec" ]; then
	for c in otp-consumer-imx6q-fec otp-consumer-imx6ull-fec1 otp-consumer-imx6ull-fec2; do
		echo "# $c: $(cat "$sysdev/$c/values")"
	done
	expect_eq consumer-imx6q-mac-addr-88 "$(value otp-consumer-imx6q-fec mac-address)" \
		"$(uboot_mac imx6q-fuses.words 0)"
	expect_eq consumer-imx6ull-mac-addr-88 "$(value otp-consumer-imx6ull-fec1 mac-address)" \
		"$(uboot_mac imx6ull-fuses.words 0)"
	expect_eq consumer-imx6ull-mac-addr-8e "$(value otp-consumer-imx6ull-fec2 mac-address)" \
		"$(uboot_mac imx6ull-fuses.words 1)"
fi
# STM32MP15: calibration words from the lower (shadowed) OTPs.
expect_eq consumer-stm32-ts-cal1 "$(value otp-consumer-stm32 ts_cal1)" "0x2fe9"
expect_eq consumer-stm32-ts-cal2 "$(value otp-consumer-stm32 ts_cal2)" "0x3f99"
expect_eq consumer-stm32-vrefint "$(value otp-consumer-stm32 vrefint)" "0x5da5"
expect_eq consumer-stm32-part-number "$(value otp-consumer-stm32 part_number)" "0x00"
# mac@e4 is in upper words 57-58: through the bench firmware's SiP service
# the consumer gets the MAC of its image (tests/firmware/otp-image.words);
# without a secure monitor they read 0 and of_get_mac_address() rejects
# the all-zero address.
if [ "${OTP_MONITOR:-0}" = 1 ]; then
	expect_eq consumer-stm32-mac-from-monitor "$(value otp-consumer-stm32 mac-address)" "00:80:e1:51:50:43"
else
	expect_eq consumer-stm32-mac-without-monitor "$(value otp-consumer-stm32 mac-address)" "error -22"
fi

# A held cell pins the provider module.
expect_fail consumer-pins-provider rmmod otp_stm32_romem
expect_ok consumer-provider-still-there test -e /sys/bus/nvmem/devices/stm32-romem0/nvmem

# Release the consumer (parked: lib.sh), then unload and reload the provider.
consumers_off otp-consumer-stm32
expect_ok provider-unheld-after-release module_unheld otp_stm32_romem
expect_ok provider-rmmod-after-release rmmod otp_stm32_romem
expect_fail provider-gone-after-rmmod test -e /sys/bus/nvmem/devices/stm32-romem0
expect_ok provider-reinsmod insmod /modules/drivers/otp-stm32-romem.ko
expect_ok provider-back-after-insmod test -e /sys/bus/nvmem/devices/stm32-romem0/nvmem
consumers_on otp-consumer-stm32
expect_eq consumer-stm32-after-reload "$(value otp-consumer-stm32 ts_cal1)" "0x2fe9"

# The i.MX consumer holds nothing: the provider unloads, the consumer
# follows it (device link) and comes back with it.
expect_ok imx-provider-unheld module_unheld otp_imx_ocotp
expect_ok imx-provider-rmmod rmmod otp_imx_ocotp
expect_fail imx-provider-gone test -e /sys/bus/nvmem/devices/imx-ocotp0
expect_ok imx-provider-reinsmod insmod /modules/drivers/otp-imx-ocotp.ko
[ -e "$sysdev/otp-consumer-imx/driver" ] || echo otp-consumer-imx > "$drv/bind"
expect_eq consumer-imx-mac-after-reload "$(value otp-consumer-imx mac-address)" "00:04:9f:01:02:03"
expect_ok imx-provider-names-stable test -e /sys/bus/nvmem/devices/imx-ocotp0/nvmem
