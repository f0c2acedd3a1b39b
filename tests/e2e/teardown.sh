# SPDX-License-Identifier: GPL-2.0
# Teardown under load (sourced by /init after lib.sh): readers keep each
# provider's nvmem file open and read it in a loop while the device is
# unbound and bound again, then while the module is removed and inserted
# again.  The console must stay clean (KASAN, lockdep: scripts/check-log.py)
# and the devices must come back reading what they read before.  Bounded
# for make check (50 cycles per provider: four check boots run it);
# OTP_TEARDOWN_CYCLES (make soak: 1000) makes it longer.

cycles=${OTP_TEARDOWN_CYCLES:-50}
mcycles=${OTP_TEARDOWN_MODULE_CYCLES:-$((cycles / 10))}
plat=/sys/bus/platform
cons=$plat/drivers/otp-test-consumer

# Cell consumers hold the providers; they are let go first and come back at the end.
consumers_off

# cycle NAME DRIVER DEVICE NVMEM (lib.sh's helpers use $name: not here)
cycle() {
	what=$1 drv=$2 dev=$3 nv=$4
	before=$(od -A x -t x4 "$nv" | md5sum)
	rm -f /tmp/teardown-stop
	# The readers follow the device's NVMEM device whatever its name
	# (a kernel that releases late gives each bind a new one).
	for r in 1 2; do
		(while [ ! -e /tmp/teardown-stop ]; do
			for f in "$plat/devices/$dev"/*/nvmem; do
				dd if="$f" of=/dev/null bs=64 count=16 2>/dev/null
				dd if="$f" of=/dev/null bs=1 skip=5 count=7 2>/dev/null
			done
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
	rebind_named "$drv" "$dev" "${nv%/nvmem}"
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
while [ $i -lt "$mcycles" ]; do
	rmmod otp_imx_ocotp 2>/dev/null && insmod /modules/drivers/otp-imx-ocotp.ko && ok=$((ok + 1))
	i=$((i + 1))
done
touch /tmp/teardown-stop
wait
[ -e "$nv" ] || insmod /modules/drivers/otp-imx-ocotp.ko
expect_ok teardown-imx-module-back test -e "$nv"
expect_ok teardown-imx-module-cycles test "$ok" -gt 0
echo "# imx: $ok rmmod/insmod cycles with a reader"

# A consumer that holds an NVMEM device across its provider's unbind: the
# nvmem core keeps the device, its sysfs file and its callbacks until the
# consumer lets go (otp-provider.h).  Every access in between must fail
# with ENODEV, and programming must reach no register.  The holder takes
# "imx-ocotp1" by name (tests/dt/consumers.dtsi), the writable node.
holder=otp-holder-imx
rwdev=7f020000.ocotp-ctrl
imxdrv=$plat/drivers/otp-imx-ocotp
rwnv=/sys/bus/nvmem/devices/imx-ocotp1
expect_eq held-device-is-rw-node "$(readlink "$rwnv/of_node" | sed 's,.*/,,')" "$imx_rw_node"
want=$(dd if="$rwnv/nvmem" bs=1 skip=144 count=6 2>/dev/null | od -v -A n -t x1 | sed 's/^ //; s/ /:/g')
echo otp-test-consumer > "$plat/devices/$holder/driver_override"
echo "$holder" > "$cons/bind"
expect_eq held-read-bound "$(cat "$plat/devices/$holder/held")" "$want"
expect_fail held-pins-module rmmod otp_imx_ocotp
echo "$rwdev" > "$imxdrv/unbind"
expect_eq held-read-after-unbind "$(cat "$plat/devices/$holder/held")" "error -19"
expect_ok held-sysfs-file-stays test -e "$rwnv/nvmem"
expect_fail held-sysfs-read-refused dd if="$rwnv/nvmem" of=/dev/null bs=4 count=1
data_before=$(devmem $imx_rw_data 32)
devmem $imx_rw_data 32 0
# shellcheck disable=SC2028 # printf expands the escapes
expect_fail held-sysfs-write-refused sh -c "printf '\x78\x56\x34\x12' | dd of=$rwnv/nvmem bs=4 seek=24 count=1 conv=notrunc"
expect_eq held-nothing-programmed "$(devmem $imx_rw_data 32)" 0x00000000
devmem $imx_rw_data 32 "$data_before"
# The provider binds again beside the held device, under another name.
echo "$rwdev" > "$imxdrv/bind"
expect_ok held-rebind test -e "$plat/devices/$rwdev/driver"
expect_eq held-rebind-new-name "$(ls -d /sys/bus/nvmem/devices/imx-ocotp* | wc -l)" 5
# Letting go releases the old device, its state and its name.
echo "$holder" > "$cons/unbind"
echo > "$plat/devices/$holder/driver_override"
expect_fail held-old-device-released test -e "$rwnv"
echo "$rwdev" > "$imxdrv/unbind"
settle
echo "$rwdev" > "$imxdrv/bind"
expect_eq held-name-back "$(readlink "$rwnv/of_node" | sed 's,.*/,,')" "$imx_rw_node"

consumers_on
expect_ok teardown-consumers-back test -e "$plat/devices/otp-consumer-imx/driver"
