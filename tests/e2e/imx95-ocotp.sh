# SPDX-License-Identifier: GPL-2.0
# End-to-end checks of the i.MX95 fuse shadow block (sourced by /init after
# lib.sh; check boots, tests/dt/check/imx95-ocotp.dtsi).  The RAM image
# holds tests/data/imx95-fuses.words where NXP's own kernel reads a shadow
# and 0xdeadbeef in the others.  What a reader must get, by that kernel's
# table (nxp-imx/linux-imx drivers/nvmem/imx-ocotp-fsb-s400.c, IMX95), not
# the driver's: words 0, 7, 9-11, 36-37 and 317-318 carry ECC above bit 15
# and give bits 15:0; 12-35, 38-51, 320-326 and 328-511 give the whole
# word; every other word (the enclave's 63, 128-143 and 188 among them)
# reads 0.

words=/data/imx95-fuses.words

imx_device_or_fail imx95-device efuse@7f070000 || { return 0 2>/dev/null || exit 0; }
d95=$imx_dev

want=$(sed 's/#.*//' "$words" | grep . | awk '
function within(n, a, b) { return n >= a && n <= b }
{
	n = NR - 1
	if (n == 0 || n == 7 || within(n, 9, 11) || within(n, 36, 37) ||
	    within(n, 317, 318))
		print "0000" substr($1, 5, 4)
	else if (within(n, 12, 35) || within(n, 38, 51) || within(n, 320, 326) ||
		 within(n, 328, 511))
		print $1
	else
		print "00000000"
}')
fsb_reads imx95 "$d95" "$want"

echo "# dd status=none if=$d95/nvmem of=/dev/stdout bs=4 count=1 skip=7 | od -v -t x4"
expect_eq imx95-ecc-word7 \
	"$(dd status=none if="$d95/nvmem" of=/dev/stdout bs=4 count=1 skip=7 | od -v -A n -t x4 | tr -d ' ')" \
	00007ff8
# The MAC as stored, first byte first; the consumer gets the same order.
fsb_word_checks imx95 "$d95" 1300 00049f950001 00:04:9f:95:00:01 40 5 0x959f0400

fsb_refused imx95 "$d95" "$want"
expect_ok imx95-enclave-said \
	sh -c "dmesg | grep -q '7f070000.efuse: offset 0xfc and the other words only the EdgeLock Secure Enclave'"
# Mainline's cell with the port in bits 15:12 of reg: named at bind.
expect_ok imx95-past-end-cell-said \
	sh -c "dmesg | grep -q 'mac-address@1514: reg = <0x1514 6> ends past the 2048 bytes of fuses'"
