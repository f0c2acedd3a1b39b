// SPDX-License-Identifier: GPL-2.0
/*
 * otp-imx-ocotp: reads of the i.MX93/95 fuse shadow block, which has no
 * controller registers: each fuse word has a shadow register, or is read
 * through the EdgeLock Secure Enclave only, or has no fuse at all.
 */
#include <linux/bits.h>
#include <linux/device.h>
#include <linux/minmax.h>

#include "otp-compat.h"
#include "imx-ocotp.h"

/*
 * How the FSB serves fuse word @word, 0 when it has no fuse to read.  The
 * runs are in ascending order and a read asks for ascending words, so
 * @run, where the previous word was found, moves forward only: a whole
 * read looks at each run once.
 */
static enum ocotp_fsb_kind ocotp_fsb_kind(const struct ocotp_fsb_run **run,
					  unsigned int word)
{
	const struct ocotp_fsb_run *r = *run;

	while (r->kind && word >= r->word + r->count)
		r++;
	*run = r;
	return r->kind && word >= r->word ? r->kind : 0;
}

/*
 * i.MX93/95: the word at position @pos through the fuse shadow block, @run
 * as for ocotp_fsb_kind().  A word only the enclave reads, or with no fuse
 * behind it, reads 0 and its register is not touched; an ECC-protected
 * word gives its 16 data bits.
 */
static u32 ocotp_fsb_word(struct ocotp_dev *ocotp,
			  const struct ocotp_fsb_run **run, unsigned int pos)
{
	const struct ocotp_fsb *fsb = ocotp->soc->fsb;

	switch (ocotp_fsb_kind(run, pos)) {
	case OCOTP_FSB_WORD:
		return ocotp_rd(ocotp, fsb->reg + 4 * pos);
	case OCOTP_FSB_ECC:
		return ocotp_rd(ocotp, fsb->reg + 4 * pos) & GENMASK(15, 0);
	case OCOTP_FSB_ELE:
		if (!ocotp->ele_told) {
			ocotp->ele_told = true;
			dev_info(ocotp->dev, "offset %#x and the other words only the EdgeLock Secure Enclave serves read as 0; read them with U-Boot's 'fuse read'\n",
				 4 * pos);
		}
		return 0;
	default:
		return 0;
	}
}

/**
 * ocotp_fsb_read() - read a byte range through the fuse shadow block
 * @ocotp: controller, its lock held
 * @pos: word position of the first byte
 * @skip: bytes of that word before the first byte
 * @dst: destination
 * @bytes: number of bytes
 */
void ocotp_fsb_read(struct ocotp_dev *ocotp, unsigned int pos,
		    unsigned int skip, u8 *dst, size_t bytes)
{
	const struct ocotp_fsb_run *run = ocotp->soc->fsb->runs;
	unsigned int len, i;
	u32 word;

	for (; bytes; pos++, skip = 0) {
		word = ocotp_fsb_word(ocotp, &run, pos);
		len = min_t(size_t, 4 - skip, bytes);
		if (len == 4)
			put_unaligned_le32(word, dst);
		else
			for (i = 0; i < len; i++)
				dst[i] = word >> (8 * (skip + i));
		dst += len;
		bytes -= len;
	}
}
