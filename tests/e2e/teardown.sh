# SPDX-License-Identifier: GPL-2.0
# Teardown under load (sourced by /init after lib.sh): readers keep each
# provider's nvmem file open and read it in a loop (/bin/otp-reader,
# tests/e2e/otp-reader.c: every read gives the bytes read before, or
# ENODEV once the file is gone, and then the reader opens it again) while
# the device is unbound and bound again, then while the module is removed
# and inserted again.  The console must stay clean (KASAN, lockdep:
# scripts/check-log.py) and the devices must come back reading what they
# read before.  Bounded for make check (50 unbind/bind and 5 rmmod/insmod
# cycles per provider: four check boots run it); OTP_TEARDOWN_CYCLES and
# OTP_TEARDOWN_MODULE_CYCLES (make soak: 1000 each) make it longer.

cycles=${OTP_TEARDOWN_CYCLES:-50}
mcycles=${OTP_TEARDOWN_MODULE_CYCLES:-$((cycles / 10))}
plat=/sys/bus/platform
cons=$plat/drivers/otp-test-consumer

# Cell consumers hold the providers; they are parked first (lib.sh: they
# would come back with every bind) and come back at the end.
consumers_off

# readers_start DEVICE NVMEM LENGTH...: one otp-reader per LENGTH on
# DEVICE's nvmem file, whatever the NVMEM device's name, each checking its
# reads against the first LENGTH bytes NVMEM reads now
readers_start() {
	dev=$1 nv=$2
	shift 2
	rm -f /tmp/teardown-stop /tmp/teardown-reader.* /tmp/teardown-ref.*
	r=0
	for len in "$@"; do
		r=$((r + 1))
		dd if="$nv" of=/tmp/teardown-ref.$r bs="$len" count=1 2>/dev/null
		otp-reader "$plat/devices/$dev/*/nvmem" /tmp/teardown-ref.$r \
			/tmp/teardown-stop > /tmp/teardown-reader.$r 2>&1 &
	done
}

# readers_stop NAME: stop them; each must have read the same bytes every
# time it got any, and never anything but those bytes or ENODEV
readers_stop() {
	touch /tmp/teardown-stop
	wait
	for f in /tmp/teardown-reader.*; do
		res=$(tail -n1 "$f")
		grep '^anomaly' "$f" | head -n 3
		expect_eq "$1-reader${f##*.}-anomalies" \
			"$(echo "$res" | sed -n 's/.*anomalies=\([0-9]*\).*/\1/p')" 0
		expect_ok "$1-reader${f##*.}-read" test "$(echo "$res" | sed -n 's/.*same=\([0-9]*\).*/\1/p')" -gt 0
		echo "# $1: reader ${f##*.}: $res"
	done
}

# cycle NAME DRIVER DEVICE NVMEM LENGTH...
cycle() {
	what=$1 drv=$2 dev=$3 nv=$4
	shift 4
	before=$(od -A x -t x4 "$nv" | md5sum)
	readers_start "$dev" "$nv" "$@"
	i=0
	while [ $i -lt "$cycles" ]; do
		echo "$dev" > "$plat/drivers/$drv/unbind"
		echo "$dev" > "$plat/drivers/$drv/bind"
		i=$((i + 1))
	done
	readers_stop "teardown-$what"
	rebind_named "$drv" "$dev" "${nv%/nvmem}"
	expect_ok "teardown-$what-back" test -e "$nv"
	expect_eq "teardown-$what-same-data" "$(od -A x -t x4 "$nv" | md5sum)" "$before"
	echo "# $what: $cycles unbind/bind cycles with 2 readers"
}

# modules NAME MODULE DEVICE NVMEM LENGTH: rmmod waits for no one and
# frees nothing in use.  Before each rmmod the module must be held by no
# one (module_unheld); an rmmod refused after that is a failure.
modules() {
	what=$1 mod=$2 dev=$3 nv=$4
	ko=/modules/drivers/$(echo "$mod" | tr _ -).ko
	before=$(od -A x -t x4 "$nv" | md5sum)
	readers_start "$dev" "$nv" "$5"
	i=0
	unheld=0
	ok=0
	while [ $i -lt "$mcycles" ]; do
		if module_unheld "$mod"; then
			unheld=$((unheld + 1))
			rmmod "$mod" && insmod "$ko" && ok=$((ok + 1))
		fi
		i=$((i + 1))
	done
	readers_stop "teardown-$what-module"
	[ -e "$nv" ] || insmod "$ko"
	expect_ok "teardown-$what-module-back" test -e "$nv"
	expect_eq "teardown-$what-module-same-data" "$(od -A x -t x4 "$nv" | md5sum)" "$before"
	expect_eq "teardown-$what-module-unheld" "$unheld" "$mcycles"
	expect_eq "teardown-$what-module-cycles" "$ok" "$mcycles"
	echo "# $what: $ok rmmod/insmod cycles with a reader"
}

imx_dev=7f010000.ocotp-ctrl imx_nv=/sys/bus/nvmem/devices/imx-ocotp0/nvmem
stm32_dev=7f000000.efuse stm32_nv=/sys/bus/nvmem/devices/stm32-romem0/nvmem
cycle imx otp-imx-ocotp $imx_dev $imx_nv 1024 16
cycle stm32 otp-stm32-romem $stm32_dev $stm32_nv 384 16
modules imx otp_imx_ocotp $imx_dev $imx_nv 1024
modules stm32 otp_stm32_romem $stm32_dev $stm32_nv 384

# A consumer that holds an NVMEM device across its provider's unbind: the
# nvmem core keeps the device, its sysfs file and its callbacks until the
# consumer lets go (otp-provider.c).  Every access in between must fail
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
nimx=$(ls -d /sys/bus/nvmem/devices/imx-ocotp* | wc -l)
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
expect_eq held-rebind-new-name "$(ls -d /sys/bus/nvmem/devices/imx-ocotp* | wc -l)" $((nimx + 1))
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
