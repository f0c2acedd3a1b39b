# SPDX-License-Identifier: GPL-2.0
# Teardown under load (sourced by /init after lib.sh): readers keep each
# provider's nvmem file open and read it in a loop while the device is
# unbound and bound again, then while the module is removed and inserted
# again.  The console must stay clean (KASAN, lockdep: scripts/check-log.py)
# and the devices must come back reading what they read before.  Bounded
# for make check (100 cycles per provider: four check boots run it);
# OTP_TEARDOWN_CYCLES makes it longer.

cycles=${OTP_TEARDOWN_CYCLES:-100}
plat=/sys/bus/platform
cons=$plat/drivers/otp-test-consumer

# Cell consumers hold the providers; they are let go first and come back at the end.
for c in otp-consumer-imx otp-consumer-stm32; do
	[ -e "$plat/devices/$c/driver" ] && echo "$c" > "$cons/unbind"
done

# cycle NAME DRIVER DEVICE NVMEM (lib.sh's helpers use $name: not here)
cycle() {
	what=$1 drv=$2 dev=$3 nv=$4
	before=$(od -A x -t x4 "$nv" | md5sum)
	rm -f /tmp/teardown-stop
	for r in 1 2; do
		(while [ ! -e /tmp/teardown-stop ]; do
			dd if="$nv" of=/dev/null bs=64 count=16 2>/dev/null
			dd if="$nv" of=/dev/null bs=1 skip=5 count=7 2>/dev/null
		done) &
	done
	i=0
	while [ $i -lt "$cycles" ]; do
		echo "$dev" > "$plat/drivers/$drv/unbind"
		echo "$dev" > "$plat/drivers/$drv/bind"
		i=$((i + 1))
	done
	touch /tmp/teardown-stop
	wait
	expect_ok "teardown-$what-back" test -e "$nv"
	expect_eq "teardown-$what-same-data" "$(od -A x -t x4 "$nv" | md5sum)" "$before"
	echo "# $what: $cycles unbind/bind cycles with 2 readers"
}

cycle imx otp-imx-ocotp 7f010000.ocotp-ctrl /sys/bus/nvmem/devices/imx-ocotp0/nvmem
cycle stm32 otp-stm32-romem 7f000000.efuse /sys/bus/nvmem/devices/stm32-romem0/nvmem

# Module removal under readers: rmmod waits for no one and frees nothing in use.
nv=/sys/bus/nvmem/devices/imx-ocotp0/nvmem
rm -f /tmp/teardown-stop
(while [ ! -e /tmp/teardown-stop ]; do
	dd if="$nv" of=/dev/null bs=64 count=16 2>/dev/null
done) &
i=0
ok=0
while [ $i -lt $((cycles / 10)) ]; do
	rmmod otp_imx_ocotp 2>/dev/null && insmod /modules/drivers/otp-imx-ocotp.ko && ok=$((ok + 1))
	i=$((i + 1))
done
touch /tmp/teardown-stop
wait
[ -e "$nv" ] || insmod /modules/drivers/otp-imx-ocotp.ko
expect_ok teardown-imx-module-back test -e "$nv"
expect_ok teardown-imx-module-cycles test "$ok" -gt 0
echo "# imx: $ok rmmod/insmod cycles with a reader"

for c in otp-consumer-imx otp-consumer-stm32; do
	[ -e "$plat/devices/$c/driver" ] || echo "$c" > "$cons/bind"
done
expect_ok teardown-consumers-back test -e "$plat/devices/otp-consumer-imx/driver"
