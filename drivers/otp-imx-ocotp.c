// SPDX-License-Identifier: GPL-2.0
/*
 * NVMEM provider for the On-Chip OTP controller (OCOTP) of the NXP i.MX6,
 * i.MX7 and i.MX8M families.
 *
 * The fuse array is exposed as one byte-addressable NVMEM device.  Reads go
 * through the shadow registers the controller loads at reset.  Programming
 * is guarded: every rule is checked against the current shadows before the
 * first fuse is blown, only the missing bits are programmed, and every word
 * is read back after the shadows were reloaded.  Writes start on a word and
 * program whole words; a write that ends inside a word programs that word
 * with the bytes after the end keeping their current value.
 *
 * Every register access goes through struct otp_imx_ocotp_io, so that the
 * KUnit suite can put an emulated controller where the MMIO block would be.
 */

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/clk.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/idr.h>
#include <linux/if_ether.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time64.h>

#include <kunit/visibility.h>

#include "otp-compat.h"
#include "otp-imx-ocotp.h"

/* Controller registers; CTRL has the usual SET/CLR aliases. */
#define OCOTP_CTRL		0x000
#define OCOTP_CTRL_SET		0x004
#define OCOTP_CTRL_CLR		0x008
#define OCOTP_TIMING		0x010
/* DATA0; the i.MX7D has DATA1..3 at the next 0x10 steps. */
#define OCOTP_DATA(n)		(0x020 + 0x10 * (n))
#define OCOTP_SHADOW_STEP	0x10
#define OCOTP_SHADOW(word)	(0x400 + OCOTP_SHADOW_STEP * (word))

#define OCOTP_CTRL_UNLOCK	GENMASK(31, 16)
#define OCOTP_UNLOCK_KEY	0x3e77

/* i.MX6-style TIMING fields; WAIT is left as the boot firmware set it. */
#define OCOTP_T6_STROBE_PROG	GENMASK(11, 0)
#define OCOTP_T6_RELAX		GENMASK(15, 12)
#define OCOTP_T6_STROBE_READ	GENMASK(21, 16)
#define OCOTP_T6_WAIT		GENMASK(27, 22)
/* i.MX7-style TIMING fields. */
#define OCOTP_T7_STROBE_PROG	GENMASK(11, 0)
#define OCOTP_T7_FSOURCE	GENMASK(19, 12)

/* Minimum fuse timings, in nanoseconds. */
#define OCOTP_PROG_NS		10000
#define OCOTP_READ_NS		37
#define OCOTP_RELAX_NS		17
#define OCOTP_FSOURCE_NS	1000
/* Quiet time the array needs after a programming operation. */
#define OCOTP_POSTAMBLE_US	2

/* Clock rates for which the timing fields are trusted. */
#define OCOTP_RATE_MIN		1000000UL
#define OCOTP_RATE_MAX		400000000UL

#define OCOTP_POLL_US		5
#define OCOTP_TIMEOUT_US	100000

/**
 * struct ocotp_ctrl - bit layout of HW_OCOTP_CTRL
 * @addr: address field (word, or bank on the i.MX7D)
 * @busy: controller busy
 * @error: sticky error flag, cleared through CTRL_CLR
 * @reload: RELOAD_SHADOWS request, self-clearing
 */
struct ocotp_ctrl {
	u32 addr;
	u32 busy;
	u32 error;
	u32 reload;
};

static const struct ocotp_ctrl ocotp_ctrl_mx6 = {
	.addr = GENMASK(7, 0),
	.busy = BIT(8),
	.error = BIT(9),
	.reload = BIT(10),
};

static const struct ocotp_ctrl ocotp_ctrl_mx8mp = {
	.addr = GENMASK(8, 0),
	.busy = BIT(9),
	.error = BIT(10),
	.reload = BIT(11),
};

/**
 * enum ocotp_timing_style - layout of HW_OCOTP_TIMING
 * @IMX_OCOTP_TIMING_MX6: STROBE_PROG, RELAX, STROBE_READ (and WAIT)
 * @IMX_OCOTP_TIMING_MX7: STROBE_PROG and FSOURCE
 */
enum ocotp_timing_style {
	IMX_OCOTP_TIMING_MX6,
	IMX_OCOTP_TIMING_MX7,
};

/**
 * struct ocotp_soc - what differs between the OCOTP instances
 * @nwords: number of 32-bit fuse words
 * @ctrl: CTRL register layout
 * @timing: TIMING register layout
 * @bank_words: 0 when CTRL addresses single words; otherwise the number of
 *	words programmed together through DATA0..n-1 (i.MX7D banks)
 */
struct ocotp_soc {
	unsigned int nwords;
	const struct ocotp_ctrl *ctrl;
	enum ocotp_timing_style timing;
	unsigned int bank_words;
};

static const struct ocotp_soc imx6q_soc = {
	.nwords = 128, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx6sl_soc = {
	.nwords = 64, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx6sll_soc = {
	.nwords = 80, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx6sx_soc = {
	.nwords = 128, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx6ul_soc = {
	.nwords = 144, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx6ull_soc = {
	.nwords = 80, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx7d_soc = {
	.nwords = 64, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX7, .bank_words = 4,
};

/*
 * The i.MX7ULP controller is word addressed with the i.MX6 CTRL layout and
 * the i.MX6 TIMING fields.  No upstream code programs it with computed
 * timings, so it uses the i.MX6 computation, which only ever rounds towards
 * longer strobes and relax periods: a slower-than-needed program cycle is
 * harmless, a too short one is what damages fuses.  The read-back after the
 * shadow reload still reports any word that did not take its value.
 */
static const struct ocotp_soc imx7ulp_soc = {
	.nwords = 256, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx8mq_soc = {
	.nwords = 256, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx8mm_soc = {
	.nwords = 256, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx8mn_soc = {
	.nwords = 256, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct ocotp_soc imx8mp_soc = {
	.nwords = 384, .ctrl = &ocotp_ctrl_mx8mp,
	.timing = IMX_OCOTP_TIMING_MX6,
};

static const struct of_device_id ocotp_of_match[] = {
	{ .compatible = "fsl,imx6q-ocotp", .data = &imx6q_soc },
	{ .compatible = "fsl,imx6sl-ocotp", .data = &imx6sl_soc },
	{ .compatible = "fsl,imx6sll-ocotp", .data = &imx6sll_soc },
	{ .compatible = "fsl,imx6sx-ocotp", .data = &imx6sx_soc },
	{ .compatible = "fsl,imx6ul-ocotp", .data = &imx6ul_soc },
	{ .compatible = "fsl,imx6ull-ocotp", .data = &imx6ull_soc },
	{ .compatible = "fsl,imx7d-ocotp", .data = &imx7d_soc },
	{ .compatible = "fsl,imx7ulp-ocotp", .data = &imx7ulp_soc },
	{ .compatible = "fsl,imx8mq-ocotp", .data = &imx8mq_soc },
	{ .compatible = "fsl,imx8mm-ocotp", .data = &imx8mm_soc },
	{ .compatible = "fsl,imx8mn-ocotp", .data = &imx8mn_soc },
	{ .compatible = "fsl,imx8mp-ocotp", .data = &imx8mp_soc },
	{ /* sentinel */ }
};
MODULE_DEVICE_TABLE(of, ocotp_of_match);

static DEFINE_IDA(ocotp_ida);

/**
 * struct ocotp_dev - one controller instance
 * @dev: device used for logging and managed resources
 * @io: controller registers
 * @clk: controller clock, NULL when the node has none
 * @soc: SoC description
 * @lock: serialises every access sequence on this controller
 * @id: number taken from ocotp_ida for the NVMEM device name
 */
struct ocotp_dev {
	struct device *dev;
	const struct otp_imx_ocotp_io *io;
	struct clk *clk;
	const struct ocotp_soc *soc;
	struct mutex lock; /* one access sequence at a time */
	int id;
};

static const struct ocotp_soc *ocotp_soc_lookup(const char *compatible)
{
	const struct of_device_id *id;

	for (id = ocotp_of_match; id->compatible[0]; id++)
		if (!strcmp(id->compatible, compatible))
			return id->data;
	return NULL;
}

static u32 ocotp_rd(struct ocotp_dev *ocotp, unsigned int reg)
{
	return ocotp->io->read(ocotp->io, reg);
}

static void ocotp_wr(struct ocotp_dev *ocotp, unsigned int reg, u32 val)
{
	ocotp->io->write(ocotp->io, reg, val);
}

static void ocotp_clear_error(struct ocotp_dev *ocotp)
{
	ocotp_wr(ocotp, OCOTP_CTRL_CLR, ocotp->soc->ctrl->error);
}

/* One shadow; ERROR handling is left to the caller. */
static u32 ocotp_shadow(struct ocotp_dev *ocotp, unsigned int word)
{
	return ocotp_rd(ocotp, OCOTP_SHADOW(word));
}

/* Bytes @first to @end - 1 of one word's shadow, ERROR cleared if locked. */
static void ocotp_copy_part(struct ocotp_dev *ocotp, unsigned int word,
			    unsigned int first, unsigned int end, u8 *dst)
{
	u32 data = ocotp_shadow(ocotp, word);

	if (data == OTP_IMX_OCOTP_LOCKED)
		ocotp_clear_error(ocotp);
	for (; first < end; first++)
		*dst++ = data >> (8 * first);
}

/*
 * Shadows of @count words from @first, stored little-endian at @dst; stops
 * after a read-locked word, whose ERROR is cleared at once.
 */
static unsigned int ocotp_shadows(struct ocotp_dev *ocotp, unsigned int first,
				  unsigned int count, u8 *dst)
{
	unsigned int n = ocotp->io->read_shadows(ocotp->io, first, count, dst);

	if (get_unaligned_le32(dst + 4 * (n - 1)) == OTP_IMX_OCOTP_LOCKED)
		ocotp_clear_error(ocotp);
	return n;
}

/**
 * ocotp_wait_idle() - wait until the controller is ready for a request
 * @ocotp: controller
 * @also: further CTRL bits that must read back as zero
 *
 * Polls CTRL until BUSY and @also are clear, bounded in time, and clears a
 * pending ERROR so that the next request is accepted.
 *
 * Return: 0 or -ETIMEDOUT.
 */
static int ocotp_wait_idle(struct ocotp_dev *ocotp, u32 also)
{
	const struct ocotp_ctrl *c = ocotp->soc->ctrl;
	u32 ctrl;
	int ret;

	ret = read_poll_timeout(ocotp_rd, ctrl, !(ctrl & (c->busy | also)),
				OCOTP_POLL_US, OCOTP_TIMEOUT_US, false,
				ocotp, OCOTP_CTRL);
	if (ret)
		return ret;
	if (ctrl & c->error)
		ocotp_clear_error(ocotp);
	return 0;
}

/**
 * ocotp_read() - nvmem reg_read callback
 * @context: controller
 * @offset: first byte
 * @val: destination
 * @bytes: number of bytes, any alignment
 *
 * Reads the shadow of every word the range touches, once.  Whole words go
 * straight into @val, in one call to the register accessors as long as no
 * word is read-locked.  A read-locked word reads 0xbadabada and raises
 * ERROR, which is cleared straight away so that later accesses are
 * accepted.
 *
 * Return: 0 or a negative errno.
 */
static int ocotp_read(void *context, unsigned int offset, void *val,
		      size_t bytes)
{
	struct ocotp_dev *ocotp = context;
	unsigned int size = ocotp->soc->nwords * 4;
	unsigned int word = offset / 4, skip = offset % 4, len, n;
	u8 *dst = val;
	int ret;

	if (!bytes)
		return 0;
	if (offset >= size || bytes > size - offset)
		return -EINVAL;

	mutex_lock(&ocotp->lock);
	ret = clk_prepare_enable(ocotp->clk);
	if (ret) {
		dev_err(ocotp->dev, "cannot enable the OCOTP clock (%d); check the clocks property\n",
			ret);
		goto unlock;
	}

	ret = ocotp_wait_idle(ocotp, 0);
	if (ret) {
		dev_err(ocotp->dev, "controller busy, read abandoned (%d); retry later\n",
			ret);
		goto disable;
	}

	while (bytes) {
		if (!skip && bytes >= 4) {
			n = ocotp_shadows(ocotp, word, bytes / 4, dst);
			len = 4 * n;
		} else {
			n = 1;
			len = min_t(size_t, 4 - skip, bytes);
			ocotp_copy_part(ocotp, word, skip, skip + len, dst);
			skip = 0;
		}
		word += n;
		dst += len;
		bytes -= len;
	}

disable:
	clk_disable_unprepare(ocotp->clk);
unlock:
	mutex_unlock(&ocotp->lock);
	return ret;
}

/**
 * ocotp_timing() - TIMING value for programming at the current clock
 * @ocotp: controller
 * @timing: in: current TIMING register; out: value to program
 *
 * Every field is rounded towards a longer period.  i.MX6 style, with f the
 * clock rate: tRELAX = (RELAX + 1) / f,
 * tPGM = (STROBE_PROG + 1 - 2 * (RELAX + 1)) / f and
 * tRD = (STROBE_READ + 1 - 2 * (RELAX + 1)) / f, with RELAX at least 1.
 * i.MX7 style: STROBE_PROG and FSOURCE count clock cycles.
 *
 * Return: 0, or -EINVAL (logged) when the rate is unknown, implausible or
 * does not fit the fields.
 */
static int ocotp_timing(struct ocotp_dev *ocotp, u32 *timing)
{
	unsigned long rate = clk_get_rate(ocotp->clk);
	u64 relax, prog, read, fsource;

	if (rate < OCOTP_RATE_MIN || rate > OCOTP_RATE_MAX) {
		dev_err(ocotp->dev, "programming refused: OCOTP clock rate %lu Hz is not within 1..400 MHz; give the node a working clocks property\n",
			rate);
		return -EINVAL;
	}

	switch (ocotp->soc->timing) {
	case IMX_OCOTP_TIMING_MX7:
		prog = DIV_ROUND_UP_ULL((u64)rate * OCOTP_PROG_NS,
					NSEC_PER_SEC) + 1;
		fsource = DIV_ROUND_UP_ULL((u64)rate * OCOTP_FSOURCE_NS,
					   NSEC_PER_SEC) + 1;
		if (prog > FIELD_MAX(OCOTP_T7_STROBE_PROG) ||
		    fsource > FIELD_MAX(OCOTP_T7_FSOURCE))
			goto overflow;
		*timing = FIELD_PREP(OCOTP_T7_STROBE_PROG, prog) |
			  FIELD_PREP(OCOTP_T7_FSOURCE, fsource);
		return 0;
	case IMX_OCOTP_TIMING_MX6:
	default:
		/* RELAX + 1 cycles must cover the relax time; never 0. */
		relax = DIV_ROUND_UP_ULL((u64)rate * OCOTP_RELAX_NS,
					 NSEC_PER_SEC);
		relax = max_t(u64, relax, 2) - 1;
		prog = DIV_ROUND_UP_ULL((u64)rate * OCOTP_PROG_NS,
					NSEC_PER_SEC) + 2 * (relax + 1) - 1;
		read = DIV_ROUND_UP_ULL((u64)rate * OCOTP_READ_NS,
					NSEC_PER_SEC) + 2 * (relax + 1) - 1;
		if (relax > FIELD_MAX(OCOTP_T6_RELAX) ||
		    prog > FIELD_MAX(OCOTP_T6_STROBE_PROG) ||
		    read > FIELD_MAX(OCOTP_T6_STROBE_READ))
			goto overflow;
		*timing = (*timing & OCOTP_T6_WAIT) |
			  FIELD_PREP(OCOTP_T6_STROBE_PROG, prog) |
			  FIELD_PREP(OCOTP_T6_RELAX, relax) |
			  FIELD_PREP(OCOTP_T6_STROBE_READ, read);
		return 0;
	}

overflow:
	dev_err(ocotp->dev, "programming refused: fuse timings for a %lu Hz clock do not fit the TIMING register; run the OCOTP clock slower\n",
		rate);
	return -EINVAL;
}

/**
 * ocotp_check() - validate a write against the current fuse values
 * @ocotp: controller
 * @first: first target word
 * @count: number of words
 * @want: requested values; on success the last one has the bits of @keep
 *	replaced by their current value
 * @keep: bits of the last word the write does not cover (a trailing
 *	partial word), 0 when the write ends on a word boundary
 * @have: filled with the current values
 *
 * Every target word is read first, so a read-locked word anywhere in the
 * range, the partial last word included, refuses the whole write.  Then
 * the uncovered bytes of the last word are given their current value and
 * every word is checked for bits that would have to be cleared.  Nothing is
 * programmed here.  Each refusal is logged with one line.
 *
 * Return: the number of words that need new bits (0: nothing to do),
 * -EPERM for a read-locked word, or -EINVAL when a bit would have to be
 * cleared.
 */
static int ocotp_check(struct ocotp_dev *ocotp, unsigned int first,
		       unsigned int count, u32 *want, u32 keep, u32 *have)
{
	unsigned int i, changed = 0;

	for (i = 0; i < count; i++) {
		have[i] = ocotp_shadow(ocotp, first + i);
		if (have[i] != OTP_IMX_OCOTP_LOCKED)
			continue;
		/* A fuse may hold 0xbadabada; only ERROR tells a lock. */
		if (ocotp_rd(ocotp, OCOTP_CTRL) & ocotp->soc->ctrl->error) {
			ocotp_clear_error(ocotp);
			dev_err(ocotp->dev, "word %u is read-locked and cannot be programmed; leave it out of the write\n",
				first + i);
			return -EPERM;
		}
	}

	/* Bytes past the end of the write keep what the fuses hold. */
	want[count - 1] = (want[count - 1] & ~keep) | (have[count - 1] & keep);

	for (i = 0; i < count; i++) {
		if (have[i] & ~want[i]) {
			dev_err(ocotp->dev, "word %u: 0x%08x -> 0x%08x would clear bits 0x%08x; fuses can only be set, write a value that keeps them\n",
				first + i, have[i], want[i], have[i] & ~want[i]);
			return -EINVAL;
		}
		if (have[i] != want[i])
			changed++;
	}
	return changed;
}

/**
 * ocotp_program() - blow the new bits of one word or one bank
 * @ocotp: controller
 * @first: first word of the unit
 * @bits: bits to blow, one entry per word of the unit
 * @timing: TIMING register value
 *
 * The unit is a single word, or a whole bank on the i.MX7D where DATA0 is
 * written last because that write starts the operation.
 *
 * Return: 0, -EPERM when the controller refused (word locked; ERROR is
 * cleared) or -ETIMEDOUT.  Each failure is logged once.
 */
static int ocotp_program(struct ocotp_dev *ocotp, unsigned int first,
			 const u32 *bits, u32 timing)
{
	const struct ocotp_ctrl *c = ocotp->soc->ctrl;
	unsigned int n = ocotp->soc->bank_words ?: 1;
	unsigned int addr = ocotp->soc->bank_words ? first / n : first;
	u32 ctrl;
	int i;

	/* Also clears a pending ERROR, which would make the controller ignore us. */
	if (ocotp_wait_idle(ocotp, 0))
		goto timeout;
	ocotp_wr(ocotp, OCOTP_TIMING, timing);
	ocotp_wr(ocotp, OCOTP_CTRL,
		 FIELD_PREP(OCOTP_CTRL_UNLOCK, OCOTP_UNLOCK_KEY) |
		 ((addr << __ffs(c->addr)) & c->addr));
	for (i = n - 1; i >= 0; i--)
		ocotp_wr(ocotp, OCOTP_DATA(i), bits[i]);

	if (read_poll_timeout(ocotp_rd, ctrl,
			      !(ctrl & c->busy) || (ctrl & c->error),
			      OCOTP_POLL_US, OCOTP_TIMEOUT_US, false,
			      ocotp, OCOTP_CTRL))
		goto timeout;
	if (ctrl & c->error) {
		ocotp_clear_error(ocotp);
		dev_err(ocotp->dev, "word %u: the controller refused to program it (write-locked); leave locked words out of the write\n",
			first);
		return -EPERM;
	}
	udelay(OCOTP_POSTAMBLE_US);
	return 0;

timeout:
	dev_err(ocotp->dev, "word %u: controller stayed busy for %u ms, programming stopped; check the OCOTP clock and retry\n",
		first, OCOTP_TIMEOUT_US / 1000);
	return -ETIMEDOUT;
}

/**
 * ocotp_reload() - refresh the shadow registers from the fuses
 * @ocotp: controller
 *
 * Return: 0 or -ETIMEDOUT (logged).
 */
static int ocotp_reload(struct ocotp_dev *ocotp)
{
	const struct ocotp_ctrl *c = ocotp->soc->ctrl;
	int ret;

	ret = ocotp_wait_idle(ocotp, 0);
	if (!ret) {
		ocotp_wr(ocotp, OCOTP_CTRL_SET, c->reload);
		ret = ocotp_wait_idle(ocotp, c->reload);
	}
	if (ret)
		dev_err(ocotp->dev, "shadow reload did not finish within %u ms; read the fuses again before trusting them\n",
			OCOTP_TIMEOUT_US / 1000);
	return ret;
}

/**
 * ocotp_verify() - compare the reloaded shadows with the request
 * @ocotp: controller
 * @first: first word
 * @count: number of words
 * @want: requested values
 *
 * Return: 0, or -EIO when a word differs (each one logged).
 */
static int ocotp_verify(struct ocotp_dev *ocotp, unsigned int first,
			unsigned int count, const u32 *want)
{
	unsigned int i;
	int ret = 0;
	u32 data;

	for (i = 0; i < count; i++) {
		data = ocotp_shadow(ocotp, first + i);
		if (data == OTP_IMX_OCOTP_LOCKED)
			ocotp_clear_error(ocotp);
		if (data != want[i]) {
			dev_err(ocotp->dev, "word %u reads 0x%08x after programming 0x%08x; the fuses did not take the value\n",
				first + i, data, want[i]);
			ret = -EIO;
		}
	}
	return ret;
}

/**
 * ocotp_write_locked() - program words, controller lock and clock held
 * @ocotp: controller
 * @first: first word
 * @count: number of words (whole banks on the i.MX7D)
 * @want: requested values, completed by ocotp_check()
 * @keep: bits of the last word that keep their current value
 * @have: scratch, @count entries
 *
 * Return: 0 or a negative errno.
 */
static int ocotp_write_locked(struct ocotp_dev *ocotp, unsigned int first,
			      unsigned int count, u32 *want, u32 keep,
			      u32 *have)
{
	unsigned int n = ocotp->soc->bank_words ?: 1;
	unsigned int i, j, programmed = 0;
	u32 bits[4];
	u32 timing;
	int ret;

	ret = ocotp_wait_idle(ocotp, 0);
	if (ret) {
		dev_err(ocotp->dev, "controller busy, nothing programmed; retry later\n");
		return ret;
	}

	ret = ocotp_check(ocotp, first, count, want, keep, have);
	if (ret <= 0)
		return ret;

	timing = ocotp_rd(ocotp, OCOTP_TIMING);
	ret = ocotp_timing(ocotp, &timing);
	if (ret)
		return ret;

	for (i = 0; i < count; i += n) {
		bool todo = false;

		for (j = 0; j < n; j++) {
			bits[j] = want[i + j] & ~have[i + j];
			todo |= bits[j] != 0;
		}
		if (!todo)
			continue;
		ret = ocotp_program(ocotp, first + i, bits, timing);
		if (ret)
			break;
		programmed++;
	}

	/* A controller that never finished will not reload either. */
	if (ret == -ETIMEDOUT || !programmed)
		return ret;

	if (!ret) {
		ret = ocotp_reload(ocotp);
		if (!ret)
			ret = ocotp_verify(ocotp, first, count, want);
	} else {
		/* Keep the shadows in step with what was blown so far. */
		ocotp_reload(ocotp);
	}
	return ret;
}

/**
 * ocotp_write() - nvmem reg_write callback
 * @context: controller
 * @offset: first byte, multiple of 4 (of 16 on the i.MX7D)
 * @val: new values, little-endian words
 * @bytes: number of bytes, at least 1 (a multiple of 16 on the i.MX7D)
 *
 * Fuses are programmed in whole 32-bit words, and every word the range
 * touches is programmed, so a 6-byte MAC address at 0x90 sets two words.
 * When @bytes is not a multiple of 4, the last word is programmed with the
 * given bytes merged into its current value: the bytes after the end of
 * the write keep their fuses, and that word goes through the same checks
 * and read-back as the others.
 *
 * The i.MX7D programs a bank of four words in one operation.  There a write
 * must still start on a bank and cover whole banks: a partial bank is
 * refused, not merged.  That is the safe, simple choice: the caller states
 * the value of every word the operation touches, nothing the caller did
 * not write is programmed, and all of them are checked and verified.
 *
 * Return: 0 (nvmem core then reports @bytes written) or a negative errno;
 * see ocotp_write_locked().
 */
static int ocotp_write(void *context, unsigned int offset, void *val,
		       size_t bytes)
{
	struct ocotp_dev *ocotp = context;
	unsigned int size = ocotp->soc->nwords * 4;
	unsigned int bank = 4 * ocotp->soc->bank_words;
	unsigned int first = offset / 4, count, tail, i;
	u32 *want, *have, keep;
	int ret;

	if (!bytes || offset % 4) {
		dev_err(ocotp->dev, "write of %zu bytes at offset %u refused: fuses are programmed in whole 4-byte words; start the write at a multiple of 4\n",
			bytes, offset);
		return -EINVAL;
	}
	if (bank && (offset % bank || bytes % bank)) {
		dev_err(ocotp->dev, "write of %zu bytes at offset %u refused: fuses are programmed in whole %u-byte banks; use an offset and length that are multiples of %u\n",
			bytes, offset, bank, bank);
		return -EINVAL;
	}
	if (offset >= size || bytes > size - offset) {
		dev_err(ocotp->dev, "write of %zu bytes at offset %u refused: the fuse array has %u bytes\n",
			bytes, offset, size);
		return -EINVAL;
	}

	count = DIV_ROUND_UP(bytes, 4);
	tail = bytes % 4;
	/* Byte n of a word is bits 8n..8n+7: keep bytes tail..3 if partial. */
	keep = tail ? GENMASK(31, 8 * tail) : 0;

	want = kmalloc_array(count, 2 * sizeof(*want), GFP_KERNEL);
	if (!want)
		return -ENOMEM;
	have = want + count;
	for (i = 0; i < count; i++) {
		__le32 raw = 0;

		memcpy(&raw, (u8 *)val + 4 * i,
		       min_t(size_t, sizeof(raw), bytes - 4 * i));
		want[i] = le32_to_cpu(raw);
	}

	mutex_lock(&ocotp->lock);
	ret = clk_prepare_enable(ocotp->clk);
	if (ret) {
		dev_err(ocotp->dev, "cannot enable the OCOTP clock (%d); check the clocks property\n",
			ret);
	} else {
		ret = ocotp_write_locked(ocotp, first, count, want, keep,
					 have);
		clk_disable_unprepare(ocotp->clk);
	}
	mutex_unlock(&ocotp->lock);

	kfree(want);
	return ret;
}

/* The i.MX8M fuses hold the MAC address last byte first. */
static bool ocotp_cell_reversed(const char *name)
{
	return name && !strcmp(name, "mac-address");
}

static int ocotp_reverse(void *priv, void *buf, size_t bytes)
{
	u8 *b = buf;
	size_t i, n = min_t(size_t, bytes, ETH_ALEN);

	for (i = 0; i < n / 2; i++)
		swap(b[i], b[n - 1 - i]);
	return 0;
}

OTP_NVMEM_CELL_FIXUP(ocotp_reversed_mac_cells, ocotp_cell_reversed,
		     ocotp_reverse)

static void ocotp_put_id(void *data)
{
	struct ocotp_dev *ocotp = data;

	ida_free(&ocotp_ida, ocotp->id);
}

/**
 * otp_imx_ocotp_register() - register the NVMEM device of one controller
 * @dev: device that owns the controller; resources are device-managed
 * @io: controller registers, up to the last shadow of the SoC's fuse words
 * @clk: controller clock, or NULL (then programming is refused)
 * @compatible: SoC compatible, one of the driver's match table
 * @read_only: register without a write path
 *
 * Everything of the probe that does not depend on the bus: SoC lookup,
 * NVMEM device numbering and registration, DT cells and the MAC cell byte
 * order.
 *
 * Return: the NVMEM device, or an ERR_PTR().
 */
struct nvmem_device *otp_imx_ocotp_register(struct device *dev,
					    const struct otp_imx_ocotp_io *io,
					    struct clk *clk,
					    const char *compatible,
					    bool read_only)
{
	struct nvmem_config cfg = { };
	struct ocotp_dev *ocotp;
	int ret;

	ocotp = devm_kzalloc(dev, sizeof(*ocotp), GFP_KERNEL);
	if (!ocotp)
		return ERR_PTR(-ENOMEM);

	ocotp->soc = compatible ? ocotp_soc_lookup(compatible) : NULL;
	if (!ocotp->soc) {
		dev_err(dev, "unknown OCOTP compatible \"%s\"; use one of the fsl,imx*-ocotp strings\n",
			compatible ?: "");
		return ERR_PTR(-EINVAL);
	}
	ocotp->dev = dev;
	ocotp->io = io;
	ocotp->clk = clk;
	mutex_init(&ocotp->lock);

	ocotp->id = ida_alloc(&ocotp_ida, GFP_KERNEL);
	if (ocotp->id < 0)
		return ERR_PTR(ocotp->id);
	ret = devm_add_action_or_reset(dev, ocotp_put_id, ocotp);
	if (ret)
		return ERR_PTR(ret);

	cfg.dev = dev;
	cfg.name = "imx-ocotp";
	cfg.id = ocotp->id;
	cfg.owner = THIS_MODULE;
	cfg.type = NVMEM_TYPE_OTP;
	cfg.size = ocotp->soc->nwords * 4;
	cfg.word_size = 1;
	cfg.stride = 1;
	cfg.priv = ocotp;
	cfg.reg_read = ocotp_read;
	cfg.read_only = read_only;
	if (!read_only)
		cfg.reg_write = ocotp_write;
	otp_nvmem_legacy_cells(&cfg);
	ocotp_reversed_mac_cells(&cfg);

	return devm_nvmem_register(dev, &cfg);
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_ocotp_register);

/**
 * struct ocotp_mmio - the controller's registers, memory mapped
 * @io: accessors handed to otp_imx_ocotp_register()
 * @base: start of the register block
 */
struct ocotp_mmio {
	struct otp_imx_ocotp_io io;
	void __iomem *base;
};

static void __iomem *ocotp_mmio_base(const struct otp_imx_ocotp_io *io)
{
	return container_of(io, struct ocotp_mmio, io)->base;
}

static u32 ocotp_mmio_read(const struct otp_imx_ocotp_io *io, unsigned int reg)
{
	return readl(ocotp_mmio_base(io) + reg);
}

static void ocotp_mmio_write(const struct otp_imx_ocotp_io *io,
			     unsigned int reg, u32 val)
{
	writel(val, ocotp_mmio_base(io) + reg);
}

/*
 * The hot path of every NVMEM read.  Relaxed loads: nothing in memory
 * depends on their order, and the device keeps them in order with the
 * CTRL accesses around them.
 */
static unsigned int ocotp_mmio_read_shadows(const struct otp_imx_ocotp_io *io,
					    unsigned int first,
					    unsigned int count, void *dst)
{
	void __iomem *reg = ocotp_mmio_base(io) + OCOTP_SHADOW(first);
	unsigned int i;
	u32 v;

	for (i = 0; i < count; i++, reg += OCOTP_SHADOW_STEP) {
		v = readl_relaxed(reg);
		put_unaligned_le32(v, dst + 4 * i);
		if (v == OTP_IMX_OCOTP_LOCKED)
			return i + 1;
	}
	return count;
}

/**
 * ocotp_map() - map the register block described by the DT node
 * @dev: the OCOTP device
 * @res: its first memory resource, NULL when the node has no reg
 * @soc: SoC description, for the size the block must have
 *
 * The size is checked before anything is mapped, so a wrong node never
 * leads to an access outside the block.
 *
 * Return: the accessors, or an ERR_PTR() (-EINVAL logged for a bad reg).
 */
static const struct otp_imx_ocotp_io *ocotp_map(struct device *dev,
						struct resource *res,
						const struct ocotp_soc *soc)
{
	unsigned int need = OCOTP_SHADOW(soc->nwords - 1) + 4;
	struct ocotp_mmio *mmio;

	if (!res) {
		dev_err(dev, "no reg property: the DT node must give the OCOTP register block (reg = <base 0x10000>)\n");
		return ERR_PTR(-EINVAL);
	}
	if (resource_size(res) < need) {
		dev_err(dev, "reg %pR is too small: the DT node must cover at least %#x bytes (%u fuse shadows)\n",
			res, need, soc->nwords);
		return ERR_PTR(-EINVAL);
	}

	mmio = devm_kzalloc(dev, sizeof(*mmio), GFP_KERNEL);
	if (!mmio)
		return ERR_PTR(-ENOMEM);
	mmio->base = devm_ioremap_resource(dev, res);
	if (IS_ERR(mmio->base))
		return ERR_CAST(mmio->base);
	mmio->io.read = ocotp_mmio_read;
	mmio->io.write = ocotp_mmio_write;
	mmio->io.read_shadows = ocotp_mmio_read_shadows;
	return &mmio->io;
}

/*
 * Platform glue: everything the DT node provides (registers, clock,
 * read-only) is gathered here and handed to otp_imx_ocotp_register().
 */
static int ocotp_bind(struct device *dev, struct resource *res)
{
	const struct of_device_id *match;
	const struct otp_imx_ocotp_io *io;
	struct nvmem_device *nvmem;
	struct clk *clk;

	match = of_match_device(ocotp_of_match, dev);
	if (!match)
		return -ENODEV;

	io = ocotp_map(dev, res, match->data);
	if (IS_ERR(io))
		return PTR_ERR(io);

	clk = devm_clk_get_optional(dev, NULL);
	if (IS_ERR(clk))
		return dev_err_probe(dev, PTR_ERR(clk), "cannot get the OCOTP clock\n");

	nvmem = otp_imx_ocotp_register(dev, io, clk, match->compatible,
				       of_property_read_bool(dev->of_node,
							     "read-only"));
	return PTR_ERR_OR_ZERO(nvmem);
}

static int ocotp_platform_probe(struct platform_device *pdev)
{
	return ocotp_bind(&pdev->dev,
			  platform_get_resource(pdev, IORESOURCE_MEM, 0));
}

static struct platform_driver otp_imx_ocotp_driver = {
	.probe = ocotp_platform_probe,
	.driver = {
		.name = "otp-imx-ocotp",
		.of_match_table = ocotp_of_match,
	},
};
module_platform_driver(otp_imx_ocotp_driver);

MODULE_DESCRIPTION("i.MX6/7/8M On-Chip OTP controller NVMEM provider");
MODULE_LICENSE("GPL");
