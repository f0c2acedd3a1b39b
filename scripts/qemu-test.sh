#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build our modules for one test kernel, boot it in QEMU (arm64 virt) with
# the emulated OTP register blocks, and check the console log.
#
# usage: scripts/qemu-test.sh KVER [check|optee|demo|optee-demo|bench]
#   check  KUnit and end to end, no secure world (SiP service absent)
#   optee  end to end with the emulated OP-TEE bound to a linaro,optee-tz node
# Exit status 0 when every KUnit case and end-to-end check passed and the
# console stayed clean.  The last line is "RESULT KVER passed=N failed=N".
set -eu

kver=$1
mode=${2:-check}
top=$(cd "$(dirname "$0")/.." && pwd)
out=${OTP_OUT:-$top/build}/$kver
cross=aarch64-linux-gnu-
timeout=${OTP_QEMU_TIMEOUT:-600}
mem=1024

kdir=$("$top/scripts/build-kernel.sh" "$kver" arm64 test | tail -n1)
# build-kernel.sh extracts the sources here (kunit.py comes from them).
ksrc=${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-$kver

mkdir -p "$out"

# 1. Our modules, built in a copy so kernels never share object files.
"$top/scripts/build-modules.sh" "$kdir" arm64 "$out/mod" >&2

# 2. Register images from the word lists.
img=$out/images
mkdir -p "$img"
python3 "$top/scripts/mkregimage.py" --size 0x400 --base 0x200 --stride 4 \
	--words "$top/tests/data/stm32mp15-seed.words" \
	--fill 32-95=0xdeadbeef -o "$img/bsec.bin"
python3 "$top/scripts/mkregimage.py" --size 0x10000 --base 0x400 --stride 0x10 \
	--words "$top/tests/data/imx8mm-seed.words" -o "$img/ocotp.bin"
# The writable node: the seed plus a valid MAC (00:04:9f:01:02:03 reversed)
# in words 36/37 for the ethernet-style consumer.
python3 "$top/scripts/mkregimage.py" --size 0x10000 --base 0x400 --stride 0x10 \
	--words "$top/tests/data/imx8mm-seed.words" \
	--fill 36-36=0x9f010203 --fill 37-37=0x118e0004 -o "$img/ocotp-rw.bin"
# i.MX6Q and i.MX6ULL: fuse images placed through the reference shadow maps.
for soc in imx6q imx6ull; do
	python3 "$top/scripts/mkregimage.py" --size 0x4000 \
		--map "$top/tests/data/ocotp-shadow-maps:$soc" \
		--words "$top/tests/data/$soc-fuses.words" -o "$img/ocotp-$soc.bin"
done

# 3. Device tree: QEMU's own plus our nodes.
# The bench counts instructions, not host time: with -icount the guest clock
# advances 1 ns per executed instruction, so its timings do not depend on
# what else the host is doing.  One vCPU, so that nothing else the guest
# runs is counted into a timed loop (OTP_BENCH_ICOUNT=0: host time, 2 CPUs).
smp=2
clock=
if [ "$mode" = bench ] && [ "${OTP_BENCH_ICOUNT:-1}" != 0 ]; then
	smp=1
	clock="-icount shift=0,sleep=off"
fi
qemu_common="-M virt -cpu cortex-a57 -smp $smp -m $mem -nographic -no-reboot -nic none"
# shellcheck disable=SC2086
qemu-system-aarch64 $qemu_common -M virt,dumpdtb="$out/virt.dtb" >/dev/null
dtc -q -I dtb -O dts -o "$out/virt.dts" "$out/virt.dtb"
# The OP-TEE boot adds an OP-TEE node (and what the emulated OP-TEE serves);
# the check boot adds the i.MX6 nodes of the fuse-map tests.
dtsi="$top/tests/dt/*.dtsi"
case $mode in
optee*) dtsi="$dtsi $top/tests/dt/optee/*.dtsi" ;;
check) dtsi="$dtsi $top/tests/dt/check/*.dtsi" ;;
esac
{
	cat "$out/virt.dts"
	for f in $dtsi; do
		echo "/* $(basename "$f") */"
		cat "$f"
	done
} > "$out/otp.dts"
dtc -q -@ -I dts -O dtb -o "$out/otp.dtb" "$out/otp.dts"

# 4. Initramfs: busybox, our modules, tests and data.
root=$out/initramfs
rm -rf "$root"
mkdir -p "$root/bin" "$root/sbin" "$root/modules/drivers" "$root/modules/kunit" \
	"$root/tests/e2e" "$root/data" "$root/proc" "$root/sys" "$root/dev" "$root/tmp"
bb=${OTP_CACHE:-$HOME/.cache/otp-kernels}/busybox/arm64/bin/busybox
[ -x "$bb" ] || {
	echo "qemu-test: $bb missing (run scripts/setup.sh)" >&2
	exit 1
}
cp "$bb" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
cp "$top/tests/guest-init.sh" "$root/init"
cp "$top/scripts/otp" "$root/bin/otp"
chmod +x "$root/init"
cp "$out"/mod/drivers/*.ko "$root/modules/drivers/"
mkdir -p "$root/modules/consumer"
for ko in "$out"/mod/kunit/*.ko; do
	[ -e "$ko" ] || continue
	case $ko in
	*/otp-bench.ko) ;;	# bench mode only, see below
	*-test.ko) cp "$ko" "$root/modules/kunit/" ;;
	*) cp "$ko" "$root/modules/consumer/" ;;
	esac
done
cp "$top"/tests/e2e/*.sh "$root/tests/e2e/"
mkdir -p "$root/tests/e2e-optee" "$root/modules/optee"
cp "$top"/tests/e2e-optee/*.sh "$root/tests/e2e-optee/"
for ko in "$out"/mod/tests/modules/*.ko; do
	[ -e "$ko" ] && cp "$ko" "$root/modules/optee/"
done
cp "$top/tests/demo.sh" "$top/tests/demo-optee.sh" "$root/tests/"
cp "$top"/tests/data/* "$root/data/"
for extra in "$top"/tests/guest-extra/*; do
	[ -e "$extra" ] && cp -r "$extra" "$root/"
done
# make bench: the guest script, the pread timer, the cell-read module and
# the kernel's own (in-tree) drivers to compare with.
if [ "$mode" = bench ]; then
	mkdir -p "$root/bench/intree"
	cp "$top"/tests/bench/*.sh "$root/bench/"
	${cross}gcc -O2 -static -Wall -o "$root/bench/otp-pread" \
		"$top/tests/bench/otp-pread.c"
	cp "$out/mod/kunit/otp-bench.ko" "$root/bench/"
	cp "$kdir/drivers/nvmem/nvmem-imx-ocotp.ko" \
		"$kdir/drivers/nvmem/nvmem_stm32_romem.ko" "$root/bench/intree/"
fi
# The same modules installed the way a board gets them (modules_install +
# depmod), for modprobe and udev-style autoloading by modalias.
krel=$(cat "$kdir/include/config/kernel.release")
make -s -C "$kdir" M="$out/mod" ARCH=arm64 CROSS_COMPILE="$cross" \
	INSTALL_MOD_PATH="$root" DEPMOD=true modules_install >&2
depmod -b "$root" "$krel"
(cd "$root" && find . | sort | cpio -o -H newc --quiet) > "$out/initramfs.cpio"

# 5. Boot.
log=$out/console-$mode.log
echo "qemu-test: booting linux-$kver ($mode), log in $log" >&2
set +e
# shellcheck disable=SC2086
timeout "$timeout" qemu-system-aarch64 $qemu_common $clock \
	-kernel "$kdir/arch/arm64/boot/Image" \
	-initrd "$out/initramfs.cpio" \
	-dtb "$out/otp.dtb" \
	-append "console=ttyAMA0 otp.mode=$mode panic=-1 kmemleak=on kunit.enable=1" \
	-device loader,file="$img/bsec.bin",addr=0x7f000000,force-raw=on \
	-device loader,file="$img/ocotp.bin",addr=0x7f010000,force-raw=on \
	-device loader,file="$img/ocotp-rw.bin",addr=0x7f020000,force-raw=on \
	-device loader,file="$img/ocotp-imx6q.bin",addr=0x7f030000,force-raw=on \
	-device loader,file="$img/ocotp-imx6ull.bin",addr=0x7f034000,force-raw=on \
	</dev/null >"$log" 2>&1
qrc=$?
set -e
[ "$qrc" -eq 124 ] && echo "OTP-HOST: qemu timed out after ${timeout}s" >>"$log"

case $mode in
demo | optee-demo | bench) exit 0 ;;
esac

# KUnit runs in the check boot only.
kunit_modules=
[ "$mode" = check ] && kunit_modules=$(ls "$root/modules/kunit" | tr '\n' ' ')
python3 "$top/scripts/check-log.py" --kver "$kver" --ksrc "$ksrc" \
	--kunit-modules "$kunit_modules" "$log"
