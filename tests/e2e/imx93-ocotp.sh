# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of the i.MX93 fuse shadow block (sourced by /init after
# lib.sh; check boot only, tests/dt/check/imx93-ocotp.dtsi).  The RAM image
# holds tests/data/imx93-fuses.words where U-Boot's i.MX9 fuse map has a
# shadow (fuse words 0-51 and 312-511) and 0xdeadbeef in the 260 shadows
# between, which hold no fuse: the enclave-only words (63, 128-143, 182,
# 188, U-Boot's ele_api_mapping_table) and the rest of that range read 0.

words=/data/imx93-fuses.words

imx_device_or_fail imx93-device efuse@7f050000 || { return 0 2>/dev/null || exit 0; }
d93=$imx_dev

# What every word must read: the fuse where the block has a shadow for it,
# 0 elsewhere (U-Boot's map, not the driver's table).
want=$(sed 's/#.*//' "$words" | grep . | awk '{
	n = NR - 1
	print (n < 52 || n >= 312) ? $1 : "00000000"
}')
fsb_reads imx93 "$d93" "$want"

echo "# dd status=none if=$d93/nvmem of=/dev/stdout bs=4 count=1 skip=315 | od -v -t x4"
expect_eq imx93-dd-word315 \
	"$(dd status=none if="$d93/nvmem" of=/dev/stdout bs=4 count=1 skip=315 | od -v -A n -t x4 | tr -d ' ')" \
	9f930001
# The MAC cell's bytes as stored; of_get_mac_address() through the DT
# consumer gets them reversed, in order.
fsb_word_checks imx93 "$d93" 1260 0100939f0400 00:04:9f:93:00:01 39 3 0x9f930001

fsb_refused imx93 "$d93" "$want"
expect_ok imx93-enclave-said \
	sh -c "dmesg | grep -q 'only the EdgeLock Secure Enclave serves read as 0'"
