// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the otp-stm32-romem NVMEM provider.
 *
 * Every test creates its device through a device-tree overlay.  Most use a
 * harness node that this module's own platform driver binds: its probe
 * builds an emulated BSEC (bsec-emu.c) and hands it to the
 * provider's hardware-independent half.  The bad-DT cases instead create
 * nodes the real driver binds, and check that it refuses them cleanly.
 */

#include <kunit/test.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/nvmem-consumer.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "bsec-emu.h"
#include "otp-compat.h"
#include "otp-kunit.h"
#include "stm32-romem-io.h"

#include "stm32-bsec-test.dtbo.h"
#include "stm32-f4-test.dtbo.h"
#include "stm32-bsec-noreg-test.dtbo.h"
#include "stm32-bsec-smallreg-test.dtbo.h"
#include "stm32-f4-badreg-test.dtbo.h"

#define ROMEM_SIZE		(BSEC_EMU_WORDS * 4)
#define ROMEM_F4_WORDS		132
#define ROMEM_BSEC_PATH		"/otp-kunit-bsec"
#define ROMEM_CONSUMER_PATH	"/otp-kunit-bsec-consumer"
#define ROMEM_NVMEM_PREFIX	"stm32-romem"
#define ROMEM_REAL_DRIVER	"otp-stm32-romem"

/*
 * The STM32MP15 reference dump (stm32mp15_seed_words[]), from
 * tests/data/stm32mp15-seed.words as the QEMU register image is; its
 * lower words are the seed, the upper ones there are 0.
 */
#include "stm32mp15-seed.words.h"

/*
 * The SoC trees of the kernel this suite is built against, their BSEC
 * cells and consumers (tests/gen-upstream-cells.py, run by Kbuild).
 */
#include "otp-upstream.h"
#include "stm32-upstream-cells.h"

/**
 * struct romem_ctx - one device under test
 * @emu: emulated hardware behind it
 * @nvmem: what the provider registered
 * @dev: the harness platform device
 * @probed: the harness probe ran
 * @probe_ret: its result
 * @harness: the harness driver of this device, whose probe builds it
 */
struct romem_ctx {
	struct bsec_emu *emu;
	struct nvmem_device *nvmem;
	struct device *dev;
	bool probed;
	int probe_ret;
	struct platform_driver harness;
};

static int romem_harness_probe(struct platform_device *pdev)
{
	const struct otp_stm32_desc *desc;
	struct romem_ctx *ctx = container_of(to_platform_driver(pdev->dev.driver),
					     struct romem_ctx, harness);
	struct nvmem_device *nvmem;

	if (ctx->probed)
		return -ENODEV;
	ctx->probed = true;

	/* The harness node's match data names the block it stands for. */
	desc = otp_stm32_romem_desc(device_get_match_data(&pdev->dev));
	if (!desc)
		return ctx->probe_ret = -EINVAL;

	nvmem = otp_stm32_romem_register(&pdev->dev, &ctx->emu->io,
					 ctx->emu->size, &ctx->emu->ops,
					 desc, false);
	if (IS_ERR(nvmem))
		return ctx->probe_ret = PTR_ERR(nvmem);

	ctx->nvmem = nvmem;
	ctx->dev = &pdev->dev;
	ctx->probe_ret = 0;
	return 0;
}

static const struct of_device_id romem_harness_of_match[] = {
	{
		.compatible = "otp-kunit,stm32mp15-bsec-harness",
		.data = "st,stm32mp15-bsec",
	},
	{
		.compatible = "otp-kunit,stm32f4-otp-harness",
		.data = "st,stm32f4-otp",
	},
	{ }
};

/* Distinctive upper words: every byte differs from its neighbours */
static u32 romem_upper_word(unsigned int n)
{
	return 0xa0000000 | n << 16 | (0xff - n) << 8 | (n ^ 0x3c);
}

/* Distinctive words for the whole block, used by the byte-range sweep */
static u32 romem_pattern_word(unsigned int n)
{
	return (0x10 + n) << 24 | (0x80 + n) << 16 | (0xff - n) << 8 | n;
}

static struct bsec_emu *romem_emu_seed(struct kunit *test)
{
	u32 words[BSEC_EMU_WORDS] = { };
	struct bsec_emu *emu;
	unsigned int i;

	emu = kunit_kzalloc(test, sizeof(*emu), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, emu);
	BUILD_BUG_ON(ARRAY_SIZE(stm32mp15_seed_words) < BSEC_EMU_SHADOWED ||
		     ARRAY_SIZE(stm32mp15_seed_words) > BSEC_EMU_WORDS);
	memcpy(words, stm32mp15_seed_words, 4 * BSEC_EMU_SHADOWED);
	for (i = BSEC_EMU_SHADOWED; i < BSEC_EMU_WORDS; i++)
		words[i] = romem_upper_word(i);
	bsec_emu_init(emu, words);
	return emu;
}

static struct bsec_emu *romem_emu_pattern(struct kunit *test)
{
	u32 words[BSEC_EMU_WORDS];
	struct bsec_emu *emu;
	unsigned int i;

	emu = kunit_kzalloc(test, sizeof(*emu), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, emu);
	for (i = 0; i < BSEC_EMU_WORDS; i++)
		words[i] = romem_pattern_word(i);
	bsec_emu_init(emu, words);
	return emu;
}

/*
 * Create a harness device over @emu through the overlay @dtbo; it lives
 * until the test ends.
 */
static struct romem_ctx *romem_start(struct kunit *test, struct bsec_emu *emu,
				     const void *dtbo, u32 dtbo_size)
{
	struct romem_ctx *ctx;
	int ret;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx);
	ctx->emu = emu;
	ctx->harness.probe = romem_harness_probe;
	ctx->harness.driver.of_match_table = romem_harness_of_match;
	KUNIT_ASSERT_EQ(test, otp_kunit_harness_register(test, &ctx->harness,
							 "stm32-romem"), 0);

	ret = otp_kunit_overlay_apply(test, dtbo, dtbo_size);

	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "overlay apply failed");
	KUNIT_ASSERT_TRUE_MSG(test, ctx->probed, "harness device not probed");
	KUNIT_ASSERT_EQ_MSG(test, ctx->probe_ret, 0, "provider setup failed");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->nvmem);
	return ctx;
}

static struct romem_ctx *romem_start_bsec(struct kunit *test,
					  struct bsec_emu *emu)
{
	return romem_start(test, emu, stm32_bsec_test_dtbo,
			   sizeof(stm32_bsec_test_dtbo));
}

/* Read [@offset, @offset + @len) and compare it with the emulator model */
static bool romem_range_matches(struct kunit *test, struct romem_ctx *ctx,
				u8 *buf, unsigned int offset, unsigned int len)
{
	unsigned int i;
	int ret;

	memset(buf, 0xa5, len);
	ret = nvmem_device_read(ctx->nvmem, offset, len, buf);
	if (ret != len) {
		KUNIT_FAIL(test, "read %u bytes at 0x%x returned %d", len,
			   offset, ret);
		return false;
	}
	if (ctx->emu->stray) {
		KUNIT_FAIL(test, "read %u bytes at 0x%x: %u register reads off the window",
			   len, offset, ctx->emu->stray);
		return false;
	}
	for (i = 0; i < len; i++) {
		u8 want = bsec_emu_visible_byte(ctx->emu, offset + i);

		if (buf[i] != want) {
			KUNIT_FAIL(test,
				   "read %u bytes at 0x%x: byte 0x%x is 0x%02x, model 0x%02x",
				   len, offset, offset + i, buf[i], want);
			return false;
		}
	}
	return true;
}

static u32 romem_read_word(struct kunit *test, struct romem_ctx *ctx,
			   unsigned int word)
{
	__le32 raw = 0;

	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, word * 4, 4, &raw),
			4);
	return le32_to_cpu(raw);
}

/* ---------------------------------------------------------------------- */
/* Every (offset, length) pair, one parameter per first word */

/*
 * Start offsets in groups of ROMEM_SWEEP_WORDS words, one device per group:
 * creating the device costs more than its thousands of reads.  The shadow
 * and secure words (32 and 64) fall in whole groups.
 */
#define ROMEM_SWEEP_WORDS	8
static const u8 romem_sweep_slots[BSEC_EMU_WORDS / ROMEM_SWEEP_WORDS];

static const void *romem_sweep_gen(OTP_KUNIT_GEN_ARGS)
{
	const u8 *slot = prev ? (const u8 *)prev + 1 : romem_sweep_slots;
	unsigned int word = (slot - romem_sweep_slots) * ROMEM_SWEEP_WORDS;

	if (slot >= romem_sweep_slots + ARRAY_SIZE(romem_sweep_slots))
		return NULL;
	snprintf(desc, KUNIT_PARAM_DESC_SIZE,
		 "offsets 0x%03x-0x%03x (words %u-%u, %s), every length",
		 word * 4, (word + ROMEM_SWEEP_WORDS) * 4 - 1, word,
		 word + ROMEM_SWEEP_WORDS - 1,
		 word < BSEC_EMU_SHADOWED ? "shadow" : "secure");
	return slot;
}

static void romem_read_every_range(struct kunit *test)
{
	unsigned int word = ((const u8 *)test->param_value - romem_sweep_slots) *
			    ROMEM_SWEEP_WORDS;
	struct romem_ctx *ctx;
	unsigned int offset, len;
	u8 *buf;

	ctx = romem_start_bsec(test, romem_emu_pattern(test));
	buf = kunit_kzalloc(test, ROMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	for (offset = word * 4; offset < (word + ROMEM_SWEEP_WORDS) * 4;
	     offset++) {
		for (len = 1; len <= ROMEM_SIZE - offset; len++)
			if (!romem_range_matches(test, ctx, buf, offset, len))
				return;
		/* Thousands of reads: let RCU and others run on !PREEMPT. */
		cond_resched();
	}

	KUNIT_EXPECT_EQ(test, ctx->emu->secret_reads, 0);
}

static void romem_read_word_boundary(struct kunit *test)
{
	struct romem_ctx *ctx = romem_start_bsec(test, romem_emu_pattern(test));
	u8 buf[8];

	/* word 31 is the last shadow word, word 32 the first secure one */
	romem_range_matches(test, ctx, buf, 31 * 4, 8);
	romem_range_matches(test, ctx, buf, 31 * 4 + 2, 4);
	romem_range_matches(test, ctx, buf, 31 * 4 + 3, 2);
	romem_range_matches(test, ctx, buf, 31 * 4 + 1, 7);
	KUNIT_EXPECT_NE(test, romem_read_word(test, ctx, 31), 0);
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 32),
			romem_pattern_word(32));
	KUNIT_EXPECT_EQ(test, ctx->emu->secret_reads, 0);
}

/* ---------------------------------------------------------------------- */
/* Words the secure monitor refuses */

struct romem_refusal {
	const char *name;
	u32 code;
	bool probe_word_too;
};

/*
 * The two answers that keep a word from the normal world (the status
 * values of bsec-emu.h); FAILED and statuses no firmware defines fail the
 * read instead (romem_failed_words_fail_reads).
 */
static const struct romem_refusal romem_refusals[] = {
	{ "not supported", BSEC_EMU_SMC_NOT_SUPPORTED, false },
	{ "invalid parameter", BSEC_EMU_SMC_INVALID, true },
};

static void romem_refusal_desc(const struct romem_refusal *r, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", r->name);
}

KUNIT_ARRAY_PARAM(romem_refusal, romem_refusals, romem_refusal_desc);

static void romem_refused_words_read_zero(struct kunit *test)
{
	static const unsigned int secret[] = { 33, 47, 57, 95 };
	const struct romem_refusal *r = test->param_value;
	struct bsec_emu *emu = romem_emu_seed(test);
	struct romem_ctx *ctx;
	unsigned int i, word;
	__le32 *buf;
	int ret;

	for (i = 0; i < ARRAY_SIZE(secret); i++)
		emu->refuse[secret[i]] = r->code;
	/* probing the service with a refused word must still find it */
	if (r->probe_word_too)
		emu->refuse[BSEC_EMU_SHADOWED] = r->code;

	ctx = romem_start_bsec(test, emu);
	buf = kunit_kzalloc(test, ROMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	ret = nvmem_device_read(ctx->nvmem, 0, ROMEM_SIZE, buf);
	KUNIT_ASSERT_EQ(test, ret, ROMEM_SIZE);

	for (word = 0; word < BSEC_EMU_WORDS; word++) {
		u32 got = le32_to_cpu(buf[word]);

		if (emu->refuse[word]) {
			KUNIT_EXPECT_NE(test, emu->fuses[word], 0);
			KUNIT_EXPECT_EQ_MSG(test, got, 0,
					    "refused word %u leaked", word);
		} else {
			KUNIT_EXPECT_EQ_MSG(test, got, emu->fuses[word],
					    "word %u", word);
		}
	}

	/* one refused word on its own, twice: still no error */
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 57), 0);
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 58),
			romem_upper_word(58));
	KUNIT_EXPECT_EQ(test, emu->secret_reads, 0);
}

/* The whole line, to its end. */
#define ROMEM_TFA_SUMMARY "words 32..95: 61 refused by the secure service (invalid parameter, 0xfffffffd) and read as 0; served: 57-59\n"

/*
 * As on an STM32MP15 with ST's TF-A, the secure service refuses every
 * upper word but 57-59.  A word read on its own is named once; the first
 * read of the whole device names the refusals in one line, with the words
 * served, and no word on its own; later reads add nothing.
 */
static void romem_refusals_summarised(struct kunit *test)
{
	struct bsec_emu *emu = romem_emu_seed(test);
	struct romem_ctx *ctx;
	unsigned int i, word;
	u64 mark;
	u8 *buf;

	for (word = BSEC_EMU_SHADOWED; word < BSEC_EMU_WORDS; word++)
		if (word < 57 || word > 59)
			emu->refuse[word] = BSEC_EMU_SMC_INVALID;
	ctx = romem_start_bsec(test, emu);
	buf = kunit_kzalloc(test, ROMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	mark = otp_kunit_log_mark();

	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 40), 0);
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_TRUE(test, romem_range_matches(test, ctx, buf, 0,
							    ROMEM_SIZE));
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 41), 0);
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 58),
			romem_upper_word(58));

	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, ctx->dev,
						  ROMEM_TFA_SUMMARY), 1);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, ctx->dev,
						  "refused by the secure service"),
			1);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, ctx->dev,
						  "OTP word 40 refused by secure service"),
			1);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, ctx->dev,
						  "refused by secure service"),
			1);
	KUNIT_EXPECT_EQ(test, emu->secret_reads, 0);
}

static const struct romem_refusal romem_failures[] = {
	{ "failed", BSEC_EMU_SMC_FAILED, true },
	{ "undefined status 0xfffffffc", 0xfffffffc, true },
	{ "undefined status 1", 0x1, true },
	{ "undefined status 0x80000000", 0x80000000, true },
};

KUNIT_ARRAY_PARAM(romem_failure, romem_failures, romem_refusal_desc);

/*
 * A BSEC in error state: the secure world answers FAILED (or something no
 * firmware defines) for some words.  Every read that touches one fails
 * with EIO, whole or partial, so a consumer never takes zeros (or x1, which
 * the emulated monitor fills with the word) for a MAC or a calibration
 * value; the other words still read.
 */
static void romem_failed_words_fail_reads(struct kunit *test)
{
	static const struct {
		unsigned int offset, len;
	} touching[] = {
		{ 0, ROMEM_SIZE },	/* the whole device */
		{ 60 * 4, 4 },		/* the word */
		{ 60 * 4 + 1, 2 },	/* inside it */
		{ 59 * 4 + 3, 2 },	/* across its start */
		{ 60 * 4 + 3, 3 },	/* across its end */
		{ 56 * 4, 6 * 4 },	/* whole words around it */
	};
	const struct romem_refusal *r = test->param_value;
	struct bsec_emu *emu = romem_emu_seed(test);
	struct romem_ctx *ctx;
	unsigned int i;
	u8 *buf;

	emu->refuse[60] = r->code;
	ctx = romem_start_bsec(test, emu);
	buf = kunit_kzalloc(test, ROMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	for (i = 0; i < ARRAY_SIZE(touching); i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    nvmem_device_read(ctx->nvmem,
						      touching[i].offset,
						      touching[i].len, buf),
				    -EIO, "%u bytes at 0x%x", touching[i].len,
				    touching[i].offset);
	/* the words beside it, and the lower words, still read */
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 59),
			romem_upper_word(59));
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 61),
			romem_upper_word(61));
	KUNIT_EXPECT_TRUE(test, romem_range_matches(test, ctx, buf, 0,
						    BSEC_EMU_SHADOWED * 4));
	/* and the word itself once the secure world serves it again */
	emu->refuse[60] = 0;
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, 60),
			romem_upper_word(60));
}

/*
 * How the provider reaches the firmware.  SMCCC 1.1 discovery, when the
 * firmware answers SMCCC_VERSION, gives the conduit; firmware older than
 * that (OP-TEE 3.3-3.8 as the MP15's monitor answers no SMCCC_VERSION, and
 * the kernel then reports no conduit) is reached as SMCCC 1.0 callers did,
 * through the PSCI node's "method" (Documentation/devicetree/bindings/arm/
 * psci.yaml: "smc" or "hvc").  No conduit at all: no instruction.
 */
static const struct romem_call_case {
	const char *name;
	enum arm_smccc_conduit discovered;
	const char *psci_method;
	enum otp_stm32_call want;
} romem_call_cases[] = {
	{ .name = "SMCCC 1.1 smc", .discovered = SMCCC_CONDUIT_SMC,
	  .psci_method = "smc", .want = OTP_STM32_CALL_SMC_1_1 },
	{ .name = "SMCCC 1.1 hvc beside a PSCI smc", .discovered = SMCCC_CONDUIT_HVC,
	  .psci_method = "smc", .want = OTP_STM32_CALL_HVC_1_1 },
	{ .name = "SMCCC 1.1 smc without a PSCI node", .discovered = SMCCC_CONDUIT_SMC,
	  .want = OTP_STM32_CALL_SMC_1_1 },
	{ .name = "SMCCC 1.0, PSCI smc", .discovered = SMCCC_CONDUIT_NONE,
	  .psci_method = "smc", .want = OTP_STM32_CALL_SMC_1_0 },
	{ .name = "SMCCC 1.0, PSCI hvc", .discovered = SMCCC_CONDUIT_NONE,
	  .psci_method = "hvc", .want = OTP_STM32_CALL_HVC_1_0 },
	{ .name = "no PSCI node", .discovered = SMCCC_CONDUIT_NONE,
	  .want = OTP_STM32_CALL_NONE },
	{ .name = "PSCI method neither smc nor hvc", .discovered = SMCCC_CONDUIT_NONE,
	  .psci_method = "smcc", .want = OTP_STM32_CALL_NONE },
};

static void romem_call_desc(const struct romem_call_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->name);
}

KUNIT_ARRAY_PARAM(romem_call, romem_call_cases, romem_call_desc);

static void romem_call_rules(struct kunit *test)
{
	const struct romem_call_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, otp_stm32_call_for(c->discovered, c->psci_method),
			c->want);
}

static void romem_monitor_absent(struct kunit *test)
{
	struct bsec_emu *emu = romem_emu_seed(test);
	struct romem_ctx *ctx;
	unsigned int word;
	__le32 *buf;

	emu->monitor_absent = true;
	ctx = romem_start_bsec(test, emu);
	/* the service is asked exactly once, at probe time */
	KUNIT_EXPECT_EQ(test, emu->smc_calls, 1);
	bsec_emu_reset_counts(emu);

	buf = kunit_kzalloc(test, ROMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->nvmem, 0, ROMEM_SIZE, buf),
			ROMEM_SIZE);

	for (word = 0; word < BSEC_EMU_SHADOWED; word++)
		KUNIT_EXPECT_EQ_MSG(test, le32_to_cpu(buf[word]),
				    stm32mp15_seed_words[word], "word %u", word);
	for (; word < BSEC_EMU_WORDS; word++)
		KUNIT_EXPECT_EQ_MSG(test, le32_to_cpu(buf[word]), 0,
				    "word %u", word);

	/* known absent: no secure call and no secret MMIO read per access */
	KUNIT_EXPECT_EQ(test, emu->smc_calls, 0);
	KUNIT_EXPECT_EQ(test, emu->secret_reads, 0);
	KUNIT_EXPECT_EQ(test, emu->reg_reads, BSEC_EMU_SHADOWED);
}

/* ---------------------------------------------------------------------- */
/* Readers against a slow monitor while the secure world programs words */

#define ROMEM_CONC_READERS	8
#define ROMEM_CONC_STEPS	8	/* bits per byte */
#define ROMEM_CONC_WORD		60	/* and the next one: upper words */
#define ROMEM_CONC_DELAY_US	50

/* SiP program function of the monitor, for the secure world's own writes */
#define ROMEM_SIP_BSEC		0x82001003UL
#define ROMEM_SIP_PROG_OTP	2

/**
 * struct romem_conc_reader - one reader thread
 * @nvmem: the device under test
 * @done: set when the programmer has finished
 * @reads: reads made
 * @bad: words that were never a state of their fuse word
 * @backwards: words that lost bits against an earlier read
 * @partial_bad: two-byte reads that match no state of the word
 * @errors: failed reads
 * @exited: the thread has finished
 */
struct romem_conc_reader {
	struct nvmem_device *nvmem;
	bool *done;
	unsigned int reads, bad, backwards, partial_bad, errors;
	struct completion exited;
};

/*
 * The value of word ROMEM_CONC_WORD + @w after @k steps: one more bit in
 * every byte per step, from bit 0 up in the first word and from bit 7 down
 * in the second.  A step changes all four bytes, so a word pieced together
 * from two states is none, nor is a value put in the other word's place.
 */
static u32 romem_conc_value(unsigned int w, unsigned int k)
{
	u8 byte = 0;

	if (k)
		byte = w ? GENMASK(7, 8 - k) : GENMASK(k - 1, 0);
	return byte * 0x01010101U;
}

/* A state word @w had; its step count in @k. */
static bool romem_conc_state(unsigned int w, u32 v, unsigned int *k)
{
	for (*k = 0; *k <= ROMEM_CONC_STEPS; (*k)++)
		if (v == romem_conc_value(w, *k))
			return true;
	return false;
}

/* Bytes 1-2 of a state of the second word. */
static bool romem_conc_partial(u16 v)
{
	unsigned int k;

	for (k = 0; k <= ROMEM_CONC_STEPS; k++)
		if (v == (u16)(romem_conc_value(1, k) >> 8))
			return true;
	return false;
}

static int romem_conc_read_fn(void *data)
{
	struct romem_conc_reader *r = data;
	unsigned int last[2] = { }, i, k;
	u8 buf[10];

	while (!READ_ONCE(*r->done)) {
		if (nvmem_device_read(r->nvmem, ROMEM_CONC_WORD * 4, 8, buf) != 8 ||
		    nvmem_device_read(r->nvmem, (ROMEM_CONC_WORD + 1) * 4 + 1, 2,
				      buf + 8) != 2) {
			r->errors++;
			continue;
		}
		r->reads++;
		for (i = 0; i < 2; i++) {
			if (!romem_conc_state(i, get_unaligned_le32(buf + 4 * i),
					      &k)) {
				r->bad++;
				continue;
			}
			r->backwards += k < last[i];
			last[i] = k;
		}
		r->partial_bad += !romem_conc_partial(get_unaligned_le16(buf + 8));
		cond_resched();
	}
	complete(&r->exited);
	return 0;
}

/*
 * Eight readers read two upper words (and two bytes inside the second)
 * through a monitor that takes 50 us per call, while the secure world
 * programs one more bit in each byte per step (romem_conc_value()).  Every
 * word read must be a state that fuse word had, never an earlier state
 * than a previous read saw, and the two bytes one state's bytes: one
 * secure call per word, no word pieced together from two calls or taken
 * from the other word.
 */
static void romem_concurrent_slow_monitor(struct kunit *test)
{
	struct bsec_emu *emu = romem_emu_seed(test);
	struct otp_stm32_smc_res res;
	struct romem_conc_reader *r;
	struct romem_ctx *ctx;
	struct task_struct *t;
	unsigned int i, w, n = 0;
	bool done = false;

	emu->fuses[ROMEM_CONC_WORD] = 0;
	emu->fuses[ROMEM_CONC_WORD + 1] = 0;
	emu->smc_delay_us = ROMEM_CONC_DELAY_US;
	ctx = romem_start_bsec(test, emu);
	r = kunit_kcalloc(test, ROMEM_CONC_READERS, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	for (i = 0; i < ROMEM_CONC_READERS; i++) {
		r[i].nvmem = ctx->nvmem;
		r[i].done = &done;
		init_completion(&r[i].exited);
		t = kthread_run(romem_conc_read_fn, &r[i], "romem-reader/%u", i);
		if (IS_ERR(t))
			break;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, ROMEM_CONC_READERS);
	for (i = 0; i < ROMEM_CONC_STEPS; i++) {
		for (w = 0; w < 2; w++) {
			emu->ops.invoke(&emu->ops, ROMEM_SIP_BSEC,
					ROMEM_SIP_PROG_OTP, ROMEM_CONC_WORD + w,
					romem_conc_value(w, i + 1), &res);
			KUNIT_EXPECT_EQ(test, res.a0, 0);
		}
		msleep(25);
	}
	WRITE_ONCE(done, true);
	for (i = 0; i < n; i++) {
		wait_for_completion(&r[i].exited);
		KUNIT_EXPECT_GT(test, r[i].reads, 0);
		KUNIT_EXPECT_EQ(test, r[i].bad, 0);
		KUNIT_EXPECT_EQ(test, r[i].backwards, 0);
		KUNIT_EXPECT_EQ(test, r[i].partial_bad, 0);
		KUNIT_EXPECT_EQ(test, r[i].errors, 0);
		kunit_info(test, "reader %u: %u reads\n", i, r[i].reads);
	}
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, ROMEM_CONC_WORD),
			romem_conc_value(0, ROMEM_CONC_STEPS));
	KUNIT_EXPECT_EQ(test, romem_read_word(test, ctx, ROMEM_CONC_WORD + 1),
			romem_conc_value(1, ROMEM_CONC_STEPS));
}

/* ---------------------------------------------------------------------- */
/* The STM32MP15 cells, read through a DT consumer */

struct romem_cell {
	const char *name;
	unsigned int offset;
	unsigned int bytes;
};

static const struct romem_cell romem_cells[] = {
	{ "part_number", 0x4, 1 },
	{ "vrefint", 0x52, 2 },
	{ "ts_cal1", 0x5c, 2 },
	{ "ts_cal2", 0x5e, 2 },
	{ "mac", 0xe4, 6 },
};

static void romem_check_cell(struct kunit *test, struct romem_ctx *ctx,
			     struct device_node *np,
			     const struct romem_cell *c, u8 *out)
{
	struct nvmem_cell *cell;
	size_t len = 0;
	unsigned int i;
	u8 *val;

	cell = of_nvmem_cell_get(np, c->name);
	if (IS_ERR(cell)) {
		KUNIT_FAIL(test, "cell %s: %ld", c->name, PTR_ERR(cell));
		return;
	}
	val = nvmem_cell_read(cell, &len);
	nvmem_cell_put(cell);
	if (IS_ERR(val)) {
		KUNIT_FAIL(test, "cell %s read: %ld", c->name, PTR_ERR(val));
		return;
	}

	KUNIT_EXPECT_EQ_MSG(test, len, c->bytes, "cell %s", c->name);
	for (i = 0; i < min_t(size_t, len, c->bytes); i++) {
		KUNIT_EXPECT_EQ_MSG(test, val[i],
				    bsec_emu_visible_byte(ctx->emu,
							  c->offset + i),
				    "cell %s byte %u", c->name, i);
		out[i] = val[i];
	}
	kfree(val);
}

static void romem_cells_read_back(struct kunit *test)
{
	struct romem_ctx *ctx = romem_start_bsec(test, romem_emu_seed(test));
	u8 got[ARRAY_SIZE(romem_cells)][8] = { };
	struct device_node *np;
	unsigned int i;

	np = of_find_node_by_path(ROMEM_CONSUMER_PATH);
	KUNIT_ASSERT_NOT_NULL(test, np);
	for (i = 0; i < ARRAY_SIZE(romem_cells); i++)
		romem_check_cell(test, ctx, np, &romem_cells[i], got[i]);
	of_node_put(np);

	/* the reference dump's calibration bytes, least significant first */
	KUNIT_EXPECT_EQ(test, got[0][0], 0x00);
	KUNIT_EXPECT_EQ(test, got[1][0], 0xa5);
	KUNIT_EXPECT_EQ(test, got[1][1], 0x5d);
	KUNIT_EXPECT_EQ(test, got[2][0], 0xe9);
	KUNIT_EXPECT_EQ(test, got[2][1], 0x2f);
	KUNIT_EXPECT_EQ(test, got[3][0], 0x99);
	KUNIT_EXPECT_EQ(test, got[3][1], 0x3f);
	/* the MAC lives in secure words 57 and 58 */
	for (i = 0; i < 6; i++)
		KUNIT_EXPECT_EQ_MSG(test, got[4][i],
				    (u8)(romem_upper_word(57 + i / 4) >>
					 (8 * (i % 4))),
				    "mac byte %u", i);
}

static int romem_match_nvmem_name(struct device *dev, const void *name)
{
	return !strcmp(dev_name(dev), name);
}

/*
 * A consumer holds the NVMEM device while the provider is unbound.  The
 * nvmem core keeps the device and goes on calling the provider: every read
 * must answer -ENODEV and reach neither the registers nor the secure
 * monitor, and the name stays taken until the holder lets go.
 */
static void romem_held_across_unbind(struct kunit *test)
{
	struct romem_ctx *ctx = romem_start_bsec(test, romem_emu_seed(test));
	struct bsec_emu *emu = ctx->emu;
	struct nvmem_device *held, *again;
	unsigned int reads, calls;
	char name[32];
	u8 buf[8];
	u32 val = 0;

	strscpy(name, nvmem_dev_name(ctx->nvmem), sizeof(name));
	held = nvmem_device_find(name, romem_match_nvmem_name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, held);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 4 * 57, 4, &val), 4);
	KUNIT_EXPECT_EQ(test, val, romem_upper_word(57));

	device_release_driver(ctx->dev);
	reads = emu->reg_reads;
	calls = emu->smc_calls;
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 4 * 57, 4, &val), -ENODEV);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 0, 8, buf), -ENODEV);
	KUNIT_EXPECT_EQ(test, emu->reg_reads, reads);
	KUNIT_EXPECT_EQ(test, emu->smc_calls, calls);

	nvmem_device_put(held);
	again = nvmem_device_find(name, romem_match_nvmem_name);
	KUNIT_EXPECT_TRUE(test, IS_ERR(again));
	if (!IS_ERR(again))
		nvmem_device_put(again);
}

/* ---------------------------------------------------------------------- */
/* Nothing can be written */

static void romem_expect_untouched(struct kunit *test, struct romem_ctx *ctx,
				   const struct bsec_emu *before)
{
	struct bsec_emu *emu = ctx->emu;

	KUNIT_EXPECT_EQ(test, emu->smc_mutations, 0);
	KUNIT_EXPECT_EQ(test, memcmp(emu->regs, before->regs,
				     sizeof(emu->regs)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(emu->fuses, before->fuses,
				     sizeof(emu->fuses)), 0);
}

static void romem_try_writes(struct kunit *test, struct romem_ctx *ctx)
{
	static const struct {
		unsigned int offset;
		unsigned int len;
	} writes[] = {
		{ 0, 4 }, { 0x30, 4 }, { 0x52, 2 }, { 0x80, 4 }, { 0xe4, 6 },
		{ 0, ROMEM_SIZE },
	};
	unsigned int i;
	u8 *buf;

	buf = kunit_kmalloc(test, ROMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	memset(buf, 0x5a, ROMEM_SIZE);

	for (i = 0; i < ARRAY_SIZE(writes); i++)
		KUNIT_EXPECT_LT_MSG(test,
				    nvmem_device_write(ctx->nvmem,
						       writes[i].offset,
						       writes[i].len, buf),
				    0, "write of %u bytes at 0x%x",
				    writes[i].len, writes[i].offset);
}

/*
 * sysfs gives the "nvmem" file no write permission and would refuse to
 * open it for writing; the core's write method refuses too.
 */
static void romem_sysfs_not_writable(struct kunit *test, struct romem_ctx *ctx)
{
	struct device *ndev = otp_kunit_nvmem_dev(ctx->dev, ctx->nvmem);
	otp_bin_attribute *bin;
	u8 buf[4] = { 0x78, 0x56, 0x34, 0x12 };
	umode_t mode;

	KUNIT_ASSERT_NOT_NULL(test, ndev);
	bin = otp_kunit_sysfs_bin(ndev, "nvmem", &mode);
	KUNIT_EXPECT_NOT_NULL(test, bin);
	KUNIT_EXPECT_EQ(test, mode, 0400);
	KUNIT_EXPECT_EQ(test, otp_kunit_sysfs_bin_write(ndev, "nvmem", buf, 4, 0),
			-EACCES);
	if (bin && bin->write)
		KUNIT_EXPECT_LT(test, bin->write(NULL, &ndev->kobj, bin, buf, 0, 4),
				0);
	put_device(ndev);
}

static void romem_not_writable(struct kunit *test)
{
	struct romem_ctx *ctx = romem_start_bsec(test, romem_emu_seed(test));
	struct bsec_emu *before;
	u8 buf[ROMEM_SIZE];

	before = kunit_kmalloc(test, sizeof(*before), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, before);
	memcpy(before, ctx->emu, sizeof(*before));

	romem_try_writes(test, ctx);
	romem_expect_untouched(test, ctx, before);
	romem_range_matches(test, ctx, buf, 0, ROMEM_SIZE);
	romem_sysfs_not_writable(test, ctx);
}

/*
 * Clear force_ro the way an administrator would, through its store (the
 * core hides the file when the provider has no write callback).
 */
static void romem_clear_force_ro(struct kunit *test, struct device *ndev,
				 struct device_attribute *attr)
{
	char *state;

	KUNIT_EXPECT_EQ(test, attr->store(ndev, attr, "0", 1), 1);
	if (!attr->show)
		return;
	/* show routines emit into a whole page */
	state = (char *)get_zeroed_page(GFP_KERNEL);
	if (!state)
		return;
	attr->show(ndev, attr, state);
	KUNIT_EXPECT_STREQ(test, strim(state), "0");
	free_page((unsigned long)state);
}

static void romem_force_ro_cleared(struct kunit *test)
{
	struct romem_ctx *ctx = romem_start_bsec(test, romem_emu_seed(test));
	struct device_attribute *attr;
	struct bsec_emu *before;
	struct device *ndev;
	u8 buf[ROMEM_SIZE];
	bool visible;

	ndev = otp_kunit_nvmem_dev(ctx->dev, ctx->nvmem);
	KUNIT_ASSERT_NOT_NULL(test, ndev);
	attr = otp_kunit_sysfs_attr(ndev, "force_ro", &visible);
	/* The core shows force_ro only to a provider that can write. */
	KUNIT_EXPECT_FALSE(test, visible);
	if (!attr || !attr->store) {
		put_device(ndev);
		kunit_skip(test, "this kernel has no force_ro attribute");
	}

	before = kunit_kmalloc(test, sizeof(*before), GFP_KERNEL);
	if (!before) {
		put_device(ndev);
		KUNIT_ASSERT_NOT_NULL(test, before);
	}
	memcpy(before, ctx->emu, sizeof(*before));

	romem_clear_force_ro(test, ndev, attr);
	romem_try_writes(test, ctx);
	romem_expect_untouched(test, ctx, before);
	romem_range_matches(test, ctx, buf, 0, ROMEM_SIZE);

	attr->store(ndev, attr, "1", 1);
	put_device(ndev);
}

/* ---------------------------------------------------------------------- */
/* Range checks and access counts */

static void romem_read_past_end(struct kunit *test)
{
	static const struct {
		unsigned int offset;
		size_t len;
	} bad[] = {
		{ ROMEM_SIZE, 1 }, { ROMEM_SIZE - 1, 2 }, { 0, ROMEM_SIZE + 1 },
		{ ROMEM_SIZE - 4, 8 }, { ROMEM_SIZE + 4, 4 }, { ~0U, 1 },
		{ 4, ROMEM_SIZE + 4 },
	};
	struct romem_ctx *ctx = romem_start_bsec(test, romem_emu_seed(test));
	u8 buf[ROMEM_SIZE + 8];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(buf, 0xa5, sizeof(buf));
		bsec_emu_reset_counts(ctx->emu);
		KUNIT_EXPECT_EQ_MSG(test,
				    nvmem_device_read(ctx->nvmem, bad[i].offset,
						      bad[i].len, buf),
				    -EINVAL, "read %zu bytes at 0x%x",
				    bad[i].len, bad[i].offset);
		KUNIT_EXPECT_EQ(test, ctx->emu->reg_reads, 0);
		KUNIT_EXPECT_EQ(test, ctx->emu->smc_calls, 0);
		KUNIT_EXPECT_EQ(test, buf[0], 0xa5);
	}

	/* the last byte itself is fine */
	romem_range_matches(test, ctx, buf, ROMEM_SIZE - 1, 1);
}

struct romem_count_case {
	unsigned int offset;
	unsigned int len;
	unsigned int reg_floor;
	unsigned int smc_floor;
};

static void romem_check_counts(struct kunit *test, struct romem_ctx *ctx,
			       const struct romem_count_case *c)
{
	struct bsec_emu *emu = ctx->emu;
	u8 *buf;

	buf = kunit_kzalloc(test, ROMEM_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	bsec_emu_reset_counts(emu);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, c->offset, c->len,
						buf), c->len);
	kunit_info(test, "%u bytes at 0x%x: %u register reads, %u secure calls\n",
		   c->len, c->offset, emu->reg_reads, emu->smc_calls);
	KUNIT_EXPECT_GE(test, emu->reg_reads, c->reg_floor);
	KUNIT_EXPECT_LE(test, emu->reg_reads, c->reg_floor + 2);
	KUNIT_EXPECT_GE(test, emu->smc_calls, c->smc_floor);
	KUNIT_EXPECT_LE(test, emu->smc_calls, c->smc_floor + 2);
	KUNIT_EXPECT_EQ(test, emu->secret_reads, 0);
	/* a partial first word, the whole words in one call, a partial last */
	KUNIT_EXPECT_LE(test, emu->io_calls, 3);
	kunit_kfree(test, buf);
}

static void romem_access_counts(struct kunit *test)
{
	static const struct romem_count_case cases[] = {
		/* whole device: one shadow read per lower word, one call per upper */
		{ 0, ROMEM_SIZE, BSEC_EMU_SHADOWED,
		  BSEC_EMU_WORDS - BSEC_EMU_SHADOWED },
		{ 5 * 4, 4, 1, 0 },		/* one shadow word */
		{ 60 * 4, 4, 0, 1 },		/* one secure word */
		{ 13 * 4 + 1, 2, 1, 0 },	/* bytes inside one word */
		{ 31 * 4 + 2, 4, 1, 1 },	/* across the 31/32 boundary */
		/* the "make bench" shapes (lower words only) */
		{ 0, 32 * 4, BSEC_EMU_SHADOWED, 0 },	/* all shadowed words */
		{ 12 * 4, 4, 1, 0 },		/* one aligned word */
		{ 0x53, 2, 2, 0 },		/* 2 bytes across words 20/21 */
		{ 0x5c, 2, 1, 0 },		/* the ts_cal1 cell */
		/* and the bench's upper-word shapes (through the monitor) */
		{ 57 * 4, 4, 0, 1 },		/* one upper word */
		{ 57 * 4, 6, 0, 2 },		/* the mac@e4 cell, words 57-58 */
	};
	struct romem_ctx *ctx = romem_start_bsec(test, romem_emu_seed(test));
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		romem_check_counts(test, ctx, &cases[i]);
}

/* ---------------------------------------------------------------------- */
/* debugfs view of the lock bits */

static const char *romem_find_line(const char *text, unsigned int word)
{
	char tag[16];
	const char *p;

	snprintf(tag, sizeof(tag), "word %2u:", word);
	p = strstr(text, tag);
	return p;
}

static bool romem_line_has(const char *line, const char *what)
{
	const char *end = strchr(line, '\n');
	const char *hit = strstr(line, what);

	return hit && (!end || hit < end);
}

static void romem_debugfs_locks(struct kunit *test)
{
	struct bsec_emu *emu = romem_emu_seed(test);
	struct romem_ctx *ctx;
	unsigned int lines = 0;
	__le32 raw;
	char *text;
	const char *p;
	int ret = -EINVAL;

	emu->regs[0x94 / 4] |= BIT(3);		/* SRLOCK word 3 */
	emu->regs[(0x4c + 4) / 4] |= BIT(40 - 32);	/* WRLOCK word 40 */
	emu->regs[(0x34 + 8) / 4] |= BIT(70 - 64);	/* ERROR word 70 */
	emu->regs[0x1c / 4] |= BIT(9);		/* DISTURBED word 9 */
	emu->refuse[50] = BSEC_EMU_SMC_INVALID;
	emu->refuse[51] = BSEC_EMU_SMC_FAILED;
	ctx = romem_start_bsec(test, emu);
	romem_read_word(test, ctx, 50);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, 51 * 4, 4, &raw),
			-EIO);

	text = otp_kunit_debugfs_show(test, "otp-stm32-romem",
				      nvmem_dev_name(ctx->nvmem), "locks",
				      otp_stm32_romem_locks_show, &ret);
	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_EQ(test, ret, 0);

	for (p = text; (p = strstr(p, "\nword ")); p++)
		lines++;
	KUNIT_EXPECT_EQ(test, lines, BSEC_EMU_WORDS);

	p = romem_find_line(text, 3);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "shadow"));
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "srlock=1"));
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "wrlock=0"));

	p = romem_find_line(text, 9);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "disturbed=1"));
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "srlock=0"));

	p = romem_find_line(text, 40);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "secure "));
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "wrlock=1"));

	p = romem_find_line(text, 50);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "secure-refused"));

	p = romem_find_line(text, 51);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "secure-failed"));

	p = romem_find_line(text, 70);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "error=1"));
	KUNIT_EXPECT_TRUE(test, romem_line_has(p, "wrlock=0"));
}

/* ---------------------------------------------------------------------- */
/* STM32F4: plain memory-mapped words */

static void romem_f4_memory_mapped(struct kunit *test)
{
	static const struct {
		unsigned int offset;
		unsigned int len;
	} ranges[] = {
		{ 0, ROMEM_F4_WORDS * 4 }, { 3, 9 }, { 0x101, 0x20 },
		{ ROMEM_F4_WORDS * 4 - 1, 1 },
	};
	u32 words[ROMEM_F4_WORDS];
	struct romem_ctx *ctx;
	struct bsec_emu *emu;
	unsigned int i, size;
	__le32 raw;
	u8 *buf;

	emu = kunit_kzalloc(test, sizeof(*emu), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, emu);
	for (i = 0; i < ROMEM_F4_WORDS; i++)
		words[i] = romem_pattern_word(i) ^ 0x00ff00ff;
	bsec_emu_init_f4(emu, words, ROMEM_F4_WORDS);
	size = bsec_emu_nvmem_size(emu);
	KUNIT_ASSERT_EQ(test, size, ROMEM_F4_WORDS * 4);

	ctx = romem_start(test, emu, stm32_f4_test_dtbo,
			  sizeof(stm32_f4_test_dtbo));
	buf = kunit_kzalloc(test, size + 4, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	for (i = 0; i < ARRAY_SIZE(ranges); i++)
		romem_range_matches(test, ctx, buf, ranges[i].offset,
				    ranges[i].len);

	bsec_emu_reset_counts(emu);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, 0, size, buf),
			size);
	KUNIT_EXPECT_GE(test, emu->reg_reads, ROMEM_F4_WORDS);
	KUNIT_EXPECT_LE(test, emu->reg_reads, ROMEM_F4_WORDS + 2);
	KUNIT_EXPECT_EQ(test, emu->smc_calls, 0);
	memcpy(&raw, buf + 7 * 4, sizeof(raw));
	KUNIT_EXPECT_EQ(test, le32_to_cpu(raw), words[7]);

	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, size, 1, buf),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, size - 2, 4, buf),
			-EINVAL);
	KUNIT_EXPECT_LT(test, nvmem_device_write(ctx->nvmem, 0, 4, buf), 0);
	KUNIT_EXPECT_EQ(test, emu->stray, 0);
}

/* ---------------------------------------------------------------------- */
/* Bad device trees, bound by the real driver */

struct romem_bad_dt {
	const char *name;
	const unsigned char *dtbo;
	u32 size;
	const char *path;
};

static const struct romem_bad_dt romem_bad_dts[] = {
	{ "bsec without reg", stm32_bsec_noreg_test_dtbo,
	  sizeof(stm32_bsec_noreg_test_dtbo), "/otp-kunit-bsec-noreg" },
	{ "bsec reg smaller than 0x400", stm32_bsec_smallreg_test_dtbo,
	  sizeof(stm32_bsec_smallreg_test_dtbo), "/otp-kunit-bsec-smallreg" },
	{ "f4 reg not a multiple of 4", stm32_f4_badreg_test_dtbo,
	  sizeof(stm32_f4_badreg_test_dtbo), "/otp-kunit-f4-badreg" },
};

static void romem_bad_dt_desc(const struct romem_bad_dt *b, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", b->name);
}

KUNIT_ARRAY_PARAM(romem_bad_dt, romem_bad_dts, romem_bad_dt_desc);

static int romem_count_one(struct device *dev, const void *data)
{
	unsigned int *count = (unsigned int *)data;

	if (!strncmp(dev_name(dev), ROMEM_NVMEM_PREFIX,
		     strlen(ROMEM_NVMEM_PREFIX)))
		(*count)++;
	return 0;
}

/* Number of NVMEM devices named stm32-romem* right now */
static unsigned int romem_count_nvmem(void)
{
	unsigned int count = 0;
	struct nvmem_device *nvmem;

	nvmem = nvmem_device_find(&count, romem_count_one);
	if (!IS_ERR_OR_NULL(nvmem))
		nvmem_device_put(nvmem);
	return count;
}

static int romem_count_child(struct device *dev, void *data)
{
	(*(unsigned int *)data)++;
	return 0;
}

static void romem_bad_dt_refused(struct kunit *test)
{
	const struct romem_bad_dt *b = test->param_value;
	struct platform_device *pdev;
	unsigned int before, children = 0;

	/* the real driver is registered, so it was offered the node */
	KUNIT_ASSERT_NOT_NULL(test, driver_find(ROMEM_REAL_DRIVER,
						&platform_bus_type));

	before = romem_count_nvmem();
	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, b->dtbo, b->size),
			0);

	pdev = otp_kunit_find_pdev(b->path);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	KUNIT_EXPECT_NULL_MSG(test, READ_ONCE(pdev->dev.driver),
			      "%s bound to %s", b->path,
			      pdev->dev.driver ? pdev->dev.driver->name : "");
	/* The real driver refused it, with EINVAL: it did run. */
	otp_kunit_expect_refused(test, pdev, ROMEM_REAL_DRIVER, -EINVAL);
	device_for_each_child(&pdev->dev, &children, romem_count_child);
	KUNIT_EXPECT_EQ(test, children, 0);
	KUNIT_EXPECT_EQ(test, romem_count_nvmem(), before);
	put_device(&pdev->dev);
}

/* ---------------------------------------------------------------------- */

static struct kunit_case romem_read_cases[] = {
	KUNIT_CASE_PARAM(romem_read_every_range, romem_sweep_gen),
	KUNIT_CASE(romem_read_word_boundary),
	KUNIT_CASE(romem_read_past_end),
	KUNIT_CASE(romem_access_counts),
	KUNIT_CASE(romem_f4_memory_mapped),
	{ }
};

static struct kunit_suite romem_read_suite = {
	.name = "otp-stm32-romem-read",
	.test_cases = romem_read_cases,
};

static struct kunit_case romem_secure_cases[] = {
	KUNIT_CASE_PARAM(romem_failed_words_fail_reads,
			 romem_failure_gen_params),
	KUNIT_CASE_PARAM(romem_refused_words_read_zero,
			 romem_refusal_gen_params),
	KUNIT_CASE(romem_refusals_summarised),
	KUNIT_CASE(romem_monitor_absent),
	KUNIT_CASE_PARAM(romem_call_rules, romem_call_gen_params),
	KUNIT_CASE(romem_debugfs_locks),
	KUNIT_CASE(romem_concurrent_slow_monitor),
	{ }
};

static struct kunit_suite romem_secure_suite = {
	.name = "otp-stm32-romem-secure",
	.test_cases = romem_secure_cases,
};

static struct kunit_case romem_dt_cases[] = {
	KUNIT_CASE(romem_cells_read_back),
	KUNIT_CASE(romem_not_writable),
	KUNIT_CASE(romem_force_ro_cleared),
	KUNIT_CASE(romem_held_across_unbind),
	KUNIT_CASE_PARAM(romem_bad_dt_refused, romem_bad_dt_gen_params),
	{ }
};

static struct kunit_suite romem_dt_suite = {
	.name = "otp-stm32-romem-dt",
	.test_cases = romem_dt_cases,
};

/*
 * Every consumer of a SoC tree's BSEC cells (stm32mp151.dtsi's ADC
 * "vrefint", ...), and every cell no consumer of that tree names, reads
 * from the fuses what the nvmem core's cell rules give.
 */
static void romem_upstream_cells(struct kunit *test)
{
	const struct otp_upstream_soc *u = test->param_value;
	u32 words[BSEC_EMU_WORDS] = { };
	struct bsec_emu *emu;
	unsigned int i;

	emu = kunit_kzalloc(test, sizeof(*emu), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, emu);
	memcpy(words, u->words, 4 * min_t(unsigned int, u->nwords, BSEC_EMU_WORDS));
	bsec_emu_init(emu, words);
	romem_start(test, emu, u->dtbo, u->dtbo_size);
	for (i = 0; i < u->nreads; i++)
		otp_upstream_expect(test, &u->reads[i]);
}

KUNIT_ARRAY_PARAM(romem_upstream, otp_upstream_socs, otp_upstream_desc);

static struct kunit_case romem_upstream_cases[] = {
	KUNIT_CASE_PARAM(romem_upstream_cells, romem_upstream_gen_params),
	{}
};

static struct kunit_suite romem_upstream_suite = {
	.name = "otp-stm32-romem-upstream",
	.test_cases = romem_upstream_cases,
};

kunit_test_suites(&romem_read_suite, &romem_secure_suite, &romem_dt_suite,
		  &romem_upstream_suite);

MODULE_DESCRIPTION("KUnit tests for the otp-stm32-romem NVMEM provider and its OP-TEE backend");
MODULE_LICENSE("GPL");
OTP_IMPORT_KUNIT_NS();
