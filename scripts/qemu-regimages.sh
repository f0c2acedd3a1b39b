#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The register images QEMU pre-loads at the emulated OTP blocks
# (tests/dt/README), from the word lists of tests/data: make check's boots
# (scripts/qemu-test.sh) and the QEMU LAVA job (scripts/lava-jobs.sh).
# usage: scripts/qemu-regimages.sh OUTDIR
set -eu
img=$1
top=$(cd "$(dirname "$0")/.." && pwd)
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
# i.MX6Q, i.MX6ULL and i.MX7D: fuse images placed through the reference
# shadow maps.
for soc in imx6q imx6ull; do
	python3 "$top/scripts/mkregimage.py" --size 0x4000 \
		--map "$top/tests/data/ocotp-shadow-maps:$soc" \
		--words "$top/tests/data/$soc-fuses.words" -o "$img/ocotp-$soc.bin"
done
python3 "$top/scripts/mkregimage.py" --size 0x10000 \
	--map "$top/tests/data/ocotp-shadow-maps:imx7d" \
	--words "$top/tests/data/imx7d-fuses.words" -o "$img/ocotp-imx7d.bin"
# i.MX93: fuse word n at 0x8000 + 4 * n, as U-Boot maps the fuse shadow
# block (drivers/misc/imx_ele/fuse.c, CONFIG_ARCH_IMX9: FSB_OTP_SHADOW
# 0x8000; banks 0-5 and half of bank 6, then 260 shadows with no fuse,
# then banks 39-63): those 260 hold junk, which no read may show.
python3 "$top/scripts/mkregimage.py" --size 0x10000 --base 0x8000 --stride 4 \
	--words "$top/tests/data/imx93-fuses.words" \
	--fill 52-311=0xdeadbeef -o "$img/ocotp-imx93.bin"
# i.MX95: the same block; junk where NXP's own kernel reads no shadow
# (nxp-imx/linux-imx drivers/nvmem/imx-ocotp-fsb-s400.c, IMX95: it reads
# words 0, 7, 9-51, 317-318, 320-326 and 328-511), so that a read of any
# other word shows.
python3 "$top/scripts/mkregimage.py" --size 0x10000 --base 0x8000 --stride 4 \
	--words "$top/tests/data/imx95-fuses.words" \
	--fill 1-6=0xdeadbeef --fill 8-8=0xdeadbeef --fill 52-316=0xdeadbeef \
	--fill 319-319=0xdeadbeef --fill 327-327=0xdeadbeef -o "$img/ocotp-imx95.bin"
# i.MX8QXP and i.MX8QM (SCU): fuse word n at 4 * n, for the emulated SCU
# firmware.
for part in imx8qxp imx8qm; do
	python3 "$top/scripts/mkregimage.py" --size 0x1000 --base 0 --stride 4 \
		--words "$top/tests/data/$part-fuses.words" -o "$img/scu-$part.bin"
done
