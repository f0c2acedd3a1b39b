#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build the bench's secure firmware (tests/firmware/) for one architecture.
#
# usage: scripts/build-firmware.sh ARCH OUTDIR
#   ARCH  arm64 (AArch64 EL3) | arm (AArch32 Monitor mode, Cortex-A7)
# Writes OUTDIR/fw-ARCH.bin (for QEMU -bios) and OUTDIR/fw-ARCH.elf, and
# prints the .bin path.  Extra compiler flags: FW_CFLAGS.  The firmware
# generation it plays: OTP_FW_GENERATION=tfa (default), optee-3.9 or
# optee-3.3 (tests/firmware/fw.h).
set -eu

arch=$1
out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
fw=$top/tests/firmware
mkdir -p "$out"

case $arch in
arm64)
	cc=aarch64-linux-gnu-gcc objcopy=aarch64-linux-gnu-objcopy
	entry=entry-aarch64.S
	flags="-mgeneral-regs-only -mstrict-align"
	;;
arm)
	cc=arm-linux-gnueabihf-gcc objcopy=arm-linux-gnueabihf-objcopy
	entry=entry-aarch32.S
	flags="-marm -march=armv7-a -mfloat-abi=soft -mno-unaligned-access"
	;;
*) echo "build-firmware: unknown arch $arch" >&2; exit 2 ;;
esac
case ${OTP_FW_GENERATION:-tfa} in
tfa) gen=FW_GEN_TFA ;;
optee-3.9) gen=FW_GEN_OPTEE_3_9 ;;
optee-3.3) gen=FW_GEN_OPTEE_3_3 ;;
*) echo "build-firmware: unknown OTP_FW_GENERATION $OTP_FW_GENERATION" >&2; exit 2 ;;
esac

python3 "$top/scripts/mkregimage.py" --size 0x180 --base 0 --stride 4 \
	--words "$fw/otp-image.words" -o "$out/fw-otp-image.bin"
# shellcheck disable=SC2086
$cc -O2 -std=gnu11 -Wall -Wextra -Werror -ffreestanding -nostdlib \
	-fno-builtin -fno-tree-loop-distribute-patterns -fno-stack-protector \
	-fno-pic -fno-pie -no-pie -static $flags ${FW_CFLAGS:-} \
	-DOTP_IMAGE_BIN="\"$out/fw-otp-image.bin\"" -DFW_GENERATION=$gen \
	-Wl,--build-id=none -Wl,-T,"$fw/fw.lds" -Wl,--no-warn-rwx-segments -Wl,-z,noexecstack \
	-o "$out/fw-$arch.elf" "$fw/$entry" "$fw/otp-image.S" "$fw/monitor.c"
$objcopy -O binary "$out/fw-$arch.elf" "$out/fw-$arch.bin"
echo "$out/fw-$arch.bin"
