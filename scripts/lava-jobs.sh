#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# make lava-jobs: LAVA jobs for the boards, and what they download.
#
# usage: scripts/lava-jobs.sh [KDIR...]
#   KDIR   kernel build trees (the arch is read from their .config); by
#          default the cached 6.12 arm64 and arm test kernels
#          (scripts/build-kernel.sh).  Boards of another arch are left out.
# Environment:
#   LAVA_OUT            output directory (default build/lava)
#   LAVA_ARTIFACTS_URL  where a lab serves LAVA_OUT (default file://LAVA_OUT,
#                       what lava-run on this machine reads)
#   LAVA_ROOTFS_ARM64, LAVA_ROOTFS_ARM   the boards' ramdisk rootfs
#                       (cpio.gz with busybox; default KernelCI's buildroot
#                       baseline ramdisks)
#   LAVA_QEMU_ONLY=1    only the QEMU flavour (make lava-check)
#   LAVA_STEPS          the test steps (default: load, every tests/e2e
#                       script, kunit, health)
# Writes LAVA_OUT/jobs/*.yaml (validated by LAVA's job schema, then by
# lava-run --validate: scripts/lava-validate.sh) and
# LAVA_OUT/<arch>-<release>/: the kernel image, our modules overlay
# (otp-modules.tar.gz: /lib/modules, /modules, /data, /bin helpers), the
# upstream DTBs of the boards (dtbs/BOARD.dtb, compiled from the kernel's
# own dts), and for arm64 the QEMU flavour (qemu/: ramdisk, DTB, register
# images; LAVA_OUT/device/qemu-local.yaml) and otp-tests.tar.gz, the test
# definition and the scripts it runs (tests/lava, tests/e2e).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${OTP_CACHE:-$HOME/.cache/otp-kernels}
out=${LAVA_OUT:-$top/build/lava}
mkdir -p "$out/jobs" "$out/device"
out=$(cd "$out" && pwd)
baseurl=${LAVA_ARTIFACTS_URL:-file://$out}
py=/usr/bin/python3
[ $# -gt 0 ] || set -- "$("$top/scripts/build-kernel.sh" 6.12 arm64 test | tail -n1)" \
	"$("$top/scripts/build-kernel.sh" 6.12 arm test | tail -n1)"
[ "${LAVA_QEMU_ONLY:-0}" = 1 ] && rm -f "$out"/jobs/*.yaml

for kdir in "$@"; do
	kdir=$(cd "$kdir" && pwd)
	if grep -q '^CONFIG_ARM64=y' "$kdir/.config"; then
		arch=arm64 cross=aarch64-linux-gnu- debarch=arm64 image=Image
	else
		arch=arm cross=arm-linux-gnueabihf- debarch=armhf image=zImage
	fi
	krel=$(cat "$kdir/include/config/kernel.release")
	ksrc=$kdir
	[ -e "$kdir/source" ] && ksrc=$(cd "$kdir/source" && pwd)
	tag=$arch-$krel
	dst=$out/$tag
	work=$out/work/$tag
	mkdir -p "$dst/dtbs" "$work"
	echo "lava-jobs: $tag from $kdir" >&2
	cp "$kdir/arch/$arch/boot/$image" "$dst/$image"
	# The test definition and the scripts it runs, from this tree.
	(cd "$top" && tar -czf "$dst/otp-tests.tar.gz" --owner=0 --group=0 \
		tests/lava tests/e2e)

	# 1. Our modules and what the scripts use, laid out as in make
	# check's initramfs (scripts/qemu-test.sh), as one overlay.
	"$top/scripts/build-modules.sh" "$kdir" "$arch" "$work/mod" >&2
	ov=$work/overlay
	rm -rf "$ov"
	mkdir -p "$ov/bin" "$ov/modules/drivers" "$ov/modules/kunit" \
		"$ov/modules/consumer" "$ov/data"
	cp "$top/scripts/otp" "$ov/bin/otp"
	cp "$top/scripts/otp-fields" "$ov/bin/otp-fields"
	for h in fail-nth otp-reader as-user; do
		${cross}gcc -O2 -static -Wall -Werror -o "$ov/bin/$h" "$top/tests/e2e/$h.c"
	done
	cp "$work"/mod/drivers/*/*.ko "$ov/modules/drivers/"
	cp "$work"/mod/kunit/*/*-test.ko "$ov/modules/kunit/"
	cp "$work/mod/tests/modules/otp-test-consumer.ko" "$ov/modules/consumer/"
	cp "$top"/tests/data/*.words "$top"/tests/data/ocotp-shadow-maps "$ov/data/"
	cp "$top/tests/firmware/otp-image.words" "$ov/data/fw-otp-image.words"
	make -s -C "$kdir" M="$work/mod" OTP_TESTS=1 ARCH="$arch" CROSS_COMPILE="$cross" \
		INSTALL_MOD_PATH="$ov" DEPMOD=true modules_install >&2
	depmod -b "$ov" "$krel"
	tar -czf "$dst/otp-modules.tar.gz" --owner=0 --group=0 -C "$ov" .

	# 2. The boards of this arch: the upstream DT from the kernel's own
	# sources (cpp and dtc, as the kernel's dtbs rule runs them), a job.
	if [ "${LAVA_QEMU_ONLY:-0}" != 1 ]; then
		$py "$top/scripts/lava-job.py" boards | while read -r board barch dt; do
			[ "$barch" = "$arch" ] || continue
			dts=$ksrc/arch/$arch/boot/dts/$dt.dts
			[ -f "$dts" ] || dts=$ksrc/arch/$arch/boot/dts/$(basename "$dt").dts
			cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp \
				-I "$ksrc/include" -I "$(dirname "$dts")" \
				-I "$ksrc/arch/$arch/boot/dts" \
				-I "$ksrc/scripts/dtc/include-prefixes" "$dts" |
				dtc -q -I dts -O dtb -o "$dst/dtbs/$board.dtb" -
			rootfs=$(eval echo "\${LAVA_ROOTFS_$(echo "$arch" | tr "[:lower:]" "[:upper:]"):-}")
			[ -n "$rootfs" ] || rootfs=https://storage.kernelci.org/images/rootfs/buildroot/buildroot-baseline/20230703.0/$arch/rootfs.cpio.gz
			$py "$top/scripts/lava-job.py" board "$board" --arch "$arch" \
				--krel "$krel" --base "$baseurl/$tag" --rootfs "$rootfs" \
				-o "$out/jobs/$board.yaml"
		done
	fi

	# 3. QEMU (arm64): make check's machine without firmware; a ramdisk
	# whose /init gives LAVA a shell.
	[ "$arch" = arm64 ] || continue
	q=$dst/qemu
	mkdir -p "$q"
	sh "$top/scripts/qemu-regimages.sh" "$q"
	qemu-system-aarch64 -M virt -cpu cortex-a57 -smp 2 -m 1024 -nographic \
		-no-reboot -nic none -M "virt,dumpdtb=$work/virt.dtb" >/dev/null
	dtc -q -I dtb -O dts -o "$work/virt.dts" "$work/virt.dtb"
	{
		cat "$work/virt.dts"
		for f in "$top"/tests/dt/*.dtsi "$top"/tests/dt/check/*.dtsi; do
			echo "/* $(basename "$f") */"
			cat "$f"
		done
	} > "$work/otp-qemu.dts"
	dtc -q -@ -I dts -O dtb -o "$q/otp-qemu.dtb" "$work/otp-qemu.dts"
	rd=$work/ramdisk
	rm -rf "$rd"
	mkdir -p "$rd/bin" "$rd/sbin" "$rd/proc" "$rd/sys" "$rd/dev" "$rd/tmp"
	bb=$cache/busybox/$debarch/bin/busybox
	[ -x "$bb" ] || { echo "lava-jobs: $bb missing (run scripts/setup.sh)" >&2; exit 1; }
	cp "$bb" "$rd/bin/busybox"
	ln -s busybox "$rd/bin/sh"
	cp "$top/tests/lava/ramdisk-init.sh" "$rd/init"
	mkdir -p "$rd/etc"
	cp "$top/tests/guest-setup.sh" "$rd/etc/otp-setup.sh"
	chmod +x "$rd/init"
	# Not compressed: the test kernel has no initramfs decompressor (make
	# check gives it a plain cpio too), and LAVA writes the ramdisk back,
	# overlays added, in the compression the job gives it.
	(cd "$rd" && find . | sort | cpio -o -H newc --quiet) > "$q/ramdisk.cpio"
	$py "$top/scripts/lava-job.py" qemu --krel "$krel" --base "$baseurl/$tag" \
		-o "$out/jobs/qemu-arm64.yaml" --device "$out/device/qemu-local.yaml"
done

$py "$top/scripts/lava-job.py" validate "$out"/jobs/*.yaml
# And through the dispatcher's job parser, with LAVA's device types.
sh "$top/scripts/lava-validate.sh" "$out"
echo "lava-jobs: jobs in $out/jobs, artefacts in $out (served as $baseurl)"
