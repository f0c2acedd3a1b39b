# SPDX-License-Identifier: GPL-2.0
# Each provider forced through driver_override onto the other controller's
# node, whose compatible it does not know (sourced by /init after lib.sh).
# The bind must fail with one log line naming the node, and leave nothing
# behind: the node's own driver binds it again (no register region left
# claimed) and it reads what it read before.

plat=/sys/bus/platform

consumers_off

# wrong_node NAME DEVICE NODE OWN-DRIVER WRONG-DRIVER MESSAGE
wrong_node() {
	what=$1 dev=$2 node=$3 own=$4 wrong=$5 msg=$6
	before=$(od -A x -t x4 "$plat/devices/$dev"/*/nvmem | md5sum)
	echo "otp-e2e: wrong-node.sh $what" > /dev/kmsg
	echo "$dev" > "$plat/drivers/$own/unbind"
	settle
	echo "$wrong" > "$plat/devices/$dev/driver_override"
	expect_fail "wrong-node-$what-refused" sh -c "echo $dev > $plat/drivers/$wrong/bind"
	expect_fail "wrong-node-$what-unbound" test -e "$plat/devices/$dev/driver"
	expect_eq "wrong-node-$what-logged-once" \
		"$(dmesg | sed -n "/otp-e2e: wrong-node.sh $what/,\$p" | grep -c "$node is no $msg this driver knows")" 1
	echo > "$plat/devices/$dev/driver_override"
	echo "$dev" > "$plat/drivers/$own/bind"
	expect_ok "wrong-node-$what-own-driver-binds" test -e "$plat/devices/$dev/driver"
	expect_eq "wrong-node-$what-reads-the-same" \
		"$(od -A x -t x4 "$plat/devices/$dev"/*/nvmem | md5sum)" "$before"
}

wrong_node stm32-on-imx 7f010000.ocotp-ctrl /ocotp-ctrl@7f010000 \
	otp-imx-ocotp otp-stm32-romem "STM32 OTP"
wrong_node imx-on-stm32 7f000000.efuse /efuse@7f000000 \
	otp-stm32-romem otp-imx-ocotp OCOTP
consumers_on
