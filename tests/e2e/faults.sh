# SPDX-License-Identifier: GPL-2.0
# Allocation failures, walked (sourced by /init after lib.sh).  For probe
# (a bind), a whole-device read and a one-word write, /bin/fail-nth
# (tests/e2e/fail-nth.c) fails the 1st, 2nd, ... fault point of the system
# call through /proc/thread-self/fail-nth until a run no longer reaches
# it, and checks every run: failed with an errno and left nothing behind
# (no device bound, no NVMEM file, no fuse word sent to the controller),
# or worked completely.  KASAN, lockdep and kmemleak watch the console
# (scripts/check-log.py); no module reference may be left, and the modules
# must unload and load again afterwards.  Figures: "# faults:" lines.

plat=/sys/bus/platform
dbg=/sys/kernel/debug

if [ ! -e /proc/thread-self/fail-nth ] || [ ! -d $dbg/failslab ]; then
	e2e_fail faults-kernel "no fail-nth or failslab: the test kernel lacks scripts/config/debug.config's fault injection"
	return 0 2>/dev/null || exit 0
fi
# By default both attributes skip allocations that may sleep, and
# fail_page_alloc skips order 0: what a driver mostly does.
for a in failslab fail_page_alloc; do
	echo N > $dbg/$a/ignore-gfp-wait
	echo 0 > $dbg/$a/verbose
done
echo 0 > $dbg/fail_page_alloc/min-order

# The DT consumers are parked (lib.sh): they would bind again with every
# bind of the walk and hold the module.
consumers_off

hexof() {	# hexof FILE: the whole file as one hex string
	od -v -A n -t x1 "$1" | tr -d ' \n'
}

# walk WHAT NAME FAIL-NTH-ARGS...: run one walk, one check, one figure line
walk() {
	what=$1 label=$2
	shift 2
	fail-nth "$@" > /tmp/faults.out 2>&1
	sed -n 's/^fault /# faults: fault /p' /tmp/faults.out
	res=$(tail -n1 /tmp/faults.out)
	expect_eq "faults-$what" "$(echo "$res" | sed -n 's/.*anomalies=\([0-9]*\).*/\1/p')" 0
	echo "# faults: $label: $res"
}

# probe WHAT DRIVER DEVICE NVMEM CHECKLEN: the walk, then no module
# reference may be left.
probe() {
	refs=/sys/module/$(echo "$2" | tr - _)/refcnt
	ref0=$(cat "$refs")
	walk "$1-probe" "$1 probe" bind "$2" "$3" "$4" "$5"
	expect_eq "faults-$1-probe-module-refs" "$(cat "$refs")" "$ref0"
}

imx=/sys/bus/nvmem/devices/imx-ocotp0/nvmem
stm32=/sys/bus/nvmem/devices/stm32-romem0/nvmem
imx_before=$(hexof $imx)
stm32_before=$(hexof $stm32)
# STM32: a bound instance is checked on its 128 lower bytes; the upper ones
# would log every refused word again for each new instance.
probe imx otp-imx-ocotp 7f010000.ocotp-ctrl $imx 1024
probe stm32 otp-stm32-romem 7f000000.efuse $stm32 128
rebind_named otp-imx-ocotp 7f010000.ocotp-ctrl "${imx%/nvmem}"
rebind_named otp-stm32-romem 7f000000.efuse "${stm32%/nvmem}"
walk imx-read "imx read of 1024 bytes" read $imx 1024
walk stm32-read "stm32 read of 384 bytes" read $stm32 384

rw=$(imx_rw_device)
if [ -n "$rw" ]; then
	data_before=$(devmem $imx_rw_data 32)
	walk imx-write "imx write of word 24" write "$rw/nvmem" 0x60 0x12345678 $imx_rw_data
	# The run without a fault programs: the check above can see it.
	expect_eq faults-imx-write-programs-last "${res##*data=}" 0x12345678
	devmem $imx_rw_data 32 "$data_before"
else
	e2e_fail faults-imx-write "no imx-ocotp device for $imx_rw_node"
fi

# The modules unload and load again after all that.
for m in otp_imx_ocotp otp_stm32_romem; do
	expect_ok "faults-unheld-$m" module_unheld $m
	expect_ok "faults-rmmod-$m" rmmod $m
	expect_ok "faults-insmod-$m" insmod "/modules/drivers/$(echo $m | tr _ -).ko"
done
expect_eq faults-imx-after "$(hexof $imx)" "$imx_before"
expect_eq faults-stm32-after "$(hexof $stm32)" "$stm32_before"

for a in failslab fail_page_alloc; do
	echo Y > $dbg/$a/ignore-gfp-wait
done
echo 1 > $dbg/fail_page_alloc/min-order
consumers_on
expect_ok faults-consumers-back test -e "$plat/devices/otp-consumer-imx/driver"
