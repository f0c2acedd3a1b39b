#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of "make bench" (/bench/run.sh, started by /init in bench mode).
#
# For each provider (i.MX OCOTP, STM32 BSEC) and each implementation (the
# in-tree driver, then ours; both bind the same compatibles, so one is
# loaded at a time), times with /bench/otp-pread
#   whole   the whole device (STM32: the 128 shadowed bytes only, see below)
#   word    one aligned word
#   unalign a 2-byte range at 0x53, which straddles two words
# and with /bench/otp-bench.ko one in-kernel nvmem_cell_read() (and the
# same bytes through nvmem_device_read()).
# Every result is one "OTP-BENCH:" console line; scripts/bench.sh builds
# the table from them.  Rounds alternate which implementation goes first
# (in-tree, ours / ours, in-tree / ...), so that drift over the boot (the
# debug allocators' bookkeeping grows) favours neither; the host takes the
# median of every run of every round.
#
# STM32: the bench boots through the bench firmware, whose SiP service
# opens upper words 57-59 and refuses the others.  Both drivers are timed
# on the lower words ("whole" = the 128 shadowed bytes), one upper word
# (0xe4) and the mac@e4 cell; the whole 384 bytes too, which the in-tree
# driver fails as a whole at the first refused word (reported as such).
# i.MX: the in-tree driver binds only the node with a clock
# (ocotp-ctrl@7f020000); both are timed on that node.
#
# With OTP_BENCH_PTA=1 (the OP-TEE bench boot) only our STM32 driver is
# timed, through the emulated OP-TEE's BSEC pseudo-TA: the same shapes.
#
# arm64 also times the other i.MX read paths against the in-tree drivers
# where the bench kernel has them: the i.MX93 fuse shadow block (fsb,
# in-tree nvmem-imx-ocotp-ele, 2048 bytes) and the i.MX8QXP through the
# SCU firmware (scu, in-tree nvmem-imx-ocotp-scu, 3200 bytes: one firmware
# call per word, so the whole device gets fewer loops).  The in-tree SCU
# driver reads from fuse word p for a read at byte offset p, whole words
# only: both read the same whole device from offset 0, but its "word" row
# reads word 0x94 where ours reads word 0x25 (one firmware call each), and
# there is no unaligned row and no cell row.

B=/bench
rounds=${OTP_BENCH_ROUNDS:-4}
big_iters=1000
small_iters=1000
scu_whole_iters=10
runs=5

nvmem_of() {	# nvmem_of NODE-NAME -> sysfs nvmem file of the device on NODE
	for d in /sys/bus/nvmem/devices/*; do
		l=$(readlink "$d/of_node" 2>/dev/null) || continue
		case $l in
		*/"$1") echo "$d/nvmem"; return 0 ;;
		esac
	done
	return 1
}

pread_row() {	# pread_row PROVIDER IMPL SHAPE FILE OFF LEN ITERS
	if res=$("$B/otp-pread" "$4" "$5" "$6" "$7" "$runs" 2>&1); then
		echo "OTP-BENCH: pread $1 $2 $3 off=$5 len=$6 $res"
		return 0
	fi
	echo "OTP-BENCH: error pread $1 $2 $3 off=$5 len=$6: $res"
	return 1
}

# only_bench_device NVMEM-FILE PROVIDER IMPL: unbind the driver's other
# devices.  A cell lookup walks the NVMEM devices on the bus, and ours
# binds nodes the in-tree driver cannot (the i.MX node without a clock):
# both implementations are timed with the same devices on the bus.
only_bench_device() {
	pdev=$(readlink -f "$(dirname "$1")/..")
	drv=$(readlink -f "$pdev/driver")
	for d in "$drv"/*; do
		case $(readlink -f "$d") in
		"$pdev") continue ;;
		/sys/devices/*) ;;
		*) continue ;;
		esac
		echo "${d##*/}" > "$drv/unbind"
		echo "OTP-BENCH: $2 $3: unbound ${d##*/}, not timed"
	done
}

# bench PROVIDER IMPL KO MODNAME NODE WHOLE WORD_OFF CELLNODE CELL
bench() {
	prov=$1 impl=$2 ko=$3 mod=$4 node=$5 whole=$6 woff=$7 cnode=$8 cell=$9

	if ! insmod "$ko"; then
		echo "OTP-BENCH: error $prov $impl: insmod $(basename "$ko") failed"
		return
	fi
	f=$(nvmem_of "$node") || {
		echo "OTP-BENCH: error $prov $impl: no nvmem device on $node"
		rmmod "$mod"
		return
	}
	echo "OTP-BENCH: device $prov $impl $f"
	only_bench_device "$f" "$prov" "$impl"
	echo "OTP-BENCH: dump $prov $impl md5=$(dd if="$f" bs="$whole" count=1 2>/dev/null | md5sum | cut -d' ' -f1)"

	iters=$big_iters
	[ "$prov" = scu ] && iters=$scu_whole_iters
	pread_row "$prov" "$impl" whole "$f" 0 "$whole" "$iters"
	pread_row "$prov" "$impl" word "$f" "$woff" 4 "$small_iters"
	# The in-tree i.MX driver has word_size 4: sysfs refuses shorter
	# reads, so it gets the shortest read it accepts at the same offset
	# (4 bytes at 0x53, the same two words).
	[ "$prov" = scu ] ||
		pread_row "$prov" "$impl" unalign "$f" 0x53 2 "$small_iters" ||
		pread_row "$prov" "$impl" unalign "$f" 0x53 4 "$small_iters"
	if [ "$prov" = stm32 ]; then
		pread_row "$prov" "$impl" upper "$f" 0xe4 4 "$small_iters"
		pread_row "$prov" "$impl" all "$f" 0 384 "$small_iters"
	fi

	for c in $cell; do
		insmod "$B/otp-bench.ko" node="$cnode" cell="$c" tag="$prov-$impl" \
			iters="$small_iters" runs="$runs" &&
			rmmod otp_bench
	done
	rmmod "$mod" || echo "OTP-BENCH: error $prov $impl: rmmod $mod failed"
}

echo "OTP-BENCH: start $(uname -r) $(uname -m) rounds=$rounds runs=$runs pta=${OTP_BENCH_PTA:-0}"
if [ "${OTP_BENCH_PTA:-0}" = 1 ]; then
	r=1
	while [ "$r" -le "$rounds" ]; do
		echo "OTP-BENCH: round $r"
		bench stm32 pta /modules/drivers/otp-stm32-romem.ko otp_stm32_romem \
			efuse@7f000000 128 0x30 /otp-bench-stm32 "ts_cal1 mac-address"
		r=$((r + 1))
	done
	echo "OTP-BENCH: end"
	return 0 2>/dev/null || exit 0
fi
# The SCU firmware stand-in first, as a board has its firmware: the
# kernel's imx-scu then probes on its mailbox and adds the ocotp device.
scu_up=
if [ -e "$B/intree/nvmem-imx-ocotp-scu.ko" ] && [ -e /modules/firmware/otp-scu-fw.ko ] &&
	insmod /modules/firmware/otp-scu-fw.ko; then
	n=0
	while [ $n -lt 50 ] && ! ls -d /sys/bus/platform/devices/*:ocotp >/dev/null 2>&1; do
		sleep 0.2
		n=$((n + 1))
	done
	if ls -d /sys/bus/platform/devices/*:ocotp >/dev/null 2>&1; then
		scu_up=1
	else
		echo "OTP-BENCH: error scu: imx-scu added no ocotp device"
	fi
fi
r=1
while [ "$r" -le "$rounds" ]; do
	echo "OTP-BENCH: round $r"
	if [ $((r % 2)) = 1 ]; then order="intree ours"; else order="ours intree"; fi
	for who in $order; do
		if [ "$who" = intree ]; then
			bench imx intree "$B/intree/nvmem-imx-ocotp.ko" nvmem_imx_ocotp \
				ocotp-ctrl@7f020000 1024 0x94 /otp-bench-imx mac-address
		else
			bench imx ours /modules/drivers/otp-imx-ocotp.ko otp_imx_ocotp \
				ocotp-ctrl@7f020000 1024 0x94 /otp-bench-imx mac-address
		fi
	done
	if [ -e "$B/intree/nvmem-imx-ocotp-ele.ko" ]; then
		for who in $order; do
			if [ "$who" = intree ]; then
				bench fsb intree "$B/intree/nvmem-imx-ocotp-ele.ko" \
					nvmem_imx_ocotp_ele efuse@7f050000 2048 0x10 "" ""
			else
				bench fsb ours /modules/drivers/otp-imx-ocotp.ko otp_imx_ocotp \
					efuse@7f050000 2048 0x10 "" ""
			fi
		done
	fi
	if [ -n "$scu_up" ]; then
		for who in $order; do
			if [ "$who" = intree ]; then
				bench scu intree "$B/intree/nvmem-imx-ocotp-scu.ko" \
					nvmem_imx_ocotp_scu ocotp 3200 0x94 "" ""
			else
				bench scu ours /modules/drivers/otp-imx-ocotp.ko otp_imx_ocotp \
					ocotp 3200 0x94 "" ""
			fi
		done
	fi
	for who in $order; do
		if [ "$who" = intree ]; then
			bench stm32 intree "$B/intree/nvmem_stm32_romem.ko" nvmem_stm32_romem \
				efuse@7f000000 128 0x30 /otp-bench-stm32 "ts_cal1 mac-address"
		else
			bench stm32 ours /modules/drivers/otp-stm32-romem.ko otp_stm32_romem \
				efuse@7f000000 128 0x30 /otp-bench-stm32 "ts_cal1 mac-address"
		fi
	done
	r=$((r + 1))
done
echo "OTP-BENCH: end"
