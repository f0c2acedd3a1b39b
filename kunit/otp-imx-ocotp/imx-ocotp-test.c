// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the i.MX OCOTP NVMEM provider.
 *
 * A harness platform driver, bound to the nodes of an overlay, builds an
 * emulated controller (ocotp-emu.c) and a fixed-rate clock and hands
 * them to otp_imx_ocotp_register().  Tests drive the resulting NVMEM devices
 * through the consumer API and check the emulator's state.  Expected values
 * come from the seed dump and from the manuals' formulas, never from the
 * driver.
 */

#include <kunit/test.h>
#include <linux/clk.h>
#include <linux/clk-provider.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/fcntl.h>
#include <linux/kthread.h>
#include <linux/if_ether.h>
#include <linux/module.h>
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/of_net.h>
#include <linux/platform_device.h>
#include <linux/prandom.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "otp-kunit.h"
#include "imx-ocotp-io.h"
#include "ocotp-emu.h"
#include "imx-ocotp-test.dtbo.h"
#include "imx-ocotp-bad.dtbo.h"
#include "imx-ocotp-cells-bad.dtbo.h"
#include "imx-ocotp-addrcells-bad.dtbo.h"
#include "imx-ocotp-bits-bad.dtbo.h"

#define NODE_RW		"/otp-kunit-ocotp"
#define NODE_CONSUMER	"/otp-kunit-ocotp-consumer"
#define NODE_CONSUMER2	"/otp-kunit-ocotp-consumer2"
#define NODE_NOREG	"/otp-kunit-ocotp-noreg"
#define NODE_SMALL	"/otp-kunit-ocotp-small@7f008000"
#define NODE_NOCLK	"/otp-kunit-ocotp-noclk@7f00a000"

#define LOCKED		0xbadabada
#define RATE_24M	24000000UL

/*
 * The ConnectCore 8M Mini dump of the seed (imx8mm_seed_words[]), from
 * tests/data/imx8mm-seed.words as the QEMU register image is.
 */
#include "imx8mm-seed.words.h"

/*
 * The SoC trees of the kernel this suite is built against, their OTP cells
 * and consumers (tests/gen-upstream-cells.py, run by Kbuild).
 */
#include "otp-upstream.h"
#include "imx-upstream-cells.h"

/**
 * struct test_soc - what a user of a SoC's NVMEM device expects
 * @compatible: DT compatible
 * @bank_words: words per bank as U-Boot's "fuse read/prog BANK WORD"
 *	counts them (FUSE_BANK_SIZE / 0x10): offset / 4 = bank * this + word
 * @banks: banks as U-Boot counts them (FUSE_BANKS)
 * @half_banks: banks 7 and 8 have four words each, and U-Boot's bank 8 is
 *	the second half of the reference manual's bank 7 (i.MX6ULL/6SLL)
 * @addr_words: fuse words one CTRL.ADDR value selects: 4 on the i.MX7D,
 *	whose CTRL.ADDR is the bank (U-Boot setup_direct_access(): addr =
 *	bank under CONFIG_MX7), 1 elsewhere
 * @writable: the provider offers programming (a LOCK map is known)
 * @mac_in_order: the board's U-Boot reads the MAC first byte first, so a
 *	"mac-address" cell gives the fuse bytes unreversed (i.MX95)
 *
 * The offset convention is the project's choice (README, "Offsets"); the
 * numbers are U-Boot's, drivers/misc/mxc_ocotp.c.  Where each fuse's shadow
 * register sits is the emulator's business (ocotp-emu.c), from the
 * reference manuals.
 */
struct test_soc {
	const char *compatible;
	unsigned int bank_words;
	unsigned int banks;
	bool half_banks;
	unsigned int addr_words;
	bool writable;
	bool mac_in_order;
};

static const struct test_soc test_socs[] = {
	{
		.compatible = "fsl,imx6q-ocotp",
		.bank_words = 8,
		.banks = 16,
		.addr_words = 1,
		.writable = true,
	},
	{
		.compatible = "fsl,imx6sl-ocotp",
		.bank_words = 8,
		.banks = 8,
		.addr_words = 1,
		.writable = true,
	},
	{
		.compatible = "fsl,imx6sll-ocotp",
		.bank_words = 8,
		.banks = 9,
		.half_banks = true,
		.addr_words = 1,
	},
	{
		.compatible = "fsl,imx6sx-ocotp",
		.bank_words = 8,
		.banks = 16,
		.addr_words = 1,
	},
	{
		.compatible = "fsl,imx6ul-ocotp",
		.bank_words = 8,
		.banks = 16,
		.addr_words = 1,
		.writable = true,
	},
	{
		.compatible = "fsl,imx6ull-ocotp",
		.bank_words = 8,
		.banks = 9,
		.half_banks = true,
		.addr_words = 1,
		.writable = true,
	},
	{
		.compatible = "fsl,imx7d-ocotp",
		.bank_words = 4,
		.banks = 16,
		.addr_words = 4,
		.writable = true,
	},
	{
		.compatible = "fsl,imx7ulp-ocotp",
		.bank_words = 8,
		.banks = 31,
		.addr_words = 1,
	},
	{
		.compatible = "fsl,imx8mq-ocotp",
		.bank_words = 4,
		.banks = 64,
		.addr_words = 1,
		.writable = true,
	},
	{
		.compatible = "fsl,imx8mm-ocotp",
		.bank_words = 4,
		.banks = 64,
		.addr_words = 1,
		.writable = true,
	},
	{
		.compatible = "fsl,imx8mn-ocotp",
		.bank_words = 4,
		.banks = 64,
		.addr_words = 1,
		.writable = true,
	},
	{
		.compatible = "fsl,imx8mp-ocotp",
		.bank_words = 4,
		.banks = 96,
		.addr_words = 1,
		.writable = true,
	},
};

/*
 * The FSB parts, apart from the OCOTP table: no case above applies to
 * them (no controller registers, no LOCK word).  64 banks of 8 words as
 * U-Boot's i.MX9 fuse code counts them (FUSE_BANKS, WORDS_PER_BANKS).
 */
static const struct test_soc fsb_socs[] = {
	{ .compatible = "fsl,imx93-ocotp", .bank_words = 8, .banks = 64 },
	/*
	 * The i.MX95's MAC is first byte first: U-Boot's i.MX95 code
	 * (arch/arm/mach-imx/imx9/scmi/soc.c, imx_get_mac_from_fuse())
	 * takes byte 0 from bits 7:0 of bank 40 word 5.
	 */
	{ .compatible = "fsl,imx95-ocotp", .bank_words = 8, .banks = 64,
	  .mac_in_order = true },
};

/* The SoC a case names, found by its compatible. */
static const struct test_soc *soc_of(struct kunit *test, const char *compatible)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(test_socs); i++)
		if (!strcmp(test_socs[i].compatible, compatible))
			return &test_socs[i];
	for (i = 0; i < ARRAY_SIZE(fsb_socs); i++)
		if (!strcmp(fsb_socs[i].compatible, compatible))
			return &fsb_socs[i];
	KUNIT_FAIL(test, "no SoC %s in the suite's table", compatible);
	return &test_socs[0];
}

#define SOC_6Q		"fsl,imx6q-ocotp"
#define SOC_7D		"fsl,imx7d-ocotp"
#define SOC_7ULP	"fsl,imx7ulp-ocotp"
#define SOC_8MM		"fsl,imx8mm-ocotp"
#define SOC_8MP		"fsl,imx8mp-ocotp"

static unsigned int soc_size(const struct test_soc *soc)
{
	return 4 * soc->banks * soc->bank_words;
}

/*
 * The fuse address (the reference manual's bank * words + word, what
 * CTRL.ADDR selects) behind word position @pos, or -1 where the user's
 * numbering has no fuse.
 */
static int soc_fuse_addr(const struct test_soc *soc, unsigned int pos)
{
	unsigned int bank = pos / soc->bank_words, word = pos % soc->bank_words;

	if (bank >= soc->banks)
		return -1;
	if (soc->half_banks && bank >= 7) {
		if (word >= 4)
			return -1;
		if (bank == 8)
			return 7 * 8 + 4 + word;
	}
	return pos;
}

struct test_inst {
	struct device *dev;
	struct nvmem_device *nvmem;
	struct ocotp_emu *emu;
	int err;
};

/**
 * struct test_ctx - configuration for the harness, results of its probes
 * @soc: variant to build
 * @rate: clock rate
 * @words: initial fuse values by fuse address, NULL for blank fuses
 * @nwords: number of @words
 * @busy_cycles: emulator BUSY length
 * @timing_reset: TIMING value before the driver touches it
 * @clk_fails: the controller clock cannot be enabled
 * @rw: the writable controller
 * @ro: the read-only controller
 * @harness: the test's own harness driver, whose probe builds @rw and @ro
 */
struct test_ctx {
	const struct test_soc *soc;
	unsigned long rate;
	const u32 *words;
	unsigned int nwords;
	unsigned int busy_cycles;
	u32 timing_reset;
	bool clk_fails;
	struct test_inst rw;
	struct test_inst ro;
	struct platform_driver harness;
};

/* A clock that cannot be turned on (a gate whose parent is broken). */
static int failing_clk_prepare(struct clk_hw *hw)
{
	return -EIO;
}

static unsigned long failing_clk_rate(struct clk_hw *hw, unsigned long parent)
{
	return RATE_24M;
}

static const struct clk_ops failing_clk_ops = {
	.prepare = failing_clk_prepare,
	.recalc_rate = failing_clk_rate,
};

static int harness_probe(struct platform_device *pdev)
{
	struct device *hdev = &pdev->dev;
	struct test_ctx *ctx = container_of(to_platform_driver(hdev->driver),
					    struct test_ctx, harness);
	const struct ocotp_emu_cfg *ecfg;
	const struct ocotp_soc *soc;
	struct clk_init_data init = { };
	struct nvmem_device *nvmem;
	struct test_inst *inst;
	struct ocotp_emu *emu;
	struct clk_hw *hw;
	struct clk *clk;
	bool ro;

	ro = of_property_read_bool(hdev->of_node, "read-only");
	inst = ro ? &ctx->ro : &ctx->rw;

	/* What the platform driver's match data would be, resolved once. */
	soc = otp_imx_ocotp_soc(ctx->soc->compatible);
	ecfg = ocotp_emu_variant(ctx->soc->compatible);
	if (!soc || !ecfg)
		return inst->err = -ENOENT;
	emu = ocotp_emu_create(hdev, ecfg);
	if (IS_ERR(emu))
		return inst->err = PTR_ERR(emu);
	if (ctx->words)
		ocotp_emu_load(emu, ctx->words, ctx->nwords);
	emu->busy_cycles = ctx->busy_cycles;
	emu->timing = ctx->timing_reset;

	if (ctx->clk_fails) {
		hw = devm_kzalloc(hdev, sizeof(*hw), GFP_KERNEL);
		if (!hw)
			return inst->err = -ENOMEM;
		init.name = dev_name(hdev);
		init.ops = &failing_clk_ops;
		hw->init = &init;
		inst->err = devm_clk_hw_register(hdev, hw);
		if (inst->err)
			return inst->err;
	} else {
		hw = devm_clk_hw_register_fixed_rate(hdev, dev_name(hdev), NULL,
						     0, ctx->rate);
	}
	if (IS_ERR(hw))
		return inst->err = PTR_ERR(hw);
	clk = devm_clk_hw_get_clk(hdev, hw, "ocotp");
	if (IS_ERR(clk))
		return inst->err = PTR_ERR(clk);

	nvmem = otp_imx_ocotp_register(hdev, &emu->io, clk, soc, ro);
	if (IS_ERR(nvmem))
		return inst->err = PTR_ERR(nvmem);
	inst->dev = hdev;
	inst->nvmem = nvmem;
	inst->emu = emu;
	inst->err = 0;
	return 0;
}

static const struct of_device_id harness_of_match[] = {
	{ .compatible = "otp-kunit,imx-ocotp-harness" },
	{ /* sentinel */ }
};

static int ocotp_test_init(struct kunit *test)
{
	struct test_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx);
	ctx->soc = soc_of(test, SOC_8MM);
	ctx->rate = RATE_24M;
	ctx->words = imx8mm_seed_words;
	ctx->nwords = ARRAY_SIZE(imx8mm_seed_words);
	ctx->busy_cycles = 2;
	ctx->rw.err = -ENODEV;
	ctx->ro.err = -ENODEV;
	ctx->harness.probe = harness_probe;
	ctx->harness.driver.of_match_table = harness_of_match;
	test->priv = ctx;
	return otp_kunit_harness_register(test, &ctx->harness, "imx-ocotp");
}

static void ocotp_test_exit(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;

	/*
	 * Whatever the case, the driver stayed on the controller's registers,
	 * wrote none of the shadows, and neither read a shadow nor wrote a
	 * DATA register while a request was in flight.
	 */
	if (ctx->rw.emu) {
		KUNIT_EXPECT_EQ(test, ctx->rw.emu->hole_reads, 0);
		KUNIT_EXPECT_EQ(test, ctx->rw.emu->stray, 0);
		KUNIT_EXPECT_EQ(test, ctx->rw.emu->shadow_writes, 0);
		KUNIT_EXPECT_EQ(test, ctx->rw.emu->busy_reads, 0);
		KUNIT_EXPECT_EQ(test, ctx->rw.emu->busy_data_writes, 0);
	}
	if (ctx->ro.emu) {
		KUNIT_EXPECT_EQ(test, ctx->ro.emu->hole_reads, 0);
		KUNIT_EXPECT_EQ(test, ctx->ro.emu->stray, 0);
		KUNIT_EXPECT_EQ(test, ctx->ro.emu->shadow_writes, 0);
		KUNIT_EXPECT_EQ(test, ctx->ro.emu->busy_reads, 0);
	}
}

/* Create both controllers as configured in test->priv. */
static struct test_ctx *ocotp_start(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, imx_ocotp_test_dtbo,
						      sizeof(imx_ocotp_test_dtbo)),
			0);
	KUNIT_ASSERT_EQ(test, ctx->rw.err, 0);
	KUNIT_ASSERT_EQ(test, ctx->ro.err, 0);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->rw.nvmem);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->ro.nvmem);
	return ctx;
}

/* What word position @pos reads: its fuse, or 0 where there is none. */
static u32 model_word(const struct test_ctx *ctx, unsigned int pos)
{
	int addr = soc_fuse_addr(ctx->soc, pos);

	if (!ctx->words || addr < 0 || addr >= ctx->nwords)
		return 0;
	return ctx->words[addr];
}

static u8 model_byte(const struct test_ctx *ctx, unsigned int off)
{
	return model_word(ctx, off / 4) >> (8 * (off % 4));
}

static int write_words(struct nvmem_device *nvmem, unsigned int word,
		       const u32 *vals, unsigned int n)
{
	u8 buf[64];
	unsigned int i;

	for (i = 0; i < n && i < sizeof(buf) / 4; i++) {
		buf[4 * i] = vals[i];
		buf[4 * i + 1] = vals[i] >> 8;
		buf[4 * i + 2] = vals[i] >> 16;
		buf[4 * i + 3] = vals[i] >> 24;
	}
	return nvmem_device_write(nvmem, 4 * word, 4 * n, buf);
}

static int read_word(struct nvmem_device *nvmem, unsigned int word, u32 *val)
{
	u8 buf[4];
	int ret;

	ret = nvmem_device_read(nvmem, 4 * word, 4, buf);
	*val = buf[0] | buf[1] << 8 | buf[2] << 16 | (u32)buf[3] << 24;
	return ret;
}

/* First fuse address where the emulator's fuses and @before differ, -1 if none. */
static int fuse_diff(const struct ocotp_emu *emu, const u32 *before)
{
	unsigned int i;

	for (i = 0; i < emu->naddrs; i++)
		if (emu->fuse[i] != before[i])
			return i;
	return -1;
}

static u32 *fuse_snapshot(struct kunit *test, const struct ocotp_emu *emu)
{
	u32 *copy = kunit_kmalloc_array(test, emu->naddrs, sizeof(u32),
					GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, copy);
	memcpy(copy, emu->fuse, emu->naddrs * sizeof(u32));
	return copy;
}

static void expect_fuses_unchanged(struct kunit *test,
				   const struct ocotp_emu *emu, const u32 *before)
{
	unsigned int i;

	for (i = 0; i < emu->naddrs; i++)
		KUNIT_EXPECT_EQ_MSG(test, emu->fuse[i], before[i],
				    "fuse address %u", i);
}

/* ---- reads ---- */

struct read_case {
	unsigned int len;	/* 0: up to the end of the device */
};

static const struct read_case read_cases[] = {
	{ 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 }, { 7 }, { 8 }, { 9 },
	{ 12 }, { 16 }, { 17 }, { 0 },
};

static void read_case_desc(const struct read_case *c, char *desc)
{
	if (c->len)
		snprintf(desc, KUNIT_PARAM_DESC_SIZE, "len=%u at every offset",
			 c->len);
	else
		snprintf(desc, KUNIT_PARAM_DESC_SIZE, "every offset to the end");
}

KUNIT_ARRAY_PARAM(read_len, read_cases, read_case_desc);

static void check_range(struct kunit *test, struct test_ctx *ctx, u8 *buf,
			unsigned int off, unsigned int len, bool *failed)
{
	unsigned int i;
	int ret;

	/* Sweeps do thousands of reads: let RCU and others run on !PREEMPT. */
	cond_resched();
	ret = nvmem_device_read(ctx->rw.nvmem, off, len, buf);
	if (ret != len) {
		KUNIT_FAIL(test, "read %u@%u returned %d", len, off, ret);
		*failed = true;
		return;
	}
	for (i = 0; i < len; i++) {
		if (buf[i] != model_byte(ctx, off + i)) {
			KUNIT_FAIL(test, "read %u@%u: byte %u is 0x%02x, expected 0x%02x",
				   len, off, off + i, buf[i],
				   model_byte(ctx, off + i));
			*failed = true;
			return;
		}
	}
}

static void read_every_offset(struct kunit *test)
{
	const struct read_case *c = test->param_value;
	struct test_ctx *ctx = ocotp_start(test);
	unsigned int size = soc_size(ctx->soc), off, len;
	bool failed = false;
	u8 *buf;

	buf = kunit_kmalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	for (off = 0; off < size && !failed; off++) {
		len = c->len ?: size - off;
		if (off + len > size)
			break;
		check_range(test, ctx, buf, off, len, &failed);
	}
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->ctrl & ocotp_emu_error(ctx->rw.emu),
			0);
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->shadow_writes, 0);
	/* ERROR was cleared after every locked word, before the next read. */
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->blocked_reads, 0);
}

static void read_every_length(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	unsigned int size = soc_size(ctx->soc), off, len;
	bool failed = false;
	u8 *buf;

	buf = kunit_kmalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	for (off = 0; off < 4 && !failed; off++)
		for (len = 1; off + len <= size && !failed; len++)
			check_range(test, ctx, buf, off, len, &failed);
	/* Past the end fails. */
	KUNIT_EXPECT_LT(test, nvmem_device_read(ctx->rw.nvmem, size - 2, 4, buf),
			0);
}

static unsigned int model_locked(const struct test_ctx *ctx,
				 unsigned int first, unsigned int n)
{
	unsigned int i, locked = 0;

	for (i = first; i < first + n; i++)
		locked += model_word(ctx, i) == LOCKED;
	return locked;
}

/*
 * Register traffic of a read: one shadow read per word touched; besides
 * that only the ERROR clear each read-locked word needs and at most two
 * further accesses.
 */
static void expect_read_cost(struct kunit *test, struct test_ctx *ctx,
			     unsigned int off, unsigned int len)
{
	struct ocotp_emu *emu = ctx->rw.emu;
	unsigned int first = off / 4, n = (off + len + 3) / 4 - first;
	unsigned int locked = model_locked(ctx, first, n);
	unsigned long acc, shadows;
	u8 *buf;

	buf = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	acc = emu->reads + emu->writes;
	shadows = emu->shadow_reads;
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw.nvmem, off, len, buf),
			len);
	kunit_info(test, "%u bytes at 0x%x: %lu register accesses (%lu shadow reads), floor %u\n",
		   len, off, emu->reads + emu->writes - acc,
		   emu->shadow_reads - shadows, n + model_locked(ctx, first, n));
	KUNIT_EXPECT_EQ_MSG(test, emu->shadow_reads - shadows, n,
			    "read %u@%u", len, off);
	KUNIT_EXPECT_LE_MSG(test, emu->reads + emu->writes - acc,
			    n + locked + 2, "read %u@%u", len, off);
}

static void read_access_count(struct kunit *test)
{
	struct test_ctx *ctx;

	/* Settled controller: no BUSY left over from anything. */
	((struct test_ctx *)test->priv)->busy_cycles = 0;
	ctx = ocotp_start(test);
	expect_read_cost(test, ctx, 0, soc_size(ctx->soc));
	expect_read_cost(test, ctx, 37 * 4, 4);
	expect_read_cost(test, ctx, 0x92, 4);
	expect_read_cost(test, ctx, 16 * 4, 4);
	/* the "make bench" shapes: 2 bytes across words 20/21, the MAC cell */
	expect_read_cost(test, ctx, 0x53, 2);
	expect_read_cost(test, ctx, 0x90, 6);
}

static void read_locked_clears_error(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 val, vals[1] = { 0x00000f00 };

	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 16, &val), 4);
	KUNIT_EXPECT_EQ(test, val, LOCKED);
	KUNIT_EXPECT_EQ(test, emu->ctrl & ocotp_emu_error(emu), 0);

	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), 4);
	KUNIT_EXPECT_EQ(test, val, imx8mm_seed_words[37]);

	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 24, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->fuse[24], vals[0]);
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 24, &val), 4);
	KUNIT_EXPECT_EQ(test, val, vals[0]);
}

/* An ERROR left behind by someone else does not block the provider. */
static void stale_error_recovered(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 val, vals[1] = { 0x80000001 };

	emu->ctrl |= ocotp_emu_error(emu);
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), 4);
	KUNIT_EXPECT_EQ(test, val, imx8mm_seed_words[37]);

	emu->ctrl |= ocotp_emu_error(emu);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 25, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->fuse[25], vals[0]);
	KUNIT_EXPECT_EQ(test, emu->ctrl & ocotp_emu_error(emu), 0);
}

static struct kunit_case ocotp_read_cases[] = {
	KUNIT_CASE_PARAM(read_every_offset, read_len_gen_params),
	KUNIT_CASE(read_every_length),
	KUNIT_CASE(read_access_count),
	KUNIT_CASE(read_locked_clears_error),
	KUNIT_CASE(stale_error_recovered),
	{}
};

static struct kunit_suite ocotp_read_suite = {
	.name = "otp-imx-ocotp-read",
	.init = ocotp_test_init,
	.exit = ocotp_test_exit,
	.test_cases = ocotp_read_cases,
};

/* The mode sysfs gives the "nvmem" file of @inst's NVMEM device. */
static umode_t nvmem_file_mode(struct kunit *test, const struct test_inst *inst)
{
	struct device *ndev = otp_kunit_nvmem_dev(inst->dev, inst->nvmem);
	umode_t mode;

	KUNIT_ASSERT_NOT_NULL(test, ndev);
	KUNIT_EXPECT_NOT_NULL(test, otp_kunit_sysfs_bin(ndev, "nvmem", &mode));
	put_device(ndev);
	return mode;
}

/* A write(2) of @len bytes at @pos to the binary file @name of @inst. */
static ssize_t nvmem_file_write(struct kunit *test, const struct test_inst *inst,
				const char *name, void *buf, size_t len,
				loff_t pos)
{
	struct device *ndev = otp_kunit_nvmem_dev(inst->dev, inst->nvmem);
	ssize_t ret;

	KUNIT_ASSERT_NOT_NULL(test, ndev);
	ret = otp_kunit_sysfs_bin_write(ndev, name, buf, len, pos);
	put_device(ndev);
	return ret;
}

/* ---- writes ---- */

static void write_clear_bit_refused(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 *before = fuse_snapshot(test, emu);
	u32 vals[1] = { 0x12345678 };
	unsigned long acc = emu->writes;

	KUNIT_ASSERT_NE(test, imx8mm_seed_words[37] & ~vals[0], 0);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 37, vals, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	/* Not even a TIMING or CTRL write happened. */
	KUNIT_EXPECT_EQ(test, emu->writes, acc);
	expect_fuses_unchanged(test, emu, before);
}

static void write_two_words(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[2] = { 0x11111111, 0x22220000 }, val;
	u32 *before = fuse_snapshot(test, emu);

	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 24, vals, 2), 8);
	KUNIT_EXPECT_EQ(test, emu->fuse[24], vals[0]);
	KUNIT_EXPECT_EQ(test, emu->fuse[25], vals[1]);
	KUNIT_EXPECT_EQ(test, emu->programs, 2);
	KUNIT_EXPECT_GE(test, emu->reloads, 1);
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 25, &val), 4);
	KUNIT_EXPECT_EQ(test, val, vals[1]);
	KUNIT_EXPECT_EQ(test, emu->fuse[23], before[23]);
	KUNIT_EXPECT_EQ(test, emu->fuse[26], before[26]);
}

static void write_only_new_bits(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[1] = { imx8mm_seed_words[36] | 0x00f00000 };

	KUNIT_ASSERT_NE(test, vals[0], imx8mm_seed_words[36]);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 36, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->programs, 1);
	KUNIT_EXPECT_EQ(test, emu->last_addr, 36);
	KUNIT_EXPECT_EQ(test, emu->last_data[0], vals[0] & ~imx8mm_seed_words[36]);
	KUNIT_EXPECT_EQ(test, emu->fuse[36], vals[0]);
}

static void write_same_value_noop(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[2] = { imx8mm_seed_words[36], imx8mm_seed_words[37] };

	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 36, vals, 2), 8);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->reloads, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
}

static void write_locked_second_word(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 *before = fuse_snapshot(test, emu);
	u32 vals[2] = { imx8mm_seed_words[15] | 0x4, 0xffffffff };

	KUNIT_ASSERT_EQ(test, imx8mm_seed_words[16], LOCKED);
	KUNIT_ASSERT_NE(test, vals[0], imx8mm_seed_words[15]);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 15, vals, 2), -EPERM);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->ctrl & ocotp_emu_error(emu), 0);
	expect_fuses_unchanged(test, emu, before);
}

static void write_locked_by_controller(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[1] = { 0x00000100 };

	emu->write_locked[24] = true;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 24, vals, 1), -EPERM);
	KUNIT_EXPECT_EQ(test, emu->fuse[24], 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 1);
	KUNIT_EXPECT_EQ(test, emu->ctrl & ocotp_emu_error(emu), 0);

	/* The controller is still usable. */
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 25, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->fuse[25], vals[0]);
}

/*
 * A fuse word may really hold 0xbadabada: without ERROR raised by the read
 * it is not a lock, and the word can take more bits like any other.
 */
static void write_genuine_badabada(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[1] = { LOCKED | 0x1 }, val;

	KUNIT_ASSERT_EQ(test, imx8mm_seed_words[26], 0);
	emu->fuse[26] = LOCKED;
	emu->shadow[26] = LOCKED;
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 26, &val), 4);
	KUNIT_EXPECT_EQ(test, val, LOCKED);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 26, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->programs, 1);
	KUNIT_EXPECT_EQ(test, emu->fuse[26], vals[0]);
}

static void write_stuck_busy(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[1] = { 0x00000001 }, val;

	emu->stuck_busy = true;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 24, vals, 1),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, emu->reloads, 0);
	KUNIT_EXPECT_NE(test, emu->ctrl & ocotp_emu_busy(emu), 0);
	/* Nothing more was asked of the busy controller (no reload). */
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);

	emu->stuck_busy = false;
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), 4);
	KUNIT_EXPECT_EQ(test, val, imx8mm_seed_words[37]);
	vals[0] = 0x00000002;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 25, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->fuse[25], vals[0]);
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 25, &val), 4);
	KUNIT_EXPECT_EQ(test, val, vals[0]);
}

/*
 * A shadow reload that never finishes: the write reports it, blew exactly
 * what was asked, and the controller works once the reload completes.
 */
static void write_stuck_reload(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[1] = { 0x00000100 }, val;

	emu->stuck_reload = true;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 24, vals, 1),
			-ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, emu->programs, 1);
	KUNIT_EXPECT_EQ(test, emu->fuse[24], vals[0]);
	KUNIT_EXPECT_EQ(test, emu->reloads, 0);
	/* A read while the reload hangs gives up rather than read junk. */
	KUNIT_EXPECT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), -ETIMEDOUT);
	emu->stuck_reload = false;
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 24, &val), 4);
	KUNIT_EXPECT_EQ(test, val, vals[0]);
	KUNIT_EXPECT_EQ(test, emu->reloads, 1);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 25, vals, 1), 4);
}

/* A controller stuck BUSY by someone else: reads time out, then recover. */
static void read_stuck_busy(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	unsigned long shadows;
	u32 val;

	emu->stuck_busy = true;
	emu->io.write(&emu->io, 0x004, BIT(10));	/* RELOAD via CTRL_SET */
	shadows = emu->shadow_reads;
	KUNIT_EXPECT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, emu->shadow_reads, shadows);
	emu->stuck_busy = false;
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), 4);
	KUNIT_EXPECT_EQ(test, val, imx8mm_seed_words[37]);
}

/* A clock that cannot be enabled: errno, not a single register access. */
static void clock_enable_fails(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	u32 vals[1] = { 0x1 }, val;

	ctx->clk_fails = true;
	ocotp_start(test);
	KUNIT_EXPECT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), -EIO);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 24, vals, 1), -EIO);
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->reads + ctx->rw.emu->writes, 0);
}

static void write_does_not_stick(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 vals[1] = { 0x12345678 };

	emu->no_stick = true;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 24, vals, 1), -EIO);
	KUNIT_EXPECT_EQ(test, emu->programs, 1);
	KUNIT_EXPECT_GE(test, emu->reloads, 1);
	KUNIT_EXPECT_EQ(test, emu->fuse[24], 0);
}

struct bad_write {
	unsigned int offset;
	unsigned int len;
};

/*
 * Unaligned starts whatever the length, partial words (a 6-byte MAC, the
 * 2-byte chunks of "dd bs=2"), empty writes, past the end: refused before
 * any register access, with no hidden merge of a partial word.
 */
static const struct bad_write bad_writes[] = {
	{ 1, 4 }, { 2, 4 }, { 3, 4 }, { 97, 1 }, { 98, 2 }, { 99, 3 },
	{ 0x91, 6 }, { 0x92, 6 }, { 0x93, 5 }, { 97, 8 }, { 1020, 8 },
	{ 1020, 5 }, { 1024, 1 }, { 96, 0 }, { 0x90, 6 }, { 0x90, 5 },
	{ 0x90, 7 }, { 0x60, 1 }, { 0x60, 2 }, { 0x60, 3 }, { 0x90, 2 },
	{ 0x92, 2 }, { 0x90, 10 },
};

static void bad_write_desc(const struct bad_write *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u bytes at %u", c->len,
		 c->offset);
}

KUNIT_ARRAY_PARAM(bad_write, bad_writes, bad_write_desc);

static void write_unaligned_refused(struct kunit *test)
{
	const struct bad_write *c = test->param_value;
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->rw.emu;
	u32 *before = fuse_snapshot(test, emu);
	unsigned long acc = emu->reads + emu->writes;
	u8 buf[16];

	memset(buf, 0xff, sizeof(buf));
	KUNIT_EXPECT_LT(test, nvmem_device_write(ctx->rw.nvmem, c->offset,
						 c->len, buf), 0);
	KUNIT_EXPECT_EQ(test, emu->reads + emu->writes, acc);
	expect_fuses_unchanged(test, emu, before);
}

/* The i.MX7D too takes whole words only: a partial word is refused. */
static void write_imx7d_partial_word_refused(struct kunit *test)
{
	static const unsigned int lens[] = { 1, 2, 3, 5, 6, 15, 17, 31 };
	struct test_ctx *ctx = test->priv;
	struct ocotp_emu *emu;
	unsigned long acc;
	unsigned int i;
	u32 *before;
	u8 buf[32];

	ctx->soc = soc_of(test, SOC_7D);
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	before = fuse_snapshot(test, emu);
	acc = emu->reads + emu->writes;

	memset(buf, 0x5a, sizeof(buf));
	for (i = 0; i < ARRAY_SIZE(lens); i++)
		KUNIT_EXPECT_EQ_MSG(test, nvmem_device_write(ctx->rw.nvmem, 0x90,
							     lens[i], buf),
				    -EINVAL, "%u bytes", lens[i]);
	KUNIT_EXPECT_EQ(test, nvmem_device_write(ctx->rw.nvmem, 0x92, 4, buf),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, emu->reads + emu->writes, acc);
	expect_fuses_unchanged(test, emu, before);
}

/*
 * One i.MX7D program operation as U-Boot's "fuse prog BANK WORD VAL"
 * performs it (drivers/misc/mxc_ocotp.c fuse_prog(), CONFIG_MX7): CTRL.ADDR
 * is the bank, the word's own DATA register (DATA0..3 for words 0..3)
 * holds the bits and the other three hold 0, each written once, and DATA0,
 * which starts the operation, is written last.
 */
static void expect_imx7d_op(struct kunit *test, const struct ocotp_emu_op *op,
			    unsigned int addr, u32 bits)
{
	unsigned int i, bank = addr / 4, own = addr % 4, seen = 0;

	KUNIT_EXPECT_EQ_MSG(test, op->addr, bank, "fuse %u", addr);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ_MSG(test, op->data[i], i == own ? bits : 0,
				    "fuse %u: DATA%u", addr, i);
	KUNIT_ASSERT_EQ_MSG(test, op->nseq, 4, "fuse %u: DATA writes", addr);
	for (i = 0; i < 4; i++)
		seen |= BIT(op->seq[i]);
	KUNIT_EXPECT_EQ_MSG(test, seen, 0xf, "fuse %u: DATA0..3 each once",
			    addr);
	KUNIT_EXPECT_EQ_MSG(test, op->seq[3], 0, "fuse %u: DATA0 last", addr);
}

/* U-Boot's set_timing() under CONFIG_MX7, with its own integer steps. */
static u32 uboot_imx7_fsource(unsigned long rate)
{
	return DIV_ROUND_UP_ULL((u64)(rate / 1000) * 1001, 1000000) + 1;
}

static u32 uboot_imx7_prog(unsigned long rate)
{
	return DIV_ROUND_CLOSEST_ULL((u64)rate * 10, 1000000) + 1;
}

/*
 * "dd bs=4" of one word on an i.MX7D: that word alone is programmed, the
 * way U-Boot does it, whichever of the bank's four words it is, with
 * TIMING at least what U-Boot programs.  The DATA latches start with
 * stale bits, so a DATA register the driver leaves alone would program
 * them into a neighbour.
 */
static void write_imx7d_one_word(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	struct ocotp_emu *emu;
	unsigned int w, addr;
	u32 *before, val, got;

	ctx->soc = soc_of(test, SOC_7D);
	ctx->words = NULL;
	ctx->rate = 66000000;
	ocotp_start(test);
	emu = ctx->rw.emu;

	for (w = 0; w < 4; w++) {
		/* GP1/GP2: bank 14 (crucible IMX7D.yaml). */
		addr = 56 + w;
		val = 0x80000001 | 0x10 << (8 * w);
		memset32(emu->data, 0xa5a5a5a5, ARRAY_SIZE(emu->data));
		emu->nops = 0;
		before = fuse_snapshot(test, emu);
		KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, addr, &val, 1),
				4);
		KUNIT_ASSERT_EQ_MSG(test, emu->nops, 1, "word %u", w);
		expect_imx7d_op(test, &emu->ops[0], addr, val);
		before[addr] = val;
		KUNIT_EXPECT_EQ_MSG(test, fuse_diff(emu, before), -1, "word %u",
				    w);
		KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, addr, &got), 4);
		KUNIT_EXPECT_EQ(test, got, val);
		/* TIMING at least U-Boot's: FSOURCE 68, PROG 661 at 66 MHz. */
		KUNIT_EXPECT_GE(test, (emu->ops[0].timing >> 12) & 0x7f,
				uboot_imx7_fsource(ctx->rate));
		KUNIT_EXPECT_GE(test, emu->ops[0].timing & 0xfff,
				uboot_imx7_prog(ctx->rate));
	}
	KUNIT_EXPECT_EQ(test, uboot_imx7_fsource(ctx->rate), 68);
	KUNIT_EXPECT_EQ(test, uboot_imx7_prog(ctx->rate), 661);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
}

/*
 * A whole-bank (or two-bank) write in which some words change programs
 * those words alone, each in an operation of its own, only its new bits.
 */
static void write_imx7d_bank_changed_words(struct kunit *test)
{
	static const u32 img[64] = {
		[52] = 0x1, [53] = 0x2, [54] = 0x4, [55] = 0x8,
		[56] = 0x10, [57] = 0x20, [58] = 0x40, [59] = 0x80,
	};
	struct test_ctx *ctx = test->priv;
	u32 vals[8], *before;
	struct ocotp_emu *emu;

	ctx->soc = soc_of(test, SOC_7D);
	ctx->words = img;
	ctx->nwords = ARRAY_SIZE(img);
	ocotp_start(test);
	emu = ctx->rw.emu;

	/* Bank 14, word 2 gains 0x100. */
	memcpy(vals, &img[56], 4 * sizeof(u32));
	vals[2] |= 0x100;
	before = fuse_snapshot(test, emu);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 56, vals, 4), 16);
	KUNIT_ASSERT_EQ(test, emu->nops, 1);
	expect_imx7d_op(test, &emu->ops[0], 58, 0x100);
	before[58] = 0x140;
	KUNIT_EXPECT_EQ(test, fuse_diff(emu, before), -1);

	/* Banks 13 and 14: words 53 and 59 change, in that order. */
	emu->nops = 0;
	memcpy(vals, &img[52], 8 * sizeof(u32));
	vals[6] = 0x140;
	vals[1] |= 0x2000;
	vals[7] |= 0x8000;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 52, vals, 8), 32);
	KUNIT_ASSERT_EQ(test, emu->nops, 2);
	expect_imx7d_op(test, &emu->ops[0], 53, 0x2000);
	expect_imx7d_op(test, &emu->ops[1], 59, 0x8000);
	before[53] = 0x2002;
	before[59] = 0x8080;
	KUNIT_EXPECT_EQ(test, fuse_diff(emu, before), -1);

	/* Nothing new: no operation at all. */
	emu->nops = 0;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 52, vals, 8), 32);
	KUNIT_EXPECT_EQ(test, emu->nops, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
}

/*
 * A multi-word i.MX7D write is still all or nothing: a locked word in its
 * second bank stops the words of the first before any DATA write.
 */
static void write_imx7d_all_or_nothing(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	u32 vals[4] = { 0x1, 0x2, 0x4, 0x8 }, *before;
	struct ocotp_emu *emu;

	ctx->soc = soc_of(test, SOC_7D);
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	/* GP1 (LOCK bit 20) guards fuse words 56-57 (crucible IMX7D.yaml). */
	emu->fuse[0] = BIT(20);
	emu->shadow[0] = BIT(20);
	before = fuse_snapshot(test, emu);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 54, vals, 4), -EPERM);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->data_nseq, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	KUNIT_EXPECT_EQ(test, fuse_diff(emu, before), -1);
	/* GP2 is open. */
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 58, vals, 2), 8);
	KUNIT_EXPECT_EQ(test, emu->programs, 2);
}

/*
 * The i.MX7D's SW_STICKY is at 0xB0 (0x50 is DATA3 there): its
 * SRK_REVOKE_LOCK and FIELD_RETURN_LOCK bits refuse those words before
 * anything is programmed, and leave the others alone.
 */
static void write_imx7d_sticky(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	u32 vals[4] = { 0x1, 0x1, 0x1, 0x1 }, *before;
	struct ocotp_emu *emu;

	ctx->soc = soc_of(test, SOC_7D);
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	before = fuse_snapshot(test, emu);

	emu->sw_sticky = BIT(1);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, emu->cfg.srk_revoke,
					  vals, 1), -EPERM);
	/* A bank write with SRK_REVOKE in it. */
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 36, vals, 4), -EPERM);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	/* FIELD_RETURN is not locked by bit 1. */
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, emu->cfg.field_return,
					  vals, 1), 4);
	before[emu->cfg.field_return] = 1;

	emu->sw_sticky = BIT(2);
	vals[0] = 0x3;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, emu->cfg.field_return,
					  vals, 1), -EPERM);
	vals[0] = 0x1;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, emu->cfg.srk_revoke,
					  vals, 1), 4);
	before[emu->cfg.srk_revoke] = 1;
	KUNIT_EXPECT_EQ(test, emu->programs, 2);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	KUNIT_EXPECT_EQ(test, fuse_diff(emu, before), -1);
}

struct rate_case {
	const char *compatible;
	unsigned long rate;
};

static const struct rate_case bad_rates[] = {
	{ SOC_8MM, 0 },
	{ SOC_8MM, 500000000 },
	{ SOC_8MM, 999999 },
	{ SOC_7D, 300000000 },	/* FSOURCE does not fit */
	{ SOC_7D, 130000000 },	/* FSOURCE 132 > 7 bits */
	{ SOC_7D, 126000000 },	/* FSOURCE ceil(126.126) + 1 = 128 */
};

static void rate_case_desc(const struct rate_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s at %lu Hz", c->compatible,
		 c->rate);
}

KUNIT_ARRAY_PARAM(bad_rate, bad_rates, rate_case_desc);

static void write_bad_clock_refused(struct kunit *test)
{
	const struct rate_case *c = test->param_value;
	struct test_ctx *ctx = test->priv;
	struct ocotp_emu *emu;
	u32 vals[4] = { 1, 2, 4, 8 }, *before;

	ctx->soc = soc_of(test, c->compatible);
	ctx->rate = c->rate;
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	before = fuse_snapshot(test, emu);

	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 8, vals, 4), -EINVAL);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	expect_fuses_unchanged(test, emu, before);
}

static void write_imx8mp_layout(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	u32 vals[1] = { 0xa5 }, val, *before;
	struct ocotp_emu *emu;

	ctx->soc = soc_of(test, SOC_8MP);
	ctx->busy_cycles = 3;
	ocotp_start(test);
	emu = ctx->rw.emu;
	/* The seed's LOCK word has bits no i.MX8MP document explains. */
	emu->fuse[0] = 0;
	emu->shadow[0] = 0;
	before = fuse_snapshot(test, emu);

	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 300, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->last_addr, 300);
	KUNIT_EXPECT_EQ(test, emu->fuse[300], vals[0]);
	KUNIT_EXPECT_EQ(test, emu->fuse[300 & 0xff], before[300 & 0xff]);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 300, &val), 4);
	KUNIT_EXPECT_EQ(test, val, vals[0]);

	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 16, &val), 4);
	KUNIT_EXPECT_EQ(test, val, LOCKED);
	KUNIT_EXPECT_EQ(test, emu->ctrl & ocotp_emu_error(emu), 0);
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 37, &val), 4);
	KUNIT_EXPECT_EQ(test, val, imx8mm_seed_words[37]);
}

static void soc_desc(const struct test_soc *soc, char *desc)
{
	strscpy(desc, soc->compatible, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(soc, test_socs, soc_desc);

/* The word position a fuse address has in the user's numbering. */
static unsigned int soc_pos_of(const struct test_soc *soc, unsigned int addr)
{
	if (soc->half_banks && addr >= 7 * 8 + 4)
		return 8 * 8 + (addr - 7 * 8 - 4);
	return addr;
}

#define MAP_IMAGE_WORDS	512

/* Distinct, recognisable fuse values; the LOCK word blank. */
static u32 *map_image(struct kunit *test)
{
	u32 *img = kunit_kmalloc_array(test, MAP_IMAGE_WORDS, sizeof(u32),
				       GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, img);
	for (i = 0; i < MAP_IMAGE_WORDS; i++)
		img[i] = i ? 0x5a000000 | i : 0;
	return img;
}

/*
 * The fuse map of every SoC against the emulator's: each word position
 * reads the fuse the user's bank/word numbering names (0 where it names
 * none, without touching a register that is not a shadow), and programming
 * it sends that fuse's CTRL.ADDR and changes that fuse only.  Holes are
 * refused with nothing programmed.  Positions are programmed from the top
 * down, so that the LOCK word comes last.
 */
static void soc_fuse_map(struct kunit *test)
{
	const struct test_soc *soc = test->param_value;
	struct test_ctx *ctx = test->priv;
	unsigned int npos = soc_size(soc) / 4, pos;
	unsigned long programs;
	struct ocotp_emu *emu;
	u32 *img, *before, vals[4], val;
	int addr, ret;

	img = map_image(test);
	ctx->soc = soc;
	ctx->words = img;
	ctx->nwords = MAP_IMAGE_WORDS;
	/*
	 * Every position is programmed: a controller that is never BUSY lets
	 * each wait end at its first poll instead of sleeping (BUSY has cases
	 * of its own).
	 */
	ctx->busy_cycles = 0;
	ocotp_start(test);
	emu = ctx->rw.emu;
	/* The device ends where the user's numbering ends. */
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->rw.nvmem, soc_size(soc) - 4,
						4, (u8 *)vals), 4);
	KUNIT_EXPECT_LT(test, nvmem_device_read(ctx->rw.nvmem, soc_size(soc),
						4, (u8 *)vals), 0);

	for (pos = 0; pos < npos; pos++) {
		addr = soc_fuse_addr(soc, pos);
		KUNIT_ASSERT_LT(test, addr, (int)emu->naddrs);
		KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, pos, &val), 4);
		KUNIT_EXPECT_EQ_MSG(test, val, addr < 0 ? 0 : img[addr],
				    "offset %#x", 4 * pos);
	}
	KUNIT_EXPECT_EQ(test, emu->hole_reads, 0);

	if (!soc->writable) {
		KUNIT_EXPECT_EQ(test, nvmem_file_mode(test, &ctx->rw), 0400);
		memset32(vals, 1, ARRAY_SIZE(vals));
		KUNIT_EXPECT_LT(test, write_words(ctx->rw.nvmem, 4, vals, 1), 0);
		KUNIT_EXPECT_EQ(test, emu->writes, 0);
		return;
	}

	before = fuse_snapshot(test, emu);
	for (pos = npos - 1; ; pos--) {
		addr = soc_fuse_addr(soc, pos);
		vals[0] = addr < 0 ? 0 : img[addr] | BIT(20);
		programs = emu->programs;
		cond_resched();
		ret = write_words(ctx->rw.nvmem, pos, vals, 1);
		if (addr < 0) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "offset %#x",
					    4 * pos);
			KUNIT_EXPECT_EQ(test, emu->programs, programs);
		} else {
			KUNIT_EXPECT_EQ_MSG(test, ret, 4, "offset %#x", 4 * pos);
			KUNIT_EXPECT_EQ(test, emu->programs, programs + 1);
			KUNIT_EXPECT_EQ_MSG(test, emu->last_addr,
					    addr / soc->addr_words,
					    "offset %#x", 4 * pos);
			before[addr] = vals[0];
			KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, pos, &val),
					4);
			KUNIT_EXPECT_EQ(test, val, vals[0]);
		}
		KUNIT_EXPECT_EQ_MSG(test, fuse_diff(emu, before), -1,
				    "after offset %#x", 4 * pos);
		memcpy(before, emu->fuse, emu->naddrs * sizeof(u32));
		if (!pos)
			break;
	}
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	KUNIT_EXPECT_EQ(test, emu->hole_reads, 0);
}

/* Whether LOCK bits @set stop programming of fuse @addr, by the emulator. */
static bool emu_word_prog_locked(const struct ocotp_emu *emu, unsigned int addr,
				 u32 set)
{
	const struct ocotp_emu_lock *l;

	for (l = emu->cfg.locks; l->name; l++)
		if (addr >= l->addr && addr - l->addr < l->count &&
		    (set & l->prog))
			return true;
	return false;
}

/*
 * Every write-lock region the emulator knows refuses, before anything is
 * asked of the controller, every word it guards; the SW_STICKY locks too.
 */
static void soc_write_locks(struct kunit *test)
{
	const struct test_soc *soc = test->param_value;
	struct test_ctx *ctx = test->priv;
	unsigned int a, pos, bit, checked = 0, soft = 0;
	const struct ocotp_emu_lock *l;
	unsigned long mask;
	struct ocotp_emu *emu;
	u32 vals[4] = { 1, 1, 1, 1 };
	u32 *before;

	if (!soc->writable) {
		kunit_skip(test, "%s is read-only", soc->compatible);
		return;
	}
	ctx->soc = soc;
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	before = fuse_snapshot(test, emu);

	for (l = emu->cfg.locks; l->name; l++) {
		mask = l->prog;
		for_each_set_bit(bit, &mask, 32) {
			emu->fuse[0] = BIT(bit);
			emu->shadow[0] = BIT(bit);
			before[0] = BIT(bit);
			for (a = l->addr; a < l->addr + l->count; a++) {
				pos = soc_pos_of(soc, a);
				cond_resched();
				KUNIT_EXPECT_EQ_MSG(test,
						    write_words(ctx->rw.nvmem, pos,
								vals, 1),
						    -EPERM, "%s: LOCK bit %u, fuse %u",
						    l->name, bit, a);
				checked++;
			}
		}
	}
	emu->fuse[0] = 0;
	emu->shadow[0] = 0;
	before[0] = 0;
	if (emu->cfg.field_return) {
		emu->sw_sticky = BIT(1) | BIT(2);
		KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem,
						  soc_pos_of(soc, emu->cfg.srk_revoke),
						  vals, 1), -EPERM);
		KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem,
						  soc_pos_of(soc, emu->cfg.field_return),
						  vals, 1), -EPERM);
		checked += 2;
	}
	kunit_info(test, "%u locked words refused\n", checked);
	KUNIT_EXPECT_GT(test, checked, 0);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	KUNIT_EXPECT_EQ(test, fuse_diff(emu, before), -1);

	/*
	 * A bit that, by the emulator's sources, stops only shadow writes or
	 * reads stops no programming: the first word of its region takes a
	 * new bit.
	 */
	emu->sw_sticky = 0;
	for (l = emu->cfg.locks; l->name; l++) {
		if (!l->count)
			continue;
		/* The bits that stop only shadow writes or reads. */
		mask = (l->shadow | l->read) & ~l->prog;
		for_each_set_bit(bit, &mask, 32) {
			if (emu_word_prog_locked(emu, l->addr, BIT(bit)))
				continue;
			emu->fuse[0] = BIT(bit);
			emu->shadow[0] = BIT(bit);
			pos = soc_pos_of(soc, l->addr);
			vals[0] = emu->fuse[l->addr] | BIT(soft++ % 32);
			KUNIT_EXPECT_EQ_MSG(test, write_words(ctx->rw.nvmem, pos,
							      vals, 1), 4,
					    "%s: LOCK bit %u stops only shadow writes or reads, fuse %u",
					    l->name, bit, l->addr);
			KUNIT_EXPECT_EQ(test, emu->fuse[l->addr], vals[0]);
		}
	}
	kunit_info(test, "%u shadow or read lock bits let programming through\n",
		   soft);
}

/* The lock view of @inst (debugfs otp-imx-ocotp/<name>/locks). */
static char *locks_view(struct kunit *test, const struct test_inst *inst)
{
	char *text;
	int ret = -EINVAL;

	text = otp_kunit_debugfs_show(test, "otp-imx-ocotp",
				      nvmem_dev_name(inst->nvmem), "locks",
				      otp_imx_ocotp_locks_show, &ret);
	KUNIT_ASSERT_NOT_NULL_MSG(test, text, "no locks file for %s",
				  nvmem_dev_name(inst->nvmem));
	KUNIT_ASSERT_EQ(test, ret, 0);
	return text;
}

/* The view's line of field @name (bits, then the name), a copy. */
static char *locks_line(struct kunit *test, const char *text, const char *name)
{
	size_t n = strlen(name), len;
	const char *l, *end;
	char *copy;

	for (l = text; l && *l; l = end ? end + 1 : NULL) {
		end = strchr(l, '\n');
		if (strlen(l) <= 7 + n || strncmp(l + 7, name, n) ||
		    l[7 + n] != ' ')
			continue;
		len = end ? end - l : strlen(l);
		copy = kunit_kzalloc(test, len + 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, copy);
		memcpy(copy, l, len);
		return copy;
	}
	KUNIT_FAIL(test, "no line for %s in:\n%s", name, text);
	return "";
}

static bool has(const char *line, const char *what)
{
	return strstr(line, what);
}

/*
 * The lock view says, before anything is tried, what the write path then
 * does: MAC_ADDR's low bit set refuses its words, GP1's high bit only
 * shadow writes, a LOCK bit of no public region every word outside the
 * regions, SW_STICKY its word.
 */
static void locks_view_explains_refusals(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	struct ocotp_emu *emu;
	u32 lockword = BIT(14) | BIT(21) | BIT(24) | BIT(27), val = 1;
	char *text, *l;

	ctx->soc = soc_of(test, SOC_8MM);
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	emu->fuse[0] = lockword;
	emu->shadow[0] = lockword;
	emu->sw_sticky = BIT(1);
	text = locks_view(test, &ctx->rw);
	kunit_info(test, "%s", text);

	KUNIT_EXPECT_TRUE(test,
			  has(text, "LOCK fuse word (fuse word 0, offset 0x000): 0x09204000"));
	l = locks_line(test, text, "MAC_ADDR");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 36-38 ") && has(l, "0x090-0x098") &&
			      has(l, " 1 ") && has(l, "programming"), "%s", l);
	l = locks_line(test, text, "GP1");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 56-57 ") && has(l, " 2 ") &&
			      has(l, "shadow writes") && !has(l, "programming"),
			      "%s", l);
	l = locks_line(test, text, "GP5");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, "not public") &&
			      has(l, "programming of every word outside"), "%s", l);
	l = locks_line(test, text, "BOOT_CFG");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 7-11 ") && has(l, " 0 ") &&
			      has(l, " -"), "%s", l);
	KUNIT_EXPECT_TRUE(test, has(text, "LOCK bits 0x09000000, whose regions are not public"));
	l = locks_line(test, text, "SRK_REVOKE");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 39 ") && has(l, "0x09c") &&
			      has(l, "programming"), "%s", l);
	l = locks_line(test, text, "FIELD_RETURN");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 35 ") && !has(l, "programming"),
			      "%s", l);

	/* What the view said, the write path does. */
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 37, &val, 1), -EPERM);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 39, &val, 1), -EPERM);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 100, &val, 1), -EPERM);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 56, &val, 1), 4);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 35, &val, 1), -EPERM);
	emu->sw_sticky = 0;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 8, &val, 1), 4);
}

/*
 * The view gives fuse addresses and NVMEM offsets, which differ on the
 * i.MX6ULL above bank 7 (fuse 60 is offset 0x100); a read-only part says
 * why it is.
 */
static void locks_view_fuses_and_offsets(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	char *text, *l;

	ctx->soc = soc_of(test, "fsl,imx6ull-ocotp");
	ctx->words = NULL;
	ocotp_start(test);
	ctx->rw.emu->fuse[0] = BIT(30);
	ctx->rw.emu->shadow[0] = BIT(30);
	text = locks_view(test, &ctx->rw);
	l = locks_line(test, text, "GP4");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 60-63 ") && has(l, "0x100-0x10c"),
			      "%s", l);
	l = locks_line(test, text, "GP4_RLOCK");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 1 ") && has(l, "reads") &&
			      !has(l, "programming"), "%s", l);
	l = locks_line(test, text, "ROM_PATCH");
	KUNIT_EXPECT_TRUE_MSG(test, has(l, " 48-55 ") && has(l, "0x0c0-0x0dc"),
			      "%s", l);
}

static void locks_view_read_only_part(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	char *text;

	ctx->soc = soc_of(test, "fsl,imx6sx-ocotp");
	ctx->words = NULL;
	ocotp_start(test);
	text = locks_view(test, &ctx->rw);
	KUNIT_EXPECT_TRUE_MSG(test, has(text, "read-only here: no public LOCK fuse map"),
			      "%s", text);
}

/* A multi-word write with a locked word anywhere blows nothing. */
static void write_all_or_nothing(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	u32 vals[4] = { 0x10, 0x20, 0x40, 0x80 }, *before;
	struct ocotp_emu *emu;

	ctx->soc = soc_of(test, SOC_8MM);
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	/*
	 * Locking TESTER (LOCK bit 0) and programming a TESTER word in one
	 * write: the new lock may stop the second word, so nothing is done.
	 */
	vals[0] = BIT(0);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 0, vals, 2), -EPERM);
	vals[0] = 0x10;
	/* MAC_ADDR is 36-38; GP1 (bit 20) guards 56-57. */
	emu->fuse[0] = BIT(20);
	emu->shadow[0] = BIT(20);
	before = fuse_snapshot(test, emu);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 54, vals, 4), -EPERM);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 57, vals, 1), -EPERM);
	/* A read-locked last word. */
	emu->read_locked[39] = true;
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 36, vals, 4), -EPERM);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	KUNIT_EXPECT_EQ(test, fuse_diff(emu, before), -1);
	/* Without the lock the same MAC write goes through. */
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 36, vals, 3), 12);
	KUNIT_EXPECT_EQ(test, emu->fuse[38], vals[2]);
}

/*
 * LOCK bits whose region no public document gives (i.MX8MM GP5, bits
 * 25:24): every word outside the documented regions is refused while one
 * is set; words in documented, unlocked regions are not.
 */
static void write_unknown_lock_region(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	u32 vals[1] = { 0x1 }, *before;
	struct ocotp_emu *emu;

	ctx->soc = soc_of(test, SOC_8MM);
	ctx->words = NULL;
	ocotp_start(test);
	emu = ctx->rw.emu;
	emu->fuse[0] = BIT(24);
	emu->shadow[0] = BIT(24);
	before = fuse_snapshot(test, emu);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 64, vals, 1), -EPERM);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 200, vals, 1), -EPERM);
	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
	KUNIT_EXPECT_EQ(test, fuse_diff(emu, before), -1);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 56, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->fuse[56], 1);
	/* The LOCK word itself has no lock. */
	vals[0] = BIT(24) | BIT(20);
	KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 0, vals, 1), 4);
	KUNIT_EXPECT_EQ(test, emu->fuse[0], vals[0]);
}

/* ---- property: random writes ---- */

#define PROP_OPS	400

struct prop_stats {
	unsigned int done, refused, conservative;
};

/*
 * What the silicon allows, from the emulator's state.  A write that
 * programs the LOCK word (always its first word) is judged with the locks
 * it adds: the words after it meet them.
 */
static bool prop_legal(const struct test_soc *soc, struct ocotp_emu *emu,
		       unsigned int off, unsigned int len, const u32 *want)
{
	unsigned int unit = 4, i;
	u32 lock = emu->fuse[0];
	bool legal = true;
	int addr;

	if (!len || off % unit || len % unit || off + len > soc_size(soc))
		return false;
	if (!off)
		emu->fuse[0] |= want[0];
	for (i = 0; i < len / 4 && legal; i++) {
		addr = soc_fuse_addr(soc, off / 4 + i);
		legal = addr >= 0 && !emu->read_locked[addr] &&
			!emu->write_locked[addr] &&
			(!addr || !ocotp_emu_region_locked(emu, addr)) &&
			!((addr ? emu->fuse[addr] : lock) & ~want[i]);
	}
	emu->fuse[0] = lock;
	return legal;
}

static void prop_one(struct kunit *test, struct test_ctx *ctx,
		     struct rnd_state *rnd, struct prop_stats *st)
{
	const struct test_soc *soc = ctx->soc;
	struct ocotp_emu *emu = ctx->rw.emu;
	unsigned int unit = 4, off, len, i, r;
	u32 want[16], bits, *before;
	u8 buf[64];
	bool legal;
	int addr, ret;

	r = prandom_u32_state(rnd);
	/*
	 * Lock state for this write: a LOCK bit, a SW_STICKY bit, a read-
	 * and write-locked word (never the LOCK word), each now and then.
	 */
	emu->fuse[0] = r % 4 ? 0 : BIT(prandom_u32_state(rnd) % 32);
	emu->shadow[0] = emu->fuse[0];
	emu->sw_sticky = r % 16 == 1 ? BIT(1 + prandom_u32_state(rnd) % 2) : 0;
	memset(emu->read_locked, 0, emu->naddrs * sizeof(bool));
	memset(emu->write_locked, 0, emu->naddrs * sizeof(bool));
	if (r % 16 == 2) {
		i = 1 + prandom_u32_state(rnd) % (emu->naddrs - 1);
		emu->read_locked[i] = true;
		emu->write_locked[i] = true;
	}
	before = fuse_snapshot(test, emu);
	/* Mostly well-formed ranges, sometimes not. */
	off = prandom_u32_state(rnd) % (soc_size(soc) / unit) * unit;
	len = (1 + prandom_u32_state(rnd) % 4) * unit;
	if (r % 8 == 3)
		off += 1 + prandom_u32_state(rnd) % 3;
	if (r % 8 == 4)
		len -= 1 + prandom_u32_state(rnd) % 3;
	len = min_t(unsigned int, len, sizeof(buf));
	for (i = 0; i < DIV_ROUND_UP(len, 4); i++) {
		addr = soc_fuse_addr(soc, off / 4 + i);
		want[i] = addr < 0 ? 0 : emu->fuse[addr];
		/* Sparse new bits: about one in four. */
		bits = prandom_u32_state(rnd);
		want[i] |= bits & prandom_u32_state(rnd);
		if (r % 8 == 5 && !i)
			want[i] &= ~BIT(prandom_u32_state(rnd) % 32);
		put_unaligned_le32(want[i], buf + 4 * i);
	}
	legal = prop_legal(soc, emu, off, len, want);

	ret = nvmem_device_write(ctx->rw.nvmem, off, len, buf);
	if (ret == len) {
		st->done++;
		KUNIT_EXPECT_TRUE_MSG(test, legal, "%u bytes at %#x done", len,
				      off);
		for (i = 0; i < len / 4; i++) {
			addr = soc_fuse_addr(soc, off / 4 + i);
			KUNIT_ASSERT_GE(test, addr, 0);
			before[addr] = want[i];
		}
	} else {
		st->refused++;
		KUNIT_EXPECT_LT(test, ret, 0);
		/*
		 * Refusing a legal write is only ever caution about a lock:
		 * LOCK bits are set, or the write programs the LOCK word.
		 */
		if (legal) {
			st->conservative++;
			KUNIT_EXPECT_EQ_MSG(test, ret, -EPERM, "%u bytes at %#x",
					    len, off);
			KUNIT_EXPECT_TRUE(test, emu->fuse[0] || !off);
		}
	}
	KUNIT_EXPECT_EQ_MSG(test, fuse_diff(emu, before), -1,
			    "%u bytes at %#x returned %d", len, off, ret);
	KUNIT_EXPECT_EQ(test, emu->rejected, 0);
}

/*
 * Random writes (offset, length, value, lock state) on every programmable
 * SoC.  A fuse bit changes only if the whole write was legal, and then
 * exactly the requested bits of exactly the requested words change; the
 * controller never has to refuse a request.
 */
static void write_property(struct kunit *test)
{
	const struct test_soc *soc = test->param_value;
	struct test_ctx *ctx = test->priv;
	struct prop_stats st = { };
	struct rnd_state rnd;
	unsigned int i;

	if (!soc->writable) {
		kunit_skip(test, "%s is read-only", soc->compatible);
		return;
	}
	prandom_seed_state(&rnd, 0x0c07 + soc_size(soc));
	ctx->soc = soc;
	ctx->words = NULL;
	ctx->busy_cycles = 1;
	ocotp_start(test);
	for (i = 0; i < PROP_OPS; i++) {
		cond_resched();
		prop_one(test, ctx, &rnd, &st);
	}
	kunit_info(test, "%u writes done, %u refused (%u legal ones refused out of caution about a lock)\n",
		   st.done, st.refused, st.conservative);
	KUNIT_EXPECT_GT(test, st.done, PROP_OPS / 10);
	KUNIT_EXPECT_GT(test, st.refused, PROP_OPS / 10);
}

/* i.MX7ULP: read-only, and a read with an ECC double error fails. */
/* An i.MX7ULP over the fuse-map image; its emulator. */
static struct ocotp_emu *imx7ulp_start(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;

	ctx->soc = soc_of(test, SOC_7ULP);
	ctx->words = map_image(test);
	ctx->nwords = MAP_IMAGE_WORDS;
	ocotp_start(test);
	return ctx->rw.emu;
}

static void imx7ulp_ded(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	struct ocotp_emu *emu;
	u8 buf[0x60];
	u32 val;

	emu = imx7ulp_start(test);
	KUNIT_EXPECT_EQ(test, nvmem_file_mode(test, &ctx->rw), 0400);
	emu->ded[20] = true;
	KUNIT_EXPECT_EQ(test, read_word(ctx->rw.nvmem, 20, &val), -EIO);
	KUNIT_EXPECT_EQ(test, emu->out_status, 0);
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 21, &val), 4);
	KUNIT_EXPECT_EQ(test, val, ctx->words[21]);
	KUNIT_EXPECT_LT(test, nvmem_device_read(ctx->rw.nvmem, 0, sizeof(buf),
						buf), 0);
	KUNIT_EXPECT_EQ(test, emu->writes, 2);
}

/*
 * i.MX7ULP: every read of a word with an ECC double error fails, and the
 * log names the word once, however often it is read (the nvmem file may
 * be world-readable); another such word gets its own line.
 */
static void imx7ulp_ded_logged_once(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	struct ocotp_emu *emu;
	unsigned int i;
	u8 buf[0x60];
	u64 mark;
	u32 val;

	emu = imx7ulp_start(test);
	emu->ded[20] = true;
	emu->ded[22] = true;
	mark = otp_kunit_log_mark();
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, read_word(ctx->rw.nvmem, 20, &val), -EIO);
		KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->rw.nvmem, 0,
							sizeof(buf), buf),
				-EIO);
		KUNIT_EXPECT_EQ(test, read_word(ctx->rw.nvmem, 22, &val), -EIO);
	}
	KUNIT_EXPECT_EQ(test, emu->out_status, 0);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, ctx->rw.dev,
						  "offset 0x50: uncorrectable ECC error"),
			1);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, ctx->rw.dev,
						  "offset 0x58: uncorrectable ECC error"),
			1);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, ctx->rw.dev,
						  "uncorrectable ECC error"),
			2);
	/* The words around them still read. */
	KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, 21, &val), 4);
	KUNIT_EXPECT_EQ(test, val, ctx->words[21]);
}

/* ---- concurrency ---- */

#define CONC_READERS	8
#define CONC_STEPS	24

/**
 * struct conc_reader - one reader thread
 * @ctx: devices under test
 * @done: set by the programmer when it finished
 * @reads: reads made
 * @torn: reads that saw the two words from different program operations
 * @backwards: reads that saw fewer bits than an earlier read
 * @errors: reads that failed
 * @exited: the thread has finished
 */
struct conc_reader {
	struct test_ctx *ctx;
	bool *done;
	unsigned int reads, torn, backwards, errors;
	struct completion exited;
};

/* Step n of the programmer has set bits 0..n-1 of both words 56 and 57. */
static int conc_read_fn(void *data)
{
	struct conc_reader *r = data;
	unsigned int last = 0, a, b;
	u8 buf[8];

	while (!READ_ONCE(*r->done)) {
		if (nvmem_device_read(r->ctx->rw.nvmem, 56 * 4, 8, buf) != 8) {
			r->errors++;
			continue;
		}
		a = hweight32(get_unaligned_le32(buf));
		b = hweight32(get_unaligned_le32(buf + 4));
		r->reads++;
		r->torn += a != b;
		r->backwards += a < last;
		last = a;
		cond_resched();
	}
	complete(&r->exited);
	return 0;
}

/*
 * 8 readers and 1 programmer on one controller (GP1, i.MX8MM): the
 * programmer sets one more bit of two words per write; every read sees
 * both words from the same completed write, never fewer bits than before.
 */
static void concurrent_readers_and_programmer(struct kunit *test)
{
	struct conc_reader *r;
	struct task_struct *t;
	struct test_ctx *ctx;
	bool done = false;
	unsigned int i, n = 0;
	u32 vals[2];

	((struct test_ctx *)test->priv)->words = NULL;
	ctx = ocotp_start(test);
	r = kunit_kcalloc(test, CONC_READERS, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	for (i = 0; i < CONC_READERS; i++) {
		r[i].ctx = ctx;
		r[i].done = &done;
		init_completion(&r[i].exited);
		t = kthread_run(conc_read_fn, &r[i], "ocotp-reader/%u", i);
		if (IS_ERR(t))
			break;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, CONC_READERS);
	for (i = 1; i <= CONC_STEPS; i++) {
		vals[0] = GENMASK(i - 1, 0);
		vals[1] = GENMASK(i - 1, 0);
		KUNIT_EXPECT_EQ(test, write_words(ctx->rw.nvmem, 56, vals, 2), 8);
		msleep(20);
	}
	WRITE_ONCE(done, true);
	for (i = 0; i < n; i++) {
		wait_for_completion(&r[i].exited);
		KUNIT_EXPECT_GT(test, r[i].reads, 0);
		KUNIT_EXPECT_EQ(test, r[i].torn, 0);
		KUNIT_EXPECT_EQ(test, r[i].backwards, 0);
		KUNIT_EXPECT_EQ(test, r[i].errors, 0);
		kunit_info(test, "reader %u: %u reads\n", i, r[i].reads);
	}
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->fuse[56], GENMASK(CONC_STEPS - 1, 0));
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->programs, 2 * CONC_STEPS);
}

static struct kunit_case ocotp_write_cases[] = {
	KUNIT_CASE(write_clear_bit_refused),
	KUNIT_CASE(locks_view_explains_refusals),
	KUNIT_CASE(locks_view_fuses_and_offsets),
	KUNIT_CASE(locks_view_read_only_part),
	KUNIT_CASE(write_two_words),
	KUNIT_CASE(write_only_new_bits),
	KUNIT_CASE(write_same_value_noop),
	KUNIT_CASE(write_locked_second_word),
	KUNIT_CASE(write_locked_by_controller),
	KUNIT_CASE(write_genuine_badabada),
	KUNIT_CASE(write_stuck_busy),
	KUNIT_CASE(write_does_not_stick),
	KUNIT_CASE(write_stuck_reload),
	KUNIT_CASE(read_stuck_busy),
	KUNIT_CASE(clock_enable_fails),
	KUNIT_CASE_PARAM(write_unaligned_refused, bad_write_gen_params),
	KUNIT_CASE(write_imx7d_partial_word_refused),
	KUNIT_CASE(write_imx7d_one_word),
	KUNIT_CASE(write_imx7d_bank_changed_words),
	KUNIT_CASE(write_imx7d_all_or_nothing),
	KUNIT_CASE(write_imx7d_sticky),
	KUNIT_CASE_PARAM(write_bad_clock_refused, bad_rate_gen_params),
	KUNIT_CASE(write_imx8mp_layout),
	KUNIT_CASE(write_all_or_nothing),
	KUNIT_CASE(write_unknown_lock_region),
	KUNIT_CASE_PARAM(soc_fuse_map, soc_gen_params),
	KUNIT_CASE_PARAM(soc_write_locks, soc_gen_params),
	KUNIT_CASE_PARAM(write_property, soc_gen_params),
	KUNIT_CASE(imx7ulp_ded),
	KUNIT_CASE(imx7ulp_ded_logged_once),
	KUNIT_CASE(concurrent_readers_and_programmer),
	{}
};

static struct kunit_suite ocotp_write_suite = {
	.name = "otp-imx-ocotp-write",
	.init = ocotp_test_init,
	.exit = ocotp_test_exit,
	.test_cases = ocotp_write_cases,
};

/* ---- TIMING ---- */

static const struct rate_case timing_cases[] = {
	{ SOC_8MM, 24000000 },
	{ SOC_8MM, 66000000 },
	{ SOC_8MM, 133000000 },
	{ SOC_8MM, 1000000 },
	{ SOC_8MM, 400000000 },
	{ SOC_8MP, 200000000 },
	{ SOC_6Q, 66000000 },
	{ SOC_7D, 24000000 },
	{ SOC_7D, 66000000 },
	{ SOC_7D, 83333333 },	/* PROG rounds down: 833.33 */
	{ SOC_7D, 125000000 },	/* FSOURCE 127, the field's top */
};

KUNIT_ARRAY_PARAM(timing, timing_cases, rate_case_desc);

/* cycles / rate >= ns, without the driver's arithmetic */
static bool covers(u64 cycles, unsigned long rate, u64 ns)
{
	return cycles * 1000000000ULL >= ns * rate;
}

static void timing_fields(struct kunit *test)
{
	const struct rate_case *c = test->param_value;
	struct test_ctx *ctx = test->priv;
	u32 wait = 0x2a, vals[4] = { 0x100, 0, 0, 0 };
	u64 prog, relax, rd, fsource;
	struct ocotp_emu *emu;
	u32 t;

	ctx->soc = soc_of(test, c->compatible);
	ctx->rate = c->rate;
	ctx->words = NULL;
	ctx->timing_reset = wait << 22;
	/*
	 * i.MX7D: bits outside FSOURCE [18:12] and STROBE_PROG [11:0] set,
	 * and both fields full of ones, as a boot loader may leave them.
	 */
	if (ctx->soc == soc_of(test, SOC_7D))
		ctx->timing_reset = 0xfff80000 | GENMASK(18, 0);
	ocotp_start(test);
	emu = ctx->rw.emu;

	KUNIT_ASSERT_EQ(test, write_words(ctx->rw.nvmem, 4, vals, 1), 4);
	KUNIT_ASSERT_EQ(test, emu->programs, 1);
	t = emu->last_timing;
	kunit_info(test, "TIMING 0x%08x at %lu Hz\n", t, c->rate);

	/*
	 * The i.MX7D: STROBE_PROG [11:0], FSOURCE [18:12], the other bits
	 * kept (U-Boot set_timing(), clrsetbits_le32()).  The values are
	 * Linux 6.12 imx_ocotp_set_imx7_timing()'s: FSOURCE = ceil(f *
	 * 1001 ns) + 1, STROBE_PROG = round(f * 10 us) + 1; U-Boot's
	 * integer steps never give more.
	 */
	if (ctx->soc == soc_of(test, SOC_7D)) {
		prog = t & 0xfff;
		fsource = (t >> 12) & 0x7f;
		KUNIT_EXPECT_EQ(test, t & ~GENMASK(18, 0), 0xfff80000);
		KUNIT_EXPECT_EQ(test, fsource,
				DIV_ROUND_UP_ULL((u64)c->rate * 1001,
						 1000000000) + 1);
		KUNIT_EXPECT_EQ(test, prog,
				DIV_ROUND_CLOSEST_ULL((u64)c->rate * 10000,
						      1000000000) + 1);
		KUNIT_EXPECT_GE(test, fsource, uboot_imx7_fsource(c->rate));
		KUNIT_EXPECT_GE(test, prog, uboot_imx7_prog(c->rate));
		KUNIT_EXPECT_TRUE(test, covers(prog, c->rate, 10000));
		KUNIT_EXPECT_TRUE(test, covers(fsource, c->rate, 1001));
		return;
	}

	prog = t & 0xfff;
	relax = (t >> 12) & 0xf;
	rd = (t >> 16) & 0x3f;
	KUNIT_EXPECT_GE(test, relax, 1);
	KUNIT_EXPECT_TRUE(test, covers(relax + 1, c->rate, 17));
	KUNIT_ASSERT_GT(test, prog + 1, 2 * (relax + 1));
	KUNIT_ASSERT_GT(test, rd + 1, 2 * (relax + 1));
	KUNIT_EXPECT_TRUE(test, covers(prog + 1 - 2 * (relax + 1), c->rate,
				       10000));
	KUNIT_EXPECT_FALSE(test, covers(prog + 1 - 2 * (relax + 1), c->rate,
					12000));
	KUNIT_EXPECT_TRUE(test, covers(rd + 1 - 2 * (relax + 1), c->rate, 37));
	KUNIT_EXPECT_EQ(test, (t >> 22) & 0x3f, wait);
}

static struct kunit_case ocotp_timing_cases[] = {
	KUNIT_CASE_PARAM(timing_fields, timing_gen_params),
	{}
};

static struct kunit_suite ocotp_timing_suite = {
	.name = "otp-imx-ocotp-timing",
	.init = ocotp_test_init,
	.exit = ocotp_test_exit,
	.test_cases = ocotp_timing_cases,
};

/* ---- device tree ---- */

static void read_only_node(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct ocotp_emu *emu = ctx->ro.emu;
	u32 *before = fuse_snapshot(test, emu);
	u32 vals[1] = { 0x12345678 }, val;
	unsigned long writes = emu->writes;
	u8 le[4] = { 0x78, 0x56, 0x34, 0x12 };
	struct device_attribute *attr;
	otp_bin_attribute *bin;
	struct device *ndev;
	bool visible;
	umode_t mode;

	/* Root's alone by default; the read-only node opts out. */
	KUNIT_EXPECT_EQ(test, nvmem_file_mode(test, &ctx->ro), 0444);
	KUNIT_EXPECT_EQ(test, nvmem_file_mode(test, &ctx->rw), 0600);

	KUNIT_EXPECT_LT(test, write_words(ctx->ro.nvmem, 24, vals, 1), 0);
	KUNIT_EXPECT_EQ(test, nvmem_file_write(test, &ctx->ro, "nvmem", le, 4,
					       24 * 4), -EACCES);

	/*
	 * Clearing force_ro (6.12) cannot create a write path: the core
	 * hides the file of a provider without a write method, and a store
	 * to it anyway changes nothing (the core's write refuses).
	 */
	ndev = otp_kunit_nvmem_dev(ctx->ro.dev, ctx->ro.nvmem);
	KUNIT_ASSERT_NOT_NULL(test, ndev);
	attr = otp_kunit_sysfs_attr(ndev, "force_ro", &visible);
	KUNIT_EXPECT_FALSE(test, visible);
	if (attr && attr->store)
		attr->store(ndev, attr, "0", 1);
	KUNIT_EXPECT_LT(test, write_words(ctx->ro.nvmem, 24, vals, 1), 0);
	bin = otp_kunit_sysfs_bin(ndev, "nvmem", &mode);
	KUNIT_ASSERT_NOT_NULL(test, bin);
	KUNIT_ASSERT_NOT_NULL(test, bin->write);
	KUNIT_EXPECT_LT(test, bin->write(NULL, &ndev->kobj, bin, le, 24 * 4, 4), 0);
	if (attr && attr->store)
		attr->store(ndev, attr, "1", 1);
	put_device(ndev);

	KUNIT_EXPECT_EQ(test, emu->programs, 0);
	KUNIT_EXPECT_EQ(test, emu->writes, writes);
	expect_fuses_unchanged(test, emu, before);
	KUNIT_ASSERT_EQ(test, read_word(ctx->ro.nvmem, 37, &val), 4);
	KUNIT_EXPECT_EQ(test, val, imx8mm_seed_words[37]);
}

/* The cell @name of consumer @np reads @n bytes, @want. */
static void expect_cell(struct kunit *test, struct device_node *np,
			const char *name, const u8 *want, size_t n)
{
	struct nvmem_cell *cell;
	unsigned int i;
	size_t len;
	u8 *data;

	cell = of_nvmem_cell_get(np, name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, cell);
	data = nvmem_cell_read(cell, &len);
	nvmem_cell_put(cell);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, data);
	KUNIT_EXPECT_EQ(test, len, n);
	for (i = 0; i < n && i < len; i++)
		KUNIT_EXPECT_EQ_MSG(test, data[i], want[i], "%s byte %u", name, i);
	kfree(data);
}

static void mac_cell_byte_order(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x00, 0x04, 0xf3, 0x12, 0x34, 0x56 };
	struct test_ctx *ctx = test->priv;
	u8 raw[8], addr[ETH_ALEN];
	struct device_node *np;
	unsigned int i;
	u32 *words;

	/* Fuses hold the address last byte first at 0x90. */
	words = kunit_kmalloc(test, sizeof(imx8mm_seed_words), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, words);
	memcpy(words, imx8mm_seed_words, sizeof(imx8mm_seed_words));
	for (i = 0; i < ETH_ALEN; i++)
		raw[i] = mac[ETH_ALEN - 1 - i];
	words[36] = raw[0] | raw[1] << 8 | raw[2] << 16 | (u32)raw[3] << 24;
	words[37] = (words[37] & 0xffff0000) | raw[4] | raw[5] << 8;
	ctx->words = words;
	ocotp_start(test);

	np = of_find_node_by_path(NODE_CONSUMER);
	KUNIT_ASSERT_NOT_NULL(test, np);
	expect_cell(test, np, "mac-address", mac, ETH_ALEN);
	/* Other cells keep the fuse byte order. */
	for (i = 0; i < 8; i++)
		raw[i] = words[2 + i / 4] >> (8 * (i % 4));
	expect_cell(test, np, "unique-id", raw, 8);

	if (IS_ENABLED(CONFIG_NET)) {
		memset(addr, 0, sizeof(addr));
		KUNIT_EXPECT_EQ(test, of_get_mac_address(np, addr), 0);
		for (i = 0; i < ETH_ALEN; i++)
			KUNIT_EXPECT_EQ_MSG(test, addr[i], mac[i], "byte %u", i);
	}
	of_node_put(np);
}

/*
 * The i.MX8MP's second MAC at 0x96 starts in the middle of a word; written
 * the way "otp write-mac" does (whole words, neighbours kept), it reads back
 * through the cell in the right order.
 */
static void mac_cell_unaligned_8mp(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x00, 0x04, 0x9f, 0xab, 0xcd, 0xef };
	struct test_ctx *ctx = test->priv;
	u8 buf[8], addr[ETH_ALEN];
	struct device_node *np;
	unsigned int i;

	ctx->soc = soc_of(test, SOC_8MP);
	ctx->words = NULL;
	ocotp_start(test);
	/* Words 37 and 38: bytes 0x94, 0x95 belong to the first MAC. */
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw.nvmem, 0x94, 8, buf), 8);
	buf[0] = 0x5a;
	for (i = 0; i < ETH_ALEN; i++)
		buf[2 + i] = mac[ETH_ALEN - 1 - i];
	KUNIT_ASSERT_EQ(test, nvmem_device_write(ctx->rw.nvmem, 0x94, 8, buf), 8);
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->fuse[37], 0xcdef005a);
	KUNIT_EXPECT_EQ(test, ctx->rw.emu->fuse[38], 0x00049fab);

	np = of_find_node_by_path(NODE_CONSUMER2);
	KUNIT_ASSERT_NOT_NULL(test, np);
	expect_cell(test, np, "mac-address", mac, ETH_ALEN);
	if (IS_ENABLED(CONFIG_NET)) {
		KUNIT_EXPECT_EQ(test, of_get_mac_address(np, addr), 0);
		for (i = 0; i < ETH_ALEN; i++)
			KUNIT_EXPECT_EQ_MSG(test, addr[i], mac[i], "byte %u", i);
	}
	of_node_put(np);
}

static int match_of_node(struct device *dev, const void *data)
{
	return dev->of_node == data;
}

static void expect_not_bound(struct kunit *test, const char *path)
{
	struct platform_device *pdev = otp_kunit_find_pdev(path);
	struct nvmem_device *nvmem;

	KUNIT_ASSERT_NOT_NULL_MSG(test, pdev, "%s", path);
	KUNIT_EXPECT_PTR_EQ_MSG(test, pdev->dev.driver, NULL, "%s", path);
	/* The real driver refused it: a bad reg is EINVAL, and no mapping. */
	otp_kunit_expect_refused(test, pdev, "otp-imx-ocotp", -EINVAL);
	nvmem = nvmem_device_find(pdev->dev.of_node, match_of_node);
	KUNIT_EXPECT_TRUE_MSG(test, IS_ERR_OR_NULL(nvmem), "%s", path);
	if (!IS_ERR_OR_NULL(nvmem))
		nvmem_device_put(nvmem);
	put_device(&pdev->dev);
}

static void bad_dt_probe_fails(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, imx_ocotp_bad_dtbo,
						      sizeof(imx_ocotp_bad_dtbo)),
			0);
	expect_not_bound(test, NODE_NOREG);
	expect_not_bound(test, NODE_SMALL);
}

/*
 * An i.MX8MM OCOTP node without "clocks" (its reg is fine and maps) is
 * refused, with one line naming the property: bound, the controller would
 * be read with nothing keeping its clock on.  (An i.MX93 node without one
 * binds: tests/e2e/imx93-ocotp.sh.)
 */
static void no_clocks_refused(struct kunit *test)
{
	struct platform_device *pdev;
	u64 mark;

	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, imx_ocotp_bad_dtbo,
						      sizeof(imx_ocotp_bad_dtbo)),
			0);
	pdev = otp_kunit_find_pdev(NODE_NOCLK);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	mark = otp_kunit_log_mark();
	/* One probe more, through device_driver_attach(). */
	expect_not_bound(test, NODE_NOCLK);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, &pdev->dev,
						  "has no clocks property"), 1);
	put_device(&pdev->dev);
}

/*
 * A hostile DT: the provider refuses the node, or each bad cell, or reads
 * it right; it never hands out bytes that are not its fuses.
 */
static void hostile_cells(struct kunit *test)
{
	static const struct {
		const char *name;
		unsigned int off, len;
		bool valid;
	} cells[] = {
		{ "crosses-end", 0x3fe, 4, false },
		{ "past-end", 0x500, 4, false },
		{ "empty", 0x10, 0, false },
		{ "overlap-a", 0x8, 8, true },
		{ "overlap-b", 0xc, 8, true },
	};
	/* Invalid cells: refused, or read as no byte at all. */
	struct test_ctx *ctx = test->priv;
	struct nvmem_cell *cell;
	struct device_node *np;
	unsigned int i, k, refused = 0;
	size_t len;
	u8 *data;

	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, imx_ocotp_cells_bad_dtbo,
						      sizeof(imx_ocotp_cells_bad_dtbo)),
			0);
	np = of_find_node_by_path("/otp-kunit-hostile-consumer");
	KUNIT_ASSERT_NOT_NULL(test, np);
	for (i = 0; i < ARRAY_SIZE(cells); i++) {
		cell = of_nvmem_cell_get(np, cells[i].name);
		if (IS_ERR(cell)) {
			/* A bound provider serves every valid cell. */
			KUNIT_EXPECT_TRUE_MSG(test, !cells[i].valid || ctx->rw.err,
					      "%s refused: %ld", cells[i].name,
					      PTR_ERR(cell));
			refused++;
			continue;
		}
		data = nvmem_cell_read(cell, &len);
		nvmem_cell_put(cell);
		if (IS_ERR(data)) {
			KUNIT_EXPECT_FALSE_MSG(test, cells[i].valid, "%s: %ld",
					       cells[i].name, PTR_ERR(data));
			refused++;
			continue;
		}
		if (!cells[i].valid) {
			/* Nothing that is not a fuse may come out. */
			KUNIT_EXPECT_EQ_MSG(test, len, 0, "%s", cells[i].name);
		} else {
			KUNIT_EXPECT_EQ(test, len, cells[i].len);
			for (k = 0; k < len && k < cells[i].len; k++)
				KUNIT_EXPECT_EQ_MSG(test, data[k],
						    model_byte(ctx, cells[i].off + k),
						    "%s byte %u", cells[i].name, k);
		}
		kfree(data);
	}
	of_node_put(np);
	kunit_info(test, "provider %s, %u of %zu cells refused\n",
		   ctx->rw.err ? "refused the node" : "bound", refused,
		   ARRAY_SIZE(cells));
}

/* An overlay of two harness nodes (writable, read-only): both refused. */
static void expect_both_refused(struct kunit *test, const void *dtbo, u32 size)
{
	struct test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, dtbo, size), 0);
	KUNIT_EXPECT_EQ(test, ctx->rw.err, -EINVAL);
	KUNIT_EXPECT_NULL(test, ctx->rw.nvmem);
	KUNIT_EXPECT_EQ(test, ctx->ro.err, -EINVAL);
	KUNIT_EXPECT_NULL(test, ctx->ro.nvmem);
}

/*
 * Cells written for #address-cells = <2> or #size-cells = <2>: the core
 * would take (0, 0x90) as offset and size of each.
 */
static void hostile_address_cells(struct kunit *test)
{
	expect_both_refused(test, imx_ocotp_addrcells_bad_dtbo,
			    sizeof(imx_ocotp_addrcells_bad_dtbo));
}

/* Cells whose bits do not fit in them (4 + 16 bits in 2 bytes; none). */
static void hostile_bits(struct kunit *test)
{
	expect_both_refused(test, imx_ocotp_bits_bad_dtbo,
			    sizeof(imx_ocotp_bits_bad_dtbo));
}

/*
 * After their overlay is removed the controllers' emulators are freed with
 * their devices: exit must not look at them, on a skip or failure either
 * (a use-after-free the hunt kernel's KFENCE and KASAN caught).
 */
static void ocotp_forget(struct test_ctx *ctx)
{
	memset(&ctx->rw, 0, sizeof(ctx->rw));
	memset(&ctx->ro, 0, sizeof(ctx->ro));
}

/* Device numbers come from an IDA and are given back on unbind. */
static void device_ids_reused(struct kunit *test)
{
	struct test_ctx *ctx = test->priv;
	char first[2][32];
	int ovcs = 0, ret;

	KUNIT_ASSERT_EQ(test, otp_overlay_apply(imx_ocotp_test_dtbo,
						sizeof(imx_ocotp_test_dtbo),
						&ovcs), 0);
	if (ctx->rw.err || ctx->ro.err) {
		otp_kunit_overlay_remove(&ovcs);
		KUNIT_FAIL(test, "probe failed: %d %d", ctx->rw.err,
			   ctx->ro.err);
		ocotp_forget(ctx);
		return;
	}
	strscpy(first[0], nvmem_dev_name(ctx->rw.nvmem), sizeof(first[0]));
	strscpy(first[1], nvmem_dev_name(ctx->ro.nvmem), sizeof(first[1]));
	KUNIT_EXPECT_STRNEQ(test, first[0], first[1]);
	ret = otp_kunit_overlay_remove(&ovcs);
	ocotp_forget(ctx);
	KUNIT_ASSERT_EQ(test, ret, 0);
	/*
	 * The ids come free when the NVMEM devices are released: at once, or
	 * 1 to 4 s later under DEBUG_KOBJECT_RELEASE (lib/kobject.c), which
	 * a unit test does not wait for; tests/e2e/teardown.sh
	 * (held-name-back) checks the name comes back on every kernel.
	 */
	if (IS_ENABLED(CONFIG_DEBUG_KOBJECT_RELEASE))
		kunit_skip(test, "NVMEM ids come free up to 4 s later here");

	ocotp_start(test);
	KUNIT_EXPECT_STREQ(test, nvmem_dev_name(ctx->rw.nvmem), first[0]);
	KUNIT_EXPECT_STREQ(test, nvmem_dev_name(ctx->ro.nvmem), first[1]);
}

static int match_dev_name(struct device *dev, const void *name)
{
	return !strcmp(dev_name(dev), name);
}

/*
 * A consumer holds the NVMEM device and one of its cells while its
 * provider goes away (the harness device is unbound, its emulator freed
 * with it).  The nvmem core
 * keeps the device and goes on calling the provider: every access must
 * answer -ENODEV without reaching the freed emulator (KASAN watches), and
 * the name stays taken until the holder lets go.
 */
static void held_across_removal(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct nvmem_device *held, *again;
	struct device *hdev = ctx->rw.dev;
	struct nvmem_cell *cell;
	struct device_node *np;
	u32 val = 0;
	char name[32];
	size_t len;
	u8 *data;

	strscpy(name, nvmem_dev_name(ctx->rw.nvmem), sizeof(name));
	held = nvmem_device_find(name, match_dev_name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, held);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 4 * 37, 4, &val), 4);
	KUNIT_EXPECT_EQ(test, val, imx8mm_seed_words[37]);
	/* A cell too, taken with no device link (of_nvmem_cell_get()). */
	np = of_find_node_by_path(NODE_CONSUMER);
	KUNIT_ASSERT_NOT_NULL(test, np);
	cell = of_nvmem_cell_get(np, "mac-address");
	of_node_put(np);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, cell);
	data = nvmem_cell_read(cell, &len);
	KUNIT_EXPECT_FALSE(test, IS_ERR(data));
	if (!IS_ERR(data))
		kfree(data);

	device_release_driver(hdev);
	memset(&ctx->rw, 0, sizeof(ctx->rw));
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 4 * 37, 4, &val), -ENODEV);
	data = nvmem_cell_read(cell, &len);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(data), -ENODEV);
	if (!IS_ERR(data))
		kfree(data);
	nvmem_cell_put(cell);
	val = 0x00100000;
	KUNIT_EXPECT_EQ(test, nvmem_device_write(held, 4 * 24, 4, &val),
			-ENODEV);

	/* The controller binds again beside the held device, renamed. */
	KUNIT_EXPECT_EQ(test, device_attach(hdev), 1);
	KUNIT_ASSERT_EQ(test, ctx->rw.err, 0);
	KUNIT_EXPECT_STRNEQ(test, nvmem_dev_name(ctx->rw.nvmem), name);

	/* Letting go releases the old device and its name. */
	nvmem_device_put(held);
	again = nvmem_device_find(name, match_dev_name);
	KUNIT_EXPECT_TRUE(test, IS_ERR(again));
	if (!IS_ERR(again))
		nvmem_device_put(again);
}

/*
 * The 6.12+ core's cells/ files are drained only at kobject_del(), after
 * device_del() has released the NVMEM device's devres: a cells/ read in
 * flight then still reaches the provider's callback.  Stand in for it by
 * pinning the device across the unbind: the callback must find the
 * state alive (KASAN reports a use after free otherwise) and answer
 * -ENODEV, and the state goes with the last reference.
 */
static void read_after_device_del(struct kunit *test)
{
	struct test_ctx *ctx = ocotp_start(test);
	struct nvmem_device *nvmem = ctx->rw.nvmem;
	struct device *hdev = ctx->rw.dev;
	struct device *ndev;
	u32 val = 0;

	ndev = device_find_child_by_name(hdev, nvmem_dev_name(nvmem));
	KUNIT_ASSERT_NOT_NULL(test, ndev);
	device_release_driver(hdev);
	memset(&ctx->rw, 0, sizeof(ctx->rw));
	KUNIT_EXPECT_FALSE(test, device_is_registered(ndev));
	KUNIT_EXPECT_EQ(test, nvmem_device_read(nvmem, 4 * 37, 4, &val), -ENODEV);
	put_device(ndev);
}

static struct kunit_case ocotp_dt_cases[] = {
	KUNIT_CASE(read_only_node),
	KUNIT_CASE(mac_cell_byte_order),
	KUNIT_CASE(mac_cell_unaligned_8mp),
	KUNIT_CASE(bad_dt_probe_fails),
	KUNIT_CASE(no_clocks_refused),
	KUNIT_CASE(hostile_cells),
	KUNIT_CASE(hostile_address_cells),
	KUNIT_CASE(hostile_bits),
	KUNIT_CASE(device_ids_reused),
	KUNIT_CASE(held_across_removal),
	KUNIT_CASE(read_after_device_del),
	{}
};

static struct kunit_suite ocotp_dt_suite = {
	.name = "otp-imx-ocotp-dt",
	.init = ocotp_test_init,
	.exit = ocotp_test_exit,
	.test_cases = ocotp_dt_cases,
};

/* ---- i.MX93/95: the fuse shadow block ---- */

#define FSB_WORDS	512

/* A fuse image whose every byte says where it is. */
static u32 *fsb_image(struct kunit *test)
{
	u32 *w = kunit_kcalloc(test, FSB_WORDS, sizeof(*w), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, w);
	for (i = 0; i < FSB_WORDS; i++)
		w[i] = 0x5a000000 | i << 12 | (~i & 0xfff);
	return w;
}

static struct ocotp_emu *fsb_start(struct kunit *test, unsigned int soc)
{
	struct test_ctx *ctx = test->priv;

	ctx->soc = &fsb_socs[soc];
	ctx->words = fsb_image(test);
	ctx->nwords = FSB_WORDS;
	ocotp_start(test);
	return ctx->rw.emu;
}

/*
 * Every word of FSB part @soc, in one read of the whole device and then
 * word by word, against what the emulator's own map says a reader gets;
 * returns how many words read non-zero.  A shadow the map holds no fuse
 * for is never read (the exit checks hole_reads).
 */
static unsigned int fsb_check_reads(struct kunit *test, unsigned int soc,
				    unsigned int *ecc)
{
	struct ocotp_emu *emu = fsb_start(test, soc);
	struct test_ctx *ctx = test->priv;
	unsigned int n, served = 0;
	u32 *all, val, want;

	*ecc = 0;
	all = kunit_kmalloc(test, 4 * FSB_WORDS, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, all);
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw.nvmem, 0, 4 * FSB_WORDS,
						all), 4 * FSB_WORDS);
	for (n = 0; n < FSB_WORDS; n++) {
		want = ocotp_emu_fsb_expect(emu, n);
		served += want != 0;
		*ecc += want && want != emu->fuse[n];
		KUNIT_EXPECT_EQ_MSG(test, le32_to_cpu((__force __le32)all[n]), want,
				    "word %u (offset %#x)", n, 4 * n);
		KUNIT_ASSERT_EQ(test, read_word(ctx->rw.nvmem, n, &val), 4);
		KUNIT_EXPECT_EQ_MSG(test, val, want, "word %u alone", n);
	}
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->rw.nvmem, 4 * FSB_WORDS, 1,
						all), -EINVAL);
	return served;
}

/*
 * i.MX93: every word the FSB holds (U-Boot's map) reads its fuse, every
 * other word (enclave-only, reserved) reads 0.
 */
static void fsb_imx93_reads(struct kunit *test)
{
	unsigned int ecc;

	/* U-Boot: banks 0-5, half of bank 6, banks 39-63. */
	KUNIT_EXPECT_EQ(test, fsb_check_reads(test, 0, &ecc), 52 + 200);
	KUNIT_EXPECT_EQ(test, ecc, 0);
}

/*
 * i.MX95: each word reads what NXP's own kernel reads for it (the
 * emulator's table): the whole fuse, bits 15:0 of an ECC word (the image
 * has its upper half set, so a raw read shows), or 0 for the enclave's
 * and the unlisted words.
 */
static void fsb_imx95_reads(struct kunit *test)
{
	unsigned int ecc;

	/* 24 + 14 + 7 + 184 whole words, 9 ECC words. */
	KUNIT_EXPECT_EQ(test, fsb_check_reads(test, 1, &ecc), 229 + 9);
	KUNIT_EXPECT_EQ(test, ecc, 9);
}

/* The MAC cells of the i.MX93 boards (offsets 0x4ec, 0x4f2) and odd reads. */
static void fsb_imx93_unaligned(struct kunit *test)
{
	static const struct {
		unsigned int off, len;
	} shapes[] = {
		{ 0x4ec, 6 }, { 0x4f2, 6 }, { 0x4ed, 3 }, { 0xce, 5 },
		{ 0x7fd, 3 }, { 0x4e0, 33 },
	};
	struct ocotp_emu *emu = fsb_start(test, 0);
	struct test_ctx *ctx = test->priv;
	unsigned int i, b, off;
	u8 buf[64], want;
	u32 w;

	for (i = 0; i < ARRAY_SIZE(shapes); i++) {
		KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw.nvmem,
							shapes[i].off,
							shapes[i].len, buf),
				shapes[i].len);
		for (b = 0; b < shapes[i].len; b++) {
			off = shapes[i].off + b;
			w = ocotp_emu_fsb_serves(emu, off / 4) ?
			    emu->fuse[off / 4] : 0;
			want = w >> (8 * (off % 4));
			KUNIT_EXPECT_EQ_MSG(test, buf[b], want, "byte %#x", off);
		}
	}
}

/*
 * Both parts are read-only (programming goes through the enclave): the
 * nvmem file is 0400, a write is refused, and nothing is written to the
 * block; the i.MX95 reads only shadows of the block, never a hole.
 */
static void fsb_read_only(struct kunit *test)
{
	const struct test_soc *soc = test->param_value;
	struct ocotp_emu *emu = fsb_start(test, soc - fsb_socs);
	struct test_ctx *ctx = test->priv;
	u32 val = 1, *all;

	KUNIT_EXPECT_EQ(test, nvmem_file_mode(test, &ctx->rw), 0400);
	KUNIT_EXPECT_LT(test, write_words(ctx->rw.nvmem, 400, &val, 1), 0);
	KUNIT_EXPECT_EQ(test, emu->writes, 0);
	all = kunit_kmalloc(test, 4 * FSB_WORDS, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, all);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->rw.nvmem, 0, 4 * FSB_WORDS,
						all), 4 * FSB_WORDS);
	KUNIT_EXPECT_GT(test, emu->shadow_reads, 0);
}

/*
 * A "mac-address" cell gives the MAC the board's U-Boot sets: the bytes
 * reversed on the i.MX93 (as on every earlier part), in memory order on
 * the i.MX95.  The consumer's cell covers 0x90-0x95 (ECC words on the
 * i.MX95, so its bytes are db 4f 00 00 da 5f, no palindrome).
 */
static void fsb_mac_cell_order(struct kunit *test)
{
	const struct test_soc *soc = test->param_value;
	struct test_ctx *ctx = test->priv;
	u8 raw[ETH_ALEN], want[ETH_ALEN];
	struct device_node *np;
	unsigned int i;

	fsb_start(test, soc - fsb_socs);
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw.nvmem, 0x90, ETH_ALEN,
						raw), ETH_ALEN);
	for (i = 0; i < ETH_ALEN; i++)
		want[i] = soc->mac_in_order ? raw[i] : raw[ETH_ALEN - 1 - i];
	np = of_find_node_by_path(NODE_CONSUMER);
	KUNIT_ASSERT_NOT_NULL(test, np);
	expect_cell(test, np, "mac-address", want, ETH_ALEN);
	of_node_put(np);
}

/*
 * Every consumer of a SoC tree's OTP cells, with the cells as that tree
 * declares them (imx6qdl.dtsi's "mac-addr@88" asked for as "mac-address",
 * the i.MX6UL's and i.MX8MP's second MAC starting mid-word, ...), reads
 * what U-Boot reads from the same fuses.
 */
static void upstream_cells(struct kunit *test)
{
	const struct otp_upstream_soc *u = test->param_value;
	struct test_ctx *ctx = test->priv;
	unsigned int i;

	ctx->soc = soc_of(test, u->compatible);
	ctx->words = u->words;
	ctx->nwords = u->nwords;
	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, u->dtbo,
						      u->dtbo_size), 0);
	KUNIT_ASSERT_EQ(test, ctx->rw.err, 0);
	for (i = 0; i < u->nreads; i++)
		otp_upstream_expect(test, &u->reads[i]);
}

KUNIT_ARRAY_PARAM(upstream, otp_upstream_socs, otp_upstream_desc);

static struct kunit_case ocotp_upstream_cases[] = {
	KUNIT_CASE_PARAM(upstream_cells, upstream_gen_params),
	{}
};

static struct kunit_suite ocotp_upstream_suite = {
	.name = "otp-imx-ocotp-upstream",
	.init = ocotp_test_init,
	.exit = ocotp_test_exit,
	.test_cases = ocotp_upstream_cases,
};

static void fsb_desc(const struct test_soc *soc, char *desc)
{
	strscpy(desc, soc->compatible, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(fsb_soc, fsb_socs, fsb_desc);

static struct kunit_case ocotp_fsb_cases[] = {
	KUNIT_CASE(fsb_imx93_reads),
	KUNIT_CASE(fsb_imx95_reads),
	KUNIT_CASE(fsb_imx93_unaligned),
	KUNIT_CASE_PARAM(fsb_read_only, fsb_soc_gen_params),
	KUNIT_CASE_PARAM(fsb_mac_cell_order, fsb_soc_gen_params),
	{}
};

static struct kunit_suite ocotp_fsb_suite = {
	.name = "otp-imx-ocotp-fsb",
	.init = ocotp_test_init,
	.exit = ocotp_test_exit,
	.test_cases = ocotp_fsb_cases,
};

kunit_test_suites(&ocotp_read_suite, &ocotp_write_suite, &ocotp_timing_suite,
		  &ocotp_dt_suite, &ocotp_fsb_suite, &ocotp_upstream_suite);

MODULE_DESCRIPTION("KUnit tests for the i.MX OCOTP NVMEM provider");
MODULE_LICENSE("GPL");
OTP_IMPORT_KUNIT_NS();
