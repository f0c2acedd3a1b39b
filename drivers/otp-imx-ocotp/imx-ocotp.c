// SPDX-License-Identifier: GPL-2.0
/*
 * NVMEM provider for the On-Chip OTP controller (OCOTP) of the NXP i.MX6,
 * i.MX7 and i.MX8M families, and the i.MX93/95 fuse shadow block
 * (imx-ocotp-fsb.c): the controller, whose bus glue is imx-ocotp-main.c.
 *
 * The fuse array is exposed as one byte-addressable NVMEM device in which
 * offset / 4 = bank * words-per-bank + word, U-Boot's "fuse read/prog BANK
 * WORD" numbering.  A per-SoC fuse map (struct ocotp_soc) turns each such
 * word into its fuse address (CTRL.ADDR) and its shadow register, so that
 * reading and programming an offset touch the same fuse; positions with no
 * fuse behind them read 0 and cannot be written.
 *
 * Reads go through the shadow registers the controller loads at reset.
 * Programming is guarded: every rule (fuse present, read lock, write lock
 * in the LOCK word, no bit cleared, usable clock) is checked for every word
 * before the first fuse is blown, only the missing bits are programmed,
 * and every word is read back after the shadows were reloaded.  Writes are
 * whole words, and each word is one program operation, also on the i.MX7D
 * whose controller programs by bank.
 *
 * Every register access goes through struct otp_imx_ocotp_io, so that the
 * KUnit suite can put an emulated controller where the MMIO block would be.
 */

#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bits.h>
#include <linux/clk.h>
#include <linux/debugfs.h>
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
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time64.h>

#include <kunit/visibility.h>

#include "otp-compat.h"
#include "imx-ocotp-io.h"
#include "imx-ocotp-scu.h"
#include "otp-provider.h"
#include "imx-ocotp.h"

static void ocotp_clear_error(struct ocotp_dev *ocotp)
{
	ocotp_wr(ocotp, OCOTP_CTRL_CLR, ocotp->soc->ctrl->error);
}

/*
 * i.MX7ULP: a read that hit an uncorrectable ECC error sets DED; clear it
 * and fail the read, as U-Boot's fuse_read() does.  The log names each
 * such word the first time only: every later read of it fails the same
 * way, and a reader that retries must not flood the log.
 */
static int ocotp_check_ded(struct ocotp_dev *ocotp, unsigned int pos)
{
	if (!ocotp->soc->ded ||
	    !(ocotp_rd(ocotp, OCOTP_ULP_OUT_STATUS) & OCOTP_ULP_DED))
		return 0;
	ocotp_wr(ocotp, OCOTP_ULP_OUT_STATUS_CLR, OCOTP_ULP_DED);
	if (!__test_and_set_bit(pos, ocotp->ded_told))
		dev_err(ocotp->dev, "offset %#x: uncorrectable ECC error in the fuses (OUT_STATUS.DED); the word cannot be trusted, and every read of it fails with EIO (logged once)\n",
			4 * pos);
	return -EIO;
}

/* Shadow of the word at position @pos in @span; ERROR is the caller's. */
static u32 ocotp_shadow(struct ocotp_dev *ocotp, const struct ocotp_span *span,
			unsigned int pos)
{
	return ocotp_rd(ocotp, ocotp_span_shadow(span, pos));
}

/*
 * Shadows of up to @count words from position @pos, all in @span, stored
 * little-endian at @dst, in one accessor call.  A read-locked word reads
 * OTP_IMX_OCOTP_LOCKED and raises ERROR, which blocks every later shadow
 * read until it is cleared: @ocotp->locked_ack has the accessor clear it
 * straight after such a word.  Returns the number of words stored or -EIO.
 */
static int ocotp_shadows(struct ocotp_dev *ocotp, const struct ocotp_span *span,
			 unsigned int pos, unsigned int count, u8 *dst)
{
	count = min(count, span->pos + span->count - pos);
	if (ocotp->soc->ded)
		count = 1;
	ocotp->io->read_shadows(ocotp->io, ocotp_span_shadow(span, pos), count,
				dst, &ocotp->locked_ack);
	return ocotp_check_ded(ocotp, pos + count - 1) ?: count;
}

/*
 * Words at positions @pos.. into @dst, little-endian: a run inside one
 * span, zeros where no fuse is behind a position.
 * Returns the number of words stored (at least 1) or -EIO.
 */
static int ocotp_words(struct ocotp_dev *ocotp, unsigned int pos,
		       unsigned int count, u8 *dst)
{
	const struct ocotp_span *span = ocotp_span(ocotp->soc, pos);
	unsigned int n;

	if (span)
		return ocotp_shadows(ocotp, span, pos, count, dst);
	for (n = 0; n < count && !ocotp_span(ocotp->soc, pos + n); n++)
		put_unaligned_le32(0, dst + 4 * n);
	return n;
}

/* One word for a partial read, in one register read; 0 for a hole. */
static int ocotp_word(struct ocotp_dev *ocotp, unsigned int pos, u32 *val)
{
	const struct ocotp_span *span = ocotp_span(ocotp->soc, pos);

	*val = 0;
	if (!span)
		return 0;
	*val = ocotp_shadow(ocotp, span, pos);
	if (*val == OTP_IMX_OCOTP_LOCKED)
		ocotp_clear_error(ocotp);
	return ocotp_check_ded(ocotp, pos);
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

	/* Mostly idle already: no clock read for a deadline then. */
	ctrl = ocotp_rd(ocotp, OCOTP_CTRL);
	if (ctrl & (c->busy | also)) {
		ret = read_poll_timeout(ocotp_rd, ctrl,
					!(ctrl & (c->busy | also)),
					OCOTP_POLL_US, OCOTP_TIMEOUT_US, false,
					ocotp, OCOTP_CTRL);
		if (ret)
			return ret;
	}
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
 * straight into @val, one call to the register accessors per run of
 * consecutive shadows.  A read-locked word reads 0xbadabada and raises
 * ERROR, which is cleared straight away so that later accesses are
 * accepted.  A position with no fuse behind it
 * (a hole in the fuse map) reads 0.
 *
 * Return: 0 or a negative errno.
 */
static int ocotp_read(void *context, unsigned int offset, void *val,
		      size_t bytes)
{
	struct ocotp_dev *ocotp = context;
	unsigned int size = ocotp->size;
	unsigned int pos = offset / 4, skip = offset % 4, len, i;
	u8 *dst = val;
	int ret, n;
	u32 word;

	if (!bytes)
		return 0;
	if (offset >= size || bytes > size - offset)
		return -EINVAL;

	mutex_lock(&ocotp->lock);
	if (otp_provider_gone(&ocotp->prov)) {
		ret = -ENODEV;
		goto unlock;
	}
	if (ocotp->soc->fsb) {
		ocotp_fsb_read(ocotp, pos, skip, dst, bytes);
		ret = 0;
		goto unlock;
	}
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
			n = ocotp_words(ocotp, pos, bytes / 4, dst);
			len = 4 * n;
		} else {
			n = ocotp_word(ocotp, pos, &word) ?: 1;
			len = min_t(size_t, 4 - skip, bytes);
			for (i = 0; i < len; i++)
				dst[i] = word >> (8 * (skip + i));
			skip = 0;
		}
		if (n < 0) {
			ret = n;
			break;
		}
		pos += n;
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
 * i.MX7 style: STROBE_PROG and FSOURCE count clock cycles, computed as
 * U-Boot's set_timing() and Linux 6.12's imx_ocotp_set_imx7_timing() do:
 * FSOURCE = ceil(f * 1001 ns) + 1, STROBE_PROG = round(f * 10 us) + 1
 * (68 and 661 at 66 MHz); the other bits of TIMING are kept, as U-Boot
 * keeps them.
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
		prog = DIV_ROUND_CLOSEST_ULL((u64)rate * OCOTP_PROG_NS,
					     NSEC_PER_SEC) + 1;
		fsource = DIV_ROUND_UP_ULL((u64)rate * OCOTP_FSOURCE_NS,
					   NSEC_PER_SEC) + 1;
		if (prog > FIELD_MAX(OCOTP_T7_STROBE_PROG) ||
		    fsource > FIELD_MAX(OCOTP_T7_FSOURCE))
			goto overflow;
		*timing = (*timing & ~(OCOTP_T7_STROBE_PROG | OCOTP_T7_FSOURCE)) |
			  FIELD_PREP(OCOTP_T7_STROBE_PROG, prog) |
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
 * struct ocotp_target - one word of a write
 * @span: where its fuse and shadow are
 * @pos: its position (NVMEM offset / 4)
 * @want: requested value
 * @have: value before programming
 */
struct ocotp_target {
	const struct ocotp_span *span;
	unsigned int pos;
	u32 want;
	u32 have;
};

/**
 * ocotp_check() - every refusal that can be known before programming
 * @ocotp: controller
 * @t: the words of the write, in order; @have is filled in
 * @count: number of words
 *
 * Reads every target word, the LOCK word and SW_STICKY, then refuses the
 * whole write when any word is read-locked, write-locked (ocotp_write_lock())
 * or would need a bit cleared.  Nothing is programmed
 * here.  Each refusal is logged with one line.
 *
 * Return: the number of words that need new bits (0: nothing to do),
 * -EPERM for a read- or write-locked word, or -EINVAL when a bit would have
 * to be cleared.
 */
static int ocotp_check(struct ocotp_dev *ocotp, struct ocotp_target *t,
		       unsigned int count)
{
	const struct ocotp_soc *soc = ocotp->soc;
	const struct ocotp_span *lspan = ocotp_span(soc, OCOTP_LOCK_ADDR);
	unsigned int i, changed = 0;
	u32 lockword, sticky;
	int ret;

	for (i = 0; i < count; i++) {
		t[i].have = ocotp_shadow(ocotp, t[i].span, t[i].pos);
		if (t[i].have != OTP_IMX_OCOTP_LOCKED)
			continue;
		/* A fuse may hold 0xbadabada; only ERROR tells a lock. */
		if (ocotp_rd(ocotp, OCOTP_CTRL) & soc->ctrl->error) {
			ocotp_clear_error(ocotp);
			dev_err(ocotp->dev, "offset %#x is read-locked and cannot be programmed; nothing written, leave it out of the write\n",
				4 * t[i].pos);
			return -EPERM;
		}
	}

	lockword = ocotp_shadow(ocotp, lspan, OCOTP_LOCK_ADDR);
	if (lockword == OTP_IMX_OCOTP_LOCKED &&
	    (ocotp_rd(ocotp, OCOTP_CTRL) & soc->ctrl->error)) {
		ocotp_clear_error(ocotp);
		dev_err(ocotp->dev, "the LOCK fuse word cannot be read, so write locks are unknown; nothing written\n");
		return -EPERM;
	}
	/*
	 * A write that programs the LOCK word is checked against the locks it
	 * adds too: the controller may apply them to the words that follow.
	 */
	for (i = 0; i < count; i++)
		if (ocotp_span_addr(t[i].span, t[i].pos) == OCOTP_LOCK_ADDR)
			lockword |= t[i].want;
	sticky = soc->sticky ? ocotp_rd(ocotp, soc->sticky_reg) : 0;
	for (i = 0; i < count; i++) {
		ret = ocotp_write_lock(ocotp, t[i].pos,
				       ocotp_span_addr(t[i].span, t[i].pos),
				       lockword, sticky);
		if (ret)
			return ret;
	}

	for (i = 0; i < count; i++) {
		if (t[i].have & ~t[i].want) {
			dev_err(ocotp->dev, "offset %#x: 0x%08x -> 0x%08x would clear bits 0x%08x; nothing written, fuses can only be set\n",
				4 * t[i].pos, t[i].have, t[i].want,
				t[i].have & ~t[i].want);
			return -EINVAL;
		}
		if (t[i].have != t[i].want)
			changed++;
	}
	return changed;
}

/**
 * ocotp_program() - blow the new bits of one word
 * @ocotp: controller
 * @t: the word
 * @timing: TIMING register value
 *
 * On the i.MX7D, CTRL.ADDR is the word's bank; the word's own DATA
 * register (DATA0..3 for words 0..3 of the bank) gets the new bits and the
 * other three get 0, written DATA1, DATA2, DATA3, DATA0: the write of DATA0
 * starts the operation (U-Boot drivers/misc/mxc_ocotp.c fuse_prog() under
 * CONFIG_MX7, and Linux 6.12 imx_ocotp_write(), program one word so).
 *
 * Return: 0, -EPERM when the controller refused (ERROR is cleared) or
 * -ETIMEDOUT.  Each failure is logged once.
 */
static int ocotp_program(struct ocotp_dev *ocotp,
			 const struct ocotp_target *t, u32 timing)
{
	const struct ocotp_ctrl *c = ocotp->soc->ctrl;
	unsigned int n = ocotp->soc->data_regs;
	unsigned int addr = ocotp_span_addr(t->span, t->pos) / n;
	unsigned int own = ocotp_span_addr(t->span, t->pos) % n;
	unsigned int i, reg;
	u32 ctrl;

	/* Also clears a pending ERROR, which would make the controller ignore us. */
	if (ocotp_wait_idle(ocotp, 0))
		goto timeout;
	ocotp_wr(ocotp, OCOTP_TIMING, timing);
	ocotp_wr(ocotp, OCOTP_CTRL,
		 FIELD_PREP(OCOTP_CTRL_UNLOCK, OCOTP_UNLOCK_KEY) |
		 (addr << __ffs(c->addr)));
	for (i = 1; i <= n; i++) {
		reg = i % n;
		ocotp_wr(ocotp, OCOTP_DATA(reg),
			 reg == own ? t->want & ~t->have : 0);
	}

	if (read_poll_timeout(ocotp_rd, ctrl,
			      !(ctrl & c->busy) || (ctrl & c->error),
			      OCOTP_POLL_US, OCOTP_TIMEOUT_US, false,
			      ocotp, OCOTP_CTRL))
		goto timeout;
	if (ctrl & c->error) {
		ocotp_clear_error(ocotp);
		dev_err(ocotp->dev, "offset %#x: the controller refused to program it (locked); earlier words of this write may be programmed, read them back\n",
			4 * t->pos);
		return -EPERM;
	}
	udelay(OCOTP_POSTAMBLE_US);
	return 0;

timeout:
	dev_err(ocotp->dev, "offset %#x: controller stayed busy for %u ms, programming stopped; check the OCOTP clock and retry\n",
		4 * t->pos, OCOTP_TIMEOUT_US / 1000);
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
 * @t: the words of the write
 * @count: number of words
 *
 * Return: 0, or -EIO when a word differs (each one logged).
 */
static int ocotp_verify(struct ocotp_dev *ocotp, const struct ocotp_target *t,
			unsigned int count)
{
	unsigned int i;
	int ret = 0;
	u32 data;

	for (i = 0; i < count; i++) {
		data = ocotp_shadow(ocotp, t[i].span, t[i].pos);
		if (data == OTP_IMX_OCOTP_LOCKED)
			ocotp_clear_error(ocotp);
		if (data != t[i].want) {
			dev_err(ocotp->dev, "offset %#x reads 0x%08x after programming 0x%08x; the fuses did not take the value\n",
				4 * t[i].pos, data, t[i].want);
			ret = -EIO;
		}
	}
	return ret;
}

/**
 * ocotp_write_locked() - program words, controller lock and clock held
 * @ocotp: controller
 * @t: the words of the write
 * @count: number of words
 *
 * Every word that needs new bits is one program operation; the others are
 * not touched.
 *
 * Return: 0 or a negative errno.
 */
static int ocotp_write_locked(struct ocotp_dev *ocotp, struct ocotp_target *t,
			      unsigned int count)
{
	unsigned int i, programmed = 0;
	u32 timing;
	int ret;

	ret = ocotp_wait_idle(ocotp, 0);
	if (ret) {
		dev_err(ocotp->dev, "controller busy, nothing programmed; retry later\n");
		return ret;
	}

	ret = ocotp_check(ocotp, t, count);
	if (ret <= 0)
		return ret;

	timing = ocotp_rd(ocotp, OCOTP_TIMING);
	ret = ocotp_timing(ocotp, &timing);
	if (ret)
		return ret;

	for (i = 0; i < count; i++) {
		if (t[i].want == t[i].have)
			continue;
		ret = ocotp_program(ocotp, &t[i], timing);
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
			ret = ocotp_verify(ocotp, t, count);
	} else {
		/* Keep the shadows in step with what was blown so far. */
		ocotp_reload(ocotp);
	}
	return ret;
}

/**
 * ocotp_targets() - map a write onto fuse words, refusing what has no fuse
 * @ocotp: controller
 * @offset: first byte
 * @val: new values, little-endian words
 * @bytes: number of bytes
 *
 * Return: the words of the write, or an ERR_PTR(): -EINVAL (logged) when
 * the range is not made of whole words, runs past the device or covers a
 * position with no fuse behind it.
 */
static struct ocotp_target *ocotp_targets(struct ocotp_dev *ocotp,
					  unsigned int offset, const u8 *val,
					  size_t bytes)
{
	const struct ocotp_soc *soc = ocotp->soc;
	unsigned int size = ocotp->size;
	unsigned int i, pos;
	struct ocotp_target *t;

	if (!bytes || offset % 4 || bytes % 4) {
		dev_err(ocotp->dev, "write of %zu bytes at offset %#x refused: fuses are programmed in whole 4-byte words; nothing written, use an offset and length that are multiples of 4\n",
			bytes, offset);
		return ERR_PTR(-EINVAL);
	}
	if (offset >= size || bytes > size - offset) {
		dev_err(ocotp->dev, "write of %zu bytes at offset %#x refused: the fuse array has %u bytes; nothing written\n",
			bytes, offset, size);
		return ERR_PTR(-EINVAL);
	}

	t = kcalloc(bytes / 4, sizeof(*t), GFP_KERNEL);
	if (!t)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < bytes / 4; i++) {
		pos = offset / 4 + i;
		t[i].pos = pos;
		t[i].span = ocotp_span(soc, pos);
		t[i].want = get_unaligned_le32(val + 4 * i);
		if (!t[i].span ||
		    ocotp_span_addr(t[i].span, pos) / soc->data_regs >
		    soc->ctrl->addr >> __ffs(soc->ctrl->addr)) {
			dev_err(ocotp->dev, "offset %#x (bank %u word %u) has no fuse behind it on the %s; nothing written\n",
				4 * pos, pos / soc->bank_words,
				pos % soc->bank_words, soc->name);
			kfree(t);
			return ERR_PTR(-EINVAL);
		}
	}
	return t;
}

/**
 * ocotp_write() - nvmem reg_write callback
 * @context: controller
 * @offset: first byte, multiple of 4
 * @val: new values, little-endian words
 * @bytes: number of bytes, a multiple of 4
 *
 * Fuses are programmed in whole 32-bit words, with no hidden merge of a
 * partial word: the caller states the value of every word it writes.  Every refusal that can be
 * known beforehand (no fuse at an offset, a read lock, a write lock in the
 * LOCK word, a bit that would have to be cleared, an unusable clock)
 * refuses the whole write before the first fuse is blown; only a refusal
 * that the controller alone knows can stop a write half-way.
 *
 * Return: 0 (nvmem core then reports @bytes written) or a negative errno;
 * see ocotp_write_locked().
 */
static int ocotp_write(void *context, unsigned int offset, void *val,
		       size_t bytes)
{
	struct ocotp_dev *ocotp = context;
	struct ocotp_target *t;
	int ret;

	mutex_lock(&ocotp->lock);
	if (otp_provider_gone(&ocotp->prov)) {
		mutex_unlock(&ocotp->lock);
		return -ENODEV;
	}
	t = ocotp_targets(ocotp, offset, val, bytes);
	if (IS_ERR(t)) {
		mutex_unlock(&ocotp->lock);
		return PTR_ERR(t);
	}

	ret = clk_prepare_enable(ocotp->clk);
	if (ret) {
		dev_err(ocotp->dev, "cannot enable the OCOTP clock (%d); check the clocks property\n",
			ret);
	} else {
		ret = ocotp_write_locked(ocotp, t, bytes / 4);
		clk_disable_unprepare(ocotp->clk);
	}
	mutex_unlock(&ocotp->lock);

	kfree(t);
	return ret;
}

/*
 * The i.MX parts up to the i.MX93 hold a MAC address last byte first:
 * U-Boot arch/arm/mach-imx/mac.c imx_get_mac_from_fuse() takes MAC byte 0
 * from the top of the highest fuse word on the i.MX6, i.MX7 and i.MX8MP
 * alike.  Linux 6.12 imx-ocotp.c and imx-ocotp-ele.c hang
 * imx_ocotp_cell_pp() on every cell of every compatible they serve, and it
 * reverses the bytes when the consumer asked for the cell as
 * "mac-address" (the FEC's nvmem-cell-names), whatever the cell's node is
 * called: imx6qdl.dtsi and imx6ul.dtsi name theirs "mac-addr@88".  Not the
 * i.MX95 (@mac_in_order).
 */
static bool ocotp_cell_reversed(const char *id)
{
	return id && !strcmp(id, "mac-address");
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

/* Removal: the read and write callbacks test @gone under the lock. */
static void ocotp_quiesce(struct otp_provider *prov)
{
	struct ocotp_dev *ocotp = container_of(prov, struct ocotp_dev, prov);

	mutex_lock(&ocotp->lock);
	mutex_unlock(&ocotp->lock);
}

static void ocotp_release(struct otp_provider *prov)
{
	struct ocotp_dev *ocotp = container_of(prov, struct ocotp_dev, prov);

	if (ocotp->id >= 0)
		otp_provider_id_put(ocotp->id);
	bitmap_free(ocotp->ded_told);
	mutex_destroy(&ocotp->lock);
	kfree(ocotp);
}

/**
 * otp_imx_ocotp_locks_show() - the lock state of a controller, one line
 *	per lock region
 * @s: where to print
 * @unused: unused
 *
 * For each field of the LOCK fuse word: its bits, the fuse words it guards
 * (fuse addresses as CTRL.ADDR counts them, NVMEM offsets of their first
 * and last word), its value, and what it blocks now (programming, shadow
 * writes, reads); then LOCK bits whose meaning or region is not public,
 * and the SW_STICKY locks.  s->private is the controller.
 *
 * Return: 0, or the errno of a failed register access.
 */
int otp_imx_ocotp_locks_show(struct seq_file *s, void *unused)
{
	struct ocotp_dev *ocotp = s->private;
	const struct ocotp_soc *soc = ocotp->soc;
	const struct ocotp_span *lspan = ocotp_span(soc, OCOTP_LOCK_ADDR);
	u32 lockword = 0, sticky = 0;
	bool unreadable = false;
	int ret;

	mutex_lock(&ocotp->lock);
	ret = otp_provider_gone(&ocotp->prov) ? -ENODEV :
	      clk_prepare_enable(ocotp->clk);
	if (ret)
		goto unlock;
	ret = ocotp_wait_idle(ocotp, 0);
	if (!ret) {
		lockword = ocotp_shadow(ocotp, lspan, OCOTP_LOCK_ADDR);
		if (lockword == OTP_IMX_OCOTP_LOCKED &&
		    (ocotp_rd(ocotp, OCOTP_CTRL) & soc->ctrl->error)) {
			ocotp_clear_error(ocotp);
			unreadable = true;
		}
		if (soc->sticky)
			sticky = ocotp_rd(ocotp, soc->sticky_reg);
	}
	clk_disable_unprepare(ocotp->clk);
unlock:
	mutex_unlock(&ocotp->lock);
	if (ret)
		return ret;

	ocotp_locks_print(s, soc, lockword, sticky, unreadable);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_ocotp_locks_show);

/* debugfs' full proxy keeps the file safe against removal mid-read. */
DEFINE_SHOW_ATTRIBUTE(otp_imx_ocotp_locks);

static void ocotp_debugfs_remove(void *data)
{
	struct ocotp_dev *ocotp = data;

	debugfs_remove_recursive(ocotp->debugfs);
}

/**
 * otp_imx_ocotp_register() - register the NVMEM device of one controller
 * @dev: device that owns the controller; resources are device-managed
 * @io: controller registers, up to the last shadow of the SoC's fuse words
 * @clk: controller clock (the platform glue requires one but on the
 *	i.MX93/95), or NULL (then programming is refused)
 * @soc: the SoC's description, the match data of its compatible
 * @read_only: register without a write path
 *
 * Everything of the probe that does not depend on the bus: NVMEM device
 * numbering and registration, DT cells and the MAC cell byte order.
 *
 * Return: the NVMEM device, or an ERR_PTR().
 */
struct nvmem_device *otp_imx_ocotp_register(struct device *dev,
					    const struct otp_imx_ocotp_io *io,
					    struct clk *clk,
					    const struct ocotp_soc *soc,
					    bool read_only)
{
	struct nvmem_config cfg = { };
	struct nvmem_device *nvmem;
	struct ocotp_dev *ocotp;
	int id, ret;

	ocotp = kzalloc(sizeof(*ocotp), GFP_KERNEL);
	if (!ocotp)
		return ERR_PTR(-ENOMEM);
	ocotp->prov.release = ocotp_release;
	ocotp->prov.quiesce = ocotp_quiesce;
	ocotp->soc = soc;
	/*
	 * A read-locked word raised ERROR: clear it before the next read (the
	 * OCOTP controller; the FSB parts have none).
	 */
	if (soc->ctrl) {
		ocotp->locked_ack.on = OTP_IMX_OCOTP_LOCKED;
		ocotp->locked_ack.reg = OCOTP_CTRL_CLR;
		ocotp->locked_ack.val = soc->ctrl->error;
	}
	ocotp->size = soc->banks * soc->bank_words * 4;
	ocotp->dev = dev;
	ocotp->io = io;
	ocotp->clk = clk;
	mutex_init(&ocotp->lock);
	if (soc->ded) {
		ocotp->ded_told = bitmap_zalloc(ocotp->size / 4, GFP_KERNEL);
		if (!ocotp->ded_told) {
			ocotp->id = -1;
			ocotp_release(&ocotp->prov);
			return ERR_PTR(-ENOMEM);
		}
	}

	ocotp->id = otp_provider_id_get();
	if (ocotp->id < 0) {
		id = ocotp->id;
		ocotp_release(&ocotp->prov);
		return ERR_PTR(id);
	}

	cfg.dev = dev;
	cfg.name = "imx-ocotp";
	cfg.id = ocotp->id;
	cfg.owner = THIS_MODULE;
	cfg.type = NVMEM_TYPE_OTP;
	cfg.size = ocotp->size;
	cfg.word_size = 1;
	cfg.stride = 1;
	cfg.priv = ocotp;
	cfg.reg_read = ocotp_read;
	if (!read_only && !ocotp->soc->locks) {
		dev_info(dev, "%s fuses registered read-only: %s\n",
			 ocotp->soc->name, ocotp->soc->no_prog);
		read_only = true;
	}
	cfg.read_only = read_only;
	if (!read_only)
		cfg.reg_write = ocotp_write;
	otp_nvmem_legacy_cells(&cfg);
	if (!ocotp->soc->mac_in_order)
		ocotp_reversed_mac_cells(&cfg);

	/* From here on @ocotp goes with the NVMEM device. */
	nvmem = otp_provider_register(dev, &cfg, &ocotp->prov);
	if (IS_ERR(nvmem))
		return nvmem;
	/* The FSB parts have no LOCK word to show. */
	if (soc->fsb)
		return nvmem;
	/* The lock view: /sys/kernel/debug/otp-imx-ocotp/imx-ocotpN/locks */
	ocotp->debugfs = debugfs_create_dir(nvmem_dev_name(nvmem),
					    otp_provider_debugfs_root());
	debugfs_create_file("locks", 0444, ocotp->debugfs, ocotp,
			    &otp_imx_ocotp_locks_fops);
	ret = devm_add_action_or_reset(dev, ocotp_debugfs_remove, ocotp);
	return ret ? ERR_PTR(ret) : nvmem;
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_ocotp_register);
