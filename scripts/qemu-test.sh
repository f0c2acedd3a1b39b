#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build our modules for one test kernel, boot it in QEMU (virt) with the
# emulated OTP register blocks, and check the console log.
#
# usage: scripts/qemu-test.sh KVER [MODE] [ARCH]
#   MODE   check   KUnit and end to end, booted through the bench firmware
#                  (tests/firmware: secure monitor with the STM32 SiP service)
#          absent  end to end without any secure world (SiP service absent)
#          optee   end to end with the emulated OP-TEE bound to a
#                  linaro,optee-tz node (and the firmware underneath)
#          demo | optee-demo | bench | optee-bench
#                  what make demo / make bench show
#   ARCH   arm64 (Cortex-A57, EL3 firmware) | arm (Cortex-A7, LPAE,
#          Monitor-mode firmware); default arm64
# OTP_KERNEL_KIND=hunt boots the hunt kernel (scripts/build-kernel.sh: more
# detectors) instead of the test kernel; outputs then in build/KVER[-arm]-hunt.
# Exit status 0 when every KUnit case and end-to-end check passed and the
# console stayed clean.  The boot's results are one KTAP document,
# results-MODE.ktap beside the console log (scripts/check-log.py); the
# last line is kunit.py's summary of it ("Testing complete. Ran N tests:
# passed: N, ...").
# Outputs in build/KVER (arm64) or build/KVER-arm.
set -eu

kver=$1
mode=${2:-check}
arch=${3:-arm64}
top=$(cd "$(dirname "$0")/.." && pwd)
timeout=${OTP_QEMU_TIMEOUT:-900}
[ "${2:-}" = soak ] && timeout=${OTP_QEMU_TIMEOUT:-7200}
# OTP_REPEAT (below): each run of the scripts may take minutes on a loaded machine.
[ -n "${OTP_REPEAT:-}" ] && timeout=${OTP_QEMU_TIMEOUT:-$((900 + 300 * OTP_REPEAT))}
mem=1024
case $arch in
arm64)
	cross=aarch64-linux-gnu- qemu=qemu-system-aarch64 cpu=cortex-a57
	image=arch/arm64/boot/Image tag=$kver kaddr=0x40200000 debarch=arm64
	;;
arm)
	cross=arm-linux-gnueabihf- qemu=qemu-system-arm cpu=cortex-a7
	image=arch/arm/boot/zImage tag=$kver-arm kaddr=0x44000000 debarch=armhf
	;;
*) echo "qemu-test: unknown arch $arch" >&2; exit 2 ;;
esac
kind=${OTP_KERNEL_KIND:-test}
[ "$kind" = test ] || tag=$tag-$kind
# The hunt kernel waits out late releases in every test: slower.
[ "$kind" = hunt ] && timeout=${OTP_QEMU_TIMEOUT:-3600}
out=${OTP_OUT:-$top/build}/$tag
# Firmware boots: the DTB and the initrd above the first 128 MiB of RAM;
# the kernel addresses (kaddr) and dtbaddr are those of tests/firmware/fw.h.
dtbaddr=0x48000000
initrd=0x48200000
# The bench times the kernel users run (no debug detectors), on arm64.
case $mode in *bench) kind=${OTP_BENCH_KERNEL:-bench} ;; esac
firmware=yes
[ "$mode" = absent ] && firmware=no

kdir=$("$top/scripts/build-kernel.sh" "$kver" "$arch" "$kind")
kdir=$(echo "$kdir" | tail -n1)
# build-kernel.sh extracts the sources here (kunit.py comes from them).
ksrc=${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-$kver

mkdir -p "$out"

# 1. Our modules, built in a copy so kernels never share object files.
"$top/scripts/build-modules.sh" "$kdir" "$arch" "$out/mod" >&2

# 2. Register images from the word lists (scripts/qemu-regimages.sh).
img=$out/images
sh "$top/scripts/qemu-regimages.sh" "$img"

# 3. Device tree: QEMU's own plus our nodes.
# The bench counts instructions, not host time: with -icount the guest clock
# advances 1 ns per executed instruction, so its timings do not depend on
# what else the host is doing.  One vCPU, so that nothing else the guest
# runs is counted into a timed loop (OTP_BENCH_ICOUNT=0: host time, 2 CPUs).
# Other boots have two vCPUs unless OTP_SMP says otherwise.
smp=${OTP_SMP:-2}
clock=
if [ "${mode%bench}" != "$mode" ] && [ "${OTP_BENCH_ICOUNT:-1}" != 0 ]; then
	smp=1
	clock="-icount shift=0,sleep=off"
fi
machine=virt
fwargs=
if [ "$firmware" = yes ]; then
	fw=$("$top/scripts/build-firmware.sh" "$arch" "$out/firmware" | tail -n1)
	machine=virt,secure=on
	fwargs="-bios $fw"
fi
qemu_common="-M $machine -cpu $cpu -smp $smp -m $mem -nographic -no-reboot -nic none $fwargs"
# shellcheck disable=SC2086
$qemu $qemu_common -M "$machine,dumpdtb=$out/virt.dtb" >/dev/null
dtc -q -I dtb -O dts -o "$out/virt.dts" "$out/virt.dtb"
# The OP-TEE boots add an OP-TEE node (and what the emulated OP-TEE serves);
# the check and absent boots add the i.MX6 nodes of the fuse-map tests.
dtsi="$top/tests/dt/*.dtsi"
case $mode in
optee*) dtsi="$dtsi $top/tests/dt/optee/*.dtsi" ;;
check | absent | soak) dtsi="$dtsi $top/tests/dt/check/*.dtsi" ;;
esac
# The SCU fuses of the 64-bit i.MX8 parts, on the arm64 check boots: one
# system controller per machine (the kernel's imx-scu is a singleton), so
# each kernel gets one part: the i.MX8QM (read-only, as Linux's
# imx8qm.dtsi has it) on 6.1, the i.MX8QXP (programmed through the
# monitor) on 6.12; OTP_SCU_PART picks another.
case $kver in
6.1) scu_part=${OTP_SCU_PART:-imx8qm} ;;
*) scu_part=${OTP_SCU_PART:-imx8qxp} ;;
esac
case $mode-$arch in
check-arm64) dtsi="$dtsi $top/tests/dt/scu/$scu_part.dtsi" ;;
# make bench times the in-tree i.MX93 and SCU providers against ours there.
bench-arm64) dtsi="$dtsi $top/tests/dt/check/imx93-ocotp.dtsi $top/tests/dt/scu/$scu_part.dtsi" ;;
esac

# 4. Initramfs: busybox, our modules, tests and data.
root=$out/initramfs
rm -rf "$root"
mkdir -p "$root/bin" "$root/sbin" "$root/modules/drivers" "$root/modules/kunit" \
	"$root/tests/e2e" "$root/data" "$root/proc" "$root/sys" "$root/dev" "$root/tmp"
bb=${OTP_CACHE:-$HOME/.cache/otp-kernels}/busybox/$debarch/bin/busybox
[ -x "$bb" ] || {
	echo "qemu-test: $bb missing (run scripts/setup.sh)" >&2
	exit 1
}
cp "$bb" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
cp "$top/tests/guest-init.sh" "$root/init"
mkdir -p "$root/etc"
cp "$top/tests/guest-setup.sh" "$root/etc/otp-setup.sh"
cp "$top/scripts/otp" "$root/bin/otp"
cp "$top/scripts/otp-fields" "$root/bin/otp-fields"
for h in fail-nth otp-reader as-user; do
	${cross}gcc -O2 -static -Wall -Werror -o "$root/bin/$h" "$top/tests/e2e/$h.c"
done
chmod +x "$root/init"
cp "$out"/mod/drivers/*/*.ko "$root/modules/drivers/"
mkdir -p "$root/modules/consumer" "$root/modules/optee"
cp "$out"/mod/kunit/*/*-test.ko "$root/modules/kunit/"
cp "$out/mod/tests/modules/otp-test-consumer.ko" "$root/modules/consumer/"
# Firmware stand-ins the guest loads first (the SCU firmware's mailbox).
mkdir -p "$root/modules/firmware"
[ -e "$out/mod/tests/modules/otp-scu-fw.ko" ] &&
	cp "$out/mod/tests/modules/otp-scu-fw.ko" "$root/modules/firmware/"
[ -e "$out/mod/tests/modules/otp-optee-emu.ko" ] &&
	cp "$out/mod/tests/modules/otp-optee-emu.ko" "$root/modules/optee/"
cp "$top"/tests/e2e/*.sh "$root/tests/e2e/"
mkdir -p "$root/tests/e2e-optee"
cp "$top"/tests/e2e-optee/*.sh "$root/tests/e2e-optee/"
cp "$top/tests/guest-demo.sh" "$top/tests/guest-demo-optee.sh" "$root/tests/"
cp "$top"/tests/data/*.words "$top"/tests/data/ocotp-shadow-maps "$root/data/"
cp "$top/tests/firmware/otp-image.words" "$root/data/fw-otp-image.words"
for extra in "$top"/tests/guest-extra/*; do
	[ -e "$extra" ] && cp -r "$extra" "$root/"
done
# make bench: the guest script, the pread timer, the cell-read module and
# the kernel's own (in-tree) drivers to compare with.
if [ "${mode%bench}" != "$mode" ]; then
	mkdir -p "$root/bench/intree"
	cp "$top"/tests/bench/*.sh "$root/bench/"
	${cross}gcc -O2 -static -Wall -o "$root/bench/otp-pread" \
		"$top/tests/bench/otp-pread.c"
	cp "$out/mod/tests/modules/otp-bench.ko" "$root/bench/"
	cp "$kdir/drivers/nvmem/nvmem-imx-ocotp.ko" \
		"$kdir/drivers/nvmem/nvmem_stm32_romem.ko" "$root/bench/intree/"
	# The in-tree i.MX93/95 and SCU providers, where the kernel has them.
	for m in nvmem-imx-ocotp-ele nvmem-imx-ocotp-scu; do
		[ ! -e "$kdir/drivers/nvmem/$m.ko" ] ||
			cp "$kdir/drivers/nvmem/$m.ko" "$root/bench/intree/"
	done
fi
# The same modules installed the way a board gets them (modules_install +
# depmod), for modprobe and udev-style autoloading by modalias.
krel=$(cat "$kdir/include/config/kernel.release")
make -s -C "$kdir" M="$out/mod" OTP_TESTS=1 ARCH="$arch" CROSS_COMPILE="$cross" \
	INSTALL_MOD_PATH="$root" DEPMOD=true modules_install >&2
depmod -b "$root" "$krel"
(cd "$root" && find . | sort | cpio -o -H newc --quiet) > "$out/initramfs.cpio"

# 5. Device tree: QEMU's own, our nodes, and for a firmware boot what a
# boot loader would add (the firmware passes the DTB on untouched).
cmdline="console=ttyAMA0 otp.mode=$mode panic=-1 kmemleak=on kunit.enable=1"
# Kernels with kunit.autorun (6.10+) default it from a symbol allnoconfig
# turns off: the suites would load and run nothing.
grep -q '^# CONFIG_KUNIT_AUTORUN_ENABLED is not set' "$kdir/.config" &&
	cmdline="$cmdline kunit.autorun=1"
# otp.fwgen: the firmware generation the bench firmware plays
# (OTP_FW_GENERATION, scripts/build-firmware.sh), for the guest's checks.
[ "$firmware" = yes ] && cmdline="$cmdline otp.monitor=1 otp.fwgen=${OTP_FW_GENERATION:-tfa}"
# OTP_ONLY=faults.sh (or a KUnit module's file name): that one alone.
[ -n "${OTP_ONLY:-}" ] && cmdline="$cmdline otp.only=$OTP_ONLY"
# OTP_REPEAT=N: the end-to-end scripts N times in a row in one boot (with
# OTP_ONLY=teardown.sh: the teardown part N times over).
[ -n "${OTP_REPEAT:-}" ] && cmdline="$cmdline otp.repeat=$OTP_REPEAT"
# OTP_APPEND: more kernel parameters (printk.time=1 to see where time goes).
[ -n "${OTP_APPEND:-}" ] && cmdline="$cmdline $OTP_APPEND"
# make soak: OTP_SOAK_CYCLES teardown cycles per provider (default 1000).
[ "$mode" = soak ] && cmdline="$cmdline otp.cycles=${OTP_SOAK_CYCLES:-1000}"
# The hunt kernel releases kobjects 1 to 4 s late (DEBUG_KOBJECT_RELEASE):
# the guest waits that long where a released name must come back.
[ "$kind" = hunt ] && cmdline="$cmdline otp.settle=5"
{
	cat "$out/virt.dts"
	for f in $dtsi; do
		echo "/* $(basename "$f") */"
		cat "$f"
	done
	if [ "$firmware" = yes ]; then
		isize=$(stat -c %s "$out/initramfs.cpio")
		echo "/* the firmware's PSCI, and what a boot loader puts in /chosen */"
		echo "/ { psci { compatible = \"arm,psci-1.0\", \"arm,psci-0.2\"; method = \"smc\"; };"
		printf '  chosen { bootargs = "%s"; linux,initrd-start = <0x0 0x%x>; linux,initrd-end = <0x0 0x%x>; };\n' \
			"$cmdline" $((initrd)) $((initrd + isize))
		echo "};"
		n=0
		while [ $n -lt "$smp" ]; do
			echo "&{/cpus/cpu@$n} { enable-method = \"psci\"; };"
			n=$((n + 1))
		done
	fi
} > "$out/otp.dts"
dtc -q -@ -I dts -O dtb -o "$out/otp.dtb" "$out/otp.dts"

# 6. Boot: through the firmware (it enters the kernel at the addresses of
# tests/firmware/fw.h), or QEMU's direct kernel boot.
if [ "$firmware" = yes ]; then
	set -- -device "loader,file=$kdir/$image,addr=$kaddr,force-raw=on" \
		-device "loader,file=$out/otp.dtb,addr=$dtbaddr,force-raw=on" \
		-device "loader,file=$out/initramfs.cpio,addr=$initrd,force-raw=on"
else
	set -- -kernel "$kdir/$image" -initrd "$out/initramfs.cpio" \
		-dtb "$out/otp.dtb" -append "$cmdline"
fi
log=$out/console-$mode.log
echo "qemu-test: booting linux-$kver $arch ($mode), log in $log" >&2
set +e
# shellcheck disable=SC2086
timeout "$timeout" $qemu $qemu_common $clock "$@" \
	-device loader,file="$img/bsec.bin",addr=0x7f000000,force-raw=on \
	-device loader,file="$img/ocotp.bin",addr=0x7f010000,force-raw=on \
	-device loader,file="$img/ocotp-rw.bin",addr=0x7f020000,force-raw=on \
	-device loader,file="$img/ocotp-imx6q.bin",addr=0x7f030000,force-raw=on \
	-device loader,file="$img/ocotp-imx6ull.bin",addr=0x7f034000,force-raw=on \
	-device loader,file="$img/ocotp-imx7d.bin",addr=0x7f040000,force-raw=on \
	-device loader,file="$img/ocotp-imx93.bin",addr=0x7f050000,force-raw=on \
	-device loader,file="$img/scu-$scu_part.bin",addr=0x7f060000,force-raw=on \
	-device loader,file="$img/ocotp-imx95.bin",addr=0x7f070000,force-raw=on \
	</dev/null >"$log" 2>&1
qrc=$?
set -e
[ "$qrc" -eq 124 ] && echo "OTP-HOST: qemu timed out after ${timeout}s" >>"$log"

case $mode in
demo | optee-demo | *bench) exit 0 ;;
esac

# KUnit runs in the check boot only (with OTP_ONLY, that module alone).
kunit_modules=
[ "$mode" = check ] && kunit_modules=$(ls "$root/modules/kunit" | tr '\n' ' ')
[ -n "${OTP_ONLY:-}" ] && kunit_modules=$(echo " $kunit_modules " | grep -o " $OTP_ONLY " || true)
# One parser for every boot: the 6.12 tree's kunit.py (6.1's parser is
# older), the kernel's own where only it is there.
parser=${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-6.12
[ -f "$parser/tools/testing/kunit/kunit.py" ] || parser=$ksrc
python3 "$top/scripts/check-log.py" --kver "$kver" --ksrc "$parser" \
	--kunit-modules "$kunit_modules" --ktap "$out/results-$mode.ktap" "$log"
