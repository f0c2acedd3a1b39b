// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the OP-TEE backend of the otp-stm32-romem provider.
 *
 * An overlay creates a BSEC harness node and a linaro,optee-tz node.  This
 * module binds both: the BSEC harness hands an emulated register block
 * (bsec-emu.c) to the provider with the OP-TEE backend selected, and
 * the OP-TEE node gets an emulated OP-TEE (optee-emu.c) registered
 * with the kernel's TEE core.  The provider reaches it through the real TEE
 * client API, so contexts, sessions, shared memory and invocations are the
 * kernel's own; only the secure world is emulated.
 */

#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/nvmem-consumer.h>
#include <linux/of.h>
#include <linux/of_net.h>
#include <linux/platform_device.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "bsec-emu.h"
#include "optee-emu.h"
#include "otp-compat.h"
#include "otp-kunit.h"
#include "stm32-romem-io.h"

#include "otp-upstream.h"
#include "stm32-bsec-ta-optee.dtbo.h"
#include "stm32-bsec-ta-test.dtbo.h"
#include "stm32-ta-upstream-cells.h"

#define TA_BSEC_PATH		"/otp-kunit-bsec-ta"
#define TA_CONSUMER_PATH	"/otp-kunit-bsec-ta-consumer"
#define TA_OPTEE_PATH		"/otp-kunit-optee"

/**
 * struct ta_geometry - a BSEC as the reference manuals and OP-TEE see it
 * @name: for the test description
 * @compatible: the block's compatible, whose match data the provider gets
 * @words: OTP words
 * @lower: words the normal world reads from the BSEC registers itself
 *	(STM32MP15 RM0436: 32); 0 where the BSEC is secure (MP13 RM0475,
 *	MP25 RM0457)
 * @open_first: first of the upper words OP-TEE opens (as a board's
 *	st,non-secure-otp list would)
 * @open_count: how many
 */
struct ta_geometry {
	const char *name;
	const char *compatible;
	unsigned int words;
	unsigned int lower;
	unsigned int open_first;
	unsigned int open_count;
};

static const struct ta_geometry ta_geometries[] = {
	{ "STM32MP15", "st,stm32mp15-bsec", 96, 32, 57, 3 },
	{ "STM32MP13", "st,stm32mp13-bsec", 96, 0, 57, 3 },
	{ "STM32MP25", "st,stm32mp25-bsec", 368, 0, 57, 200 },
};

/**
 * struct ta_ctx - the devices of one test
 * @geo: geometry
 * @bsec: emulated BSEC registers
 * @optee: emulated OP-TEE
 * @use_ta: what the harness asks the provider for
 * @probes: BSEC harness probes run
 * @first_ret: result of the first one
 * @ret: result of the last one
 * @nvmem: what the provider registered
 * @dev: the BSEC harness device once bound
 * @optee_ret: result of the OP-TEE registration
 * @bsec_harness: this test's driver of the BSEC node
 * @optee_harness: this test's driver of the OP-TEE node
 */
struct ta_ctx {
	const struct ta_geometry *geo;
	struct bsec_emu *bsec;
	struct optee_emu *optee;
	bool use_ta;
	unsigned int probes;
	int first_ret;
	int ret;
	struct nvmem_device *nvmem;
	struct device *dev;
	int optee_ret;
	struct platform_driver bsec_harness;
	struct platform_driver optee_harness;
};

/* The test whose driver is offered @pdev; it has prepared its emulators. */
#define ta_ctx_of(pdev, member)						\
	container_of(to_platform_driver((pdev)->dev.driver), struct ta_ctx, \
		     member)

static int ta_bsec_probe(struct platform_device *pdev)
{
	struct ta_ctx *ctx = ta_ctx_of(pdev, bsec_harness);
	struct nvmem_device *nvmem;

	if (!ctx->geo)
		return -ENODEV;
	nvmem = otp_stm32_romem_register(&pdev->dev, &ctx->bsec->io,
					 BSEC_EMU_BLOCK_SIZE, &ctx->bsec->ops,
					 otp_stm32_romem_desc(ctx->geo->compatible),
					 ctx->use_ta);
	ctx->ret = PTR_ERR_OR_ZERO(nvmem);
	if (!ctx->probes++)
		ctx->first_ret = ctx->ret;
	if (IS_ERR(nvmem))
		return PTR_ERR(nvmem);
	ctx->dev = &pdev->dev;
	WRITE_ONCE(ctx->nvmem, nvmem);
	return 0;
}

static const struct of_device_id ta_bsec_match[] = {
	{ .compatible = "otp-kunit,stm32-bsec-ta-harness" },
	{ }
};

static int ta_optee_probe(struct platform_device *pdev)
{
	struct ta_ctx *ctx = ta_ctx_of(pdev, optee_harness);

	if (!ctx->geo)
		return -ENODEV;
	ctx->optee_ret = optee_emu_register(ctx->optee, &pdev->dev);
	if (!ctx->optee_ret)
		platform_set_drvdata(pdev, ctx->optee);
	return ctx->optee_ret;
}

/* Runs after the test's exit, when its overlay is removed. */
static void ta_optee_remove(struct platform_device *pdev)
{
	optee_emu_unregister(platform_get_drvdata(pdev));
}

static const struct of_device_id ta_optee_match[] = {
	{ .compatible = "linaro,optee-tz" },
	{ }
};

/* A recognisable OTP image: word n holds 0xa5000000 | n << 8 | ~n. */
static u32 ta_image_word(unsigned int n)
{
	return 0xa5000000 | (n << 8) | (~n & 0xff);
}

static int ta_test_init(struct kunit *test)
{
	struct ta_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx);
	ctx->bsec = kunit_kzalloc(test, sizeof(*ctx->bsec), GFP_KERNEL);
	ctx->optee = kunit_kzalloc(test, sizeof(*ctx->optee), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->bsec);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx->optee);
	ctx->use_ta = true;
	ctx->ret = -ENODEV;
	ctx->bsec_harness.probe = ta_bsec_probe;
	ctx->bsec_harness.driver.of_match_table = ta_bsec_match;
	ctx->optee_harness.probe = ta_optee_probe;
	ctx->optee_harness.otp_void_remove = ta_optee_remove;
	ctx->optee_harness.driver.of_match_table = ta_optee_match;
	test->priv = ctx;
	KUNIT_ASSERT_EQ(test, otp_kunit_harness_register(test, &ctx->bsec_harness,
							 "bsec-ta"), 0);
	return otp_kunit_harness_register(test, &ctx->optee_harness, "optee");
}

/* Emulators for @geo; OP-TEE opens @geo's upper words. */
static void ta_prepare(struct kunit *test, const struct ta_geometry *geo)
{
	struct ta_ctx *ctx = test->priv;
	u32 image[BSEC_EMU_WORDS];
	unsigned int i;

	ctx->geo = geo;
	for (i = 0; i < BSEC_EMU_WORDS; i++)
		image[i] = ta_image_word(i);
	bsec_emu_init(ctx->bsec, image);
	/* A secure-only BSEC: its registers must not be read at all. */
	KUNIT_ASSERT_EQ(test, optee_emu_init(ctx->optee, geo->words,
					     geo->lower ?: 32), 0);
	for (i = 0; i < geo->words; i++) {
		ctx->optee->otp[i] = ta_image_word(i);
		ctx->optee->locks[i] = i % 7 ? 0 : OPTEE_EMU_LOCK_PERM;
	}
	for (i = 0; i < geo->open_count; i++)
		set_bit(geo->open_first + i, ctx->optee->open);
}

/* Apply the overlay and wait for the BSEC to bind once OP-TEE is up. */
/* Apply @dtbo, and wait for the BSEC to bind once OP-TEE is up. */
static void ta_apply_and_bind(struct kunit *test, const void *dtbo, u32 size)
{
	struct ta_ctx *ctx = test->priv;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, dtbo, size), 0);
	KUNIT_ASSERT_EQ(test, ctx->optee_ret, 0);
	for (i = 0; i < 150 && !READ_ONCE(ctx->nvmem) && ctx->ret != -ENODEV; i++)
		msleep(20);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, READ_ONCE(ctx->nvmem),
					 "BSEC harness: %u probes, last %d",
					 ctx->probes, ctx->ret);
}

static void ta_start(struct kunit *test)
{
	ta_apply_and_bind(test, stm32_bsec_ta_test_dtbo,
			  sizeof(stm32_bsec_ta_test_dtbo));
}

/* What the normal world reads of a byte, from the emulators' state. */
static u8 ta_model_byte(const struct ta_ctx *ctx, unsigned int off)
{
	unsigned int word = off / 4;
	u32 v;

	v = word < ctx->geo->lower ? ta_image_word(word) :
				     optee_emu_visible(ctx->optee, word);
	return v >> (8 * (off % 4));
}

static void ta_geo_desc(const struct ta_geometry *geo, char *desc)
{
	strscpy(desc, geo->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ta_geo, ta_geometries, ta_geo_desc);

/*
 * OP-TEE registers after the BSEC node probed: the probe defers, and the
 * device binds once OP-TEE is there, with one session for its lifetime.
 */
static void ta_defers_then_binds(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;

	ta_prepare(test, test->param_value);
	ta_start(test);
	KUNIT_EXPECT_EQ(test, ctx->first_ret, -EPROBE_DEFER);
	KUNIT_EXPECT_GE(test, ctx->probes, 2);
	KUNIT_EXPECT_EQ(test, ctx->optee->sessions_opened, 1);
	KUNIT_EXPECT_EQ(test, ctx->optee->sessions_closed, 0);
	/* Nothing was asked of the secure world before a read. */
	KUNIT_EXPECT_EQ(test, ctx->optee->invocations, 0);
}

static const unsigned int ta_lengths[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 17 };

/* The read shapes "make bench" reports (scripts/bench.sh): length, offset. */
static const struct {
	unsigned int len;
	unsigned int off;
} ta_shapes[] = {
	{ 0, 0 },	/* the whole device */
	{ 128, 0 },	/* the lower words (MP15: the shadowed ones) */
	{ 4, 0x30 },	/* one lower word */
	{ 2, 0x53 },	/* across two lower words */
	{ 4, 0xe4 },	/* one upper word */
	{ 6, 0xe4 },	/* the MAC cell, words 57-58 */
};

/*
 * The bench's read shapes: each costs one invocation when it touches an
 * upper word and none otherwise, whatever its length.  The counts are
 * printed for the bench's table.
 */
static void ta_read_shapes(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;
	unsigned long inv, regs;
	unsigned int i, len, off;
	bool secure;
	u8 *buf;

	ta_prepare(test, test->param_value);
	ta_start(test);
	buf = kunit_kmalloc(test, 4 * ctx->geo->words, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	for (i = 0; i < ARRAY_SIZE(ta_shapes); i++) {
		len = ta_shapes[i].len ?: 4 * ctx->geo->words;
		off = ta_shapes[i].off;
		secure = (off + len - 1) / 4 >= ctx->geo->lower;
		inv = ctx->optee->invocations;
		regs = ctx->bsec->reg_reads + ctx->bsec->io_calls;
		KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, off, len, buf), len);
		inv = ctx->optee->invocations - inv;
		regs = ctx->bsec->reg_reads + ctx->bsec->io_calls - regs;
		KUNIT_EXPECT_EQ_MSG(test, inv, secure, "%u bytes at %#x", len, off);
		kunit_info(test, "pta %s: %u bytes at 0x%x: %lu invocations, %lu register accesses\n",
			   ctx->geo->name, len, off, inv, regs);
	}
}

/*
 * Every offset with several lengths, and every offset to the end: the
 * bytes are the model's, and a read costs one invocation when it touches
 * a secure word, none otherwise.  A secure-only BSEC's registers are never
 * read.
 */
static void ta_read_sweep(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;
	unsigned int size, off, len, i, k, first, last;
	unsigned long inv;
	bool secure, bad = false;
	u8 *buf;
	int ret;

	ta_prepare(test, test->param_value);
	ta_start(test);
	size = 4 * ctx->geo->words;
	KUNIT_ASSERT_EQ(test, nvmem_dev_name(ctx->nvmem)[0], 's');
	buf = kunit_kmalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);

	for (off = 0; off < size && !bad; off++) {
		for (k = 0; k <= ARRAY_SIZE(ta_lengths) && !bad; k++) {
			len = k < ARRAY_SIZE(ta_lengths) ? ta_lengths[k] :
							   size - off;
			if (off + len > size)
				continue;
			cond_resched();
			first = off / 4;
			last = (off + len - 1) / 4;
			secure = last >= ctx->geo->lower;
			inv = ctx->optee->invocations;
			ret = nvmem_device_read(ctx->nvmem, off, len, buf);
			if (ret != len) {
				KUNIT_FAIL(test, "read %u@%#x: %d", len, off, ret);
				bad = true;
				break;
			}
			for (i = 0; i < len; i++) {
				if (buf[i] == ta_model_byte(ctx, off + i))
					continue;
				KUNIT_FAIL(test, "read %u@%#x: byte %#x is %#x, want %#x",
					   len, off, off + i, buf[i],
					   ta_model_byte(ctx, off + i));
				bad = true;
				break;
			}
			if (ctx->optee->invocations - inv != secure) {
				KUNIT_FAIL(test, "read %u@%#x, words %u-%u: %lu calls, not %u",
					   len, off, first, last,
					   ctx->optee->invocations - inv, secure);
				bad = true;
			}
		}
	}
	KUNIT_EXPECT_EQ(test, ctx->optee->bad_calls, 0);
	KUNIT_EXPECT_EQ(test, ctx->bsec->smc_calls, 0);
	if (!ctx->geo->lower)
		KUNIT_EXPECT_EQ(test, ctx->bsec->reg_reads + ctx->bsec->io_calls, 0);
	/* One session served it all. */
	KUNIT_EXPECT_EQ(test, ctx->optee->sessions_opened, 1);
}

/* The seed's mac@e4 cell, planted in open words 57-58, reaches a consumer. */
static void ta_mac_cell(struct kunit *test)
{
	static const u8 mac[6] = { 0x00, 0x80, 0xe1, 0x12, 0x34, 0x56 };
	struct ta_ctx *ctx = test->priv;
	struct device_node *np;
	u8 addr[6];
	unsigned int i;

	ta_prepare(test, test->param_value);
	ctx->optee->otp[57] = mac[0] | mac[1] << 8 | mac[2] << 16 |
			      (u32)mac[3] << 24;
	ctx->optee->otp[58] = mac[4] | mac[5] << 8;
	ta_start(test);
	np = of_find_node_by_path(TA_CONSUMER_PATH);
	KUNIT_ASSERT_NOT_NULL(test, np);
	memset(addr, 0, sizeof(addr));
	KUNIT_EXPECT_EQ(test, of_get_mac_address(np, addr), 0);
	of_node_put(np);
	for (i = 0; i < 6; i++)
		KUNIT_EXPECT_EQ_MSG(test, addr[i], mac[i], "byte %u", i);
}

/*
 * OP-TEE failing an invocation, in transport or with a TEE error, fails
 * the read with an errno; the device works again afterwards.
 */
static void ta_invoke_failures(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;
	struct optee_emu *emu = ctx->optee;
	/*
	 * Every GlobalPlatform TEE result code OP-TEE defines
	 * (lib/libutee/include/tee_api_defines.h): GENERIC 0xffff0000 to
	 * SHORT_BUFFER 0xffff0010 in the loop below, then OVERFLOW,
	 * TARGET_DEAD, STORAGE_NO_SPACE, MAC_INVALID, SIGNATURE_INVALID,
	 * TIME_NOT_SET, TIME_NEEDS_RESET, the storage codes 0xf0100001 to
	 * 0xf0100006, and one no specification defines.
	 */
	static const u32 results[] = {
		0xffff300f, 0xffff3024, 0xffff3041, 0xffff3071, 0xffff3072,
		0xffff5000, 0xffff5001, 0xf0100001, 0xf0100002, 0xf0100003,
		0xf0100004, 0xf0100005, 0xf0100006, 0x00000001,
	};
	unsigned int i;
	u32 code;
	u8 buf[12];

	ta_prepare(test, &ta_geometries[0]);
	ta_start(test);
	for (i = 0; i <= 0x10 + ARRAY_SIZE(results); i++) {
		code = i <= 0x10 ? 0xffff0000 + i : results[i - 0x11];
		emu->invoke_result = code;
		KUNIT_EXPECT_EQ_MSG(test, nvmem_device_read(ctx->nvmem, 0xe0, 12, buf),
				    -EIO, "TEE result %#x", code);
	}
	emu->invoke_result = 0;
	emu->invoke_errno = -EIO;
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, 0xe4, 6, buf), -EIO);
	emu->invoke_errno = 0;
	emu->short_buffer = true;
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, 0xe4, 4, buf), -EIO);
	emu->short_buffer = false;
	/* The lower words never needed OP-TEE. */
	emu->invoke_errno = -EIO;
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem, 0x30, 8, buf), 8);
	emu->invoke_errno = 0;
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->nvmem, 0xe4, 4, buf), 4);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, buf[i], ta_model_byte(ctx, 0xe4 + i));
}

/* OP-TEE refusing the session: the probe fails for good, nothing leaks. */
static void ta_session_refused(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;
	unsigned int i;

	ta_prepare(test, &ta_geometries[1]);
	ctx->optee->refuse_session = true;
	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, stm32_bsec_ta_test_dtbo,
						      sizeof(stm32_bsec_ta_test_dtbo)),
			0);
	for (i = 0; i < 150 && ctx->ret != -ENODEV; i++)
		msleep(20);
	KUNIT_EXPECT_EQ(test, ctx->ret, -ENODEV);
	KUNIT_EXPECT_NULL(test, READ_ONCE(ctx->nvmem));
	KUNIT_EXPECT_EQ(test, ctx->optee->sessions_opened, 0);
}

/* An MP13 BSEC without OP-TEE: a clear probe error, no SiP call. */
static void ta_only_without_optee(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;

	ta_prepare(test, &ta_geometries[1]);
	ctx->use_ta = false;
	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, stm32_bsec_ta_test_dtbo,
						      sizeof(stm32_bsec_ta_test_dtbo)),
			0);
	KUNIT_EXPECT_EQ(test, ctx->first_ret, -ENODEV);
	KUNIT_EXPECT_NULL(test, READ_ONCE(ctx->nvmem));
	KUNIT_EXPECT_EQ(test, ctx->bsec->smc_calls, 0);
}

/*
 * OP-TEE going away first unbinds the BSEC (device link): the session is
 * closed, the nvmem device is gone, OP-TEE's removal does not hang.
 */
static void ta_optee_goes_away(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;
	struct platform_device *tee, *bsec;

	ta_prepare(test, &ta_geometries[0]);
	ta_start(test);
	tee = otp_kunit_find_pdev(TA_OPTEE_PATH);
	bsec = otp_kunit_find_pdev(TA_BSEC_PATH);
	KUNIT_ASSERT_NOT_NULL(test, tee);
	KUNIT_ASSERT_NOT_NULL(test, bsec);
	device_release_driver(&tee->dev);
	KUNIT_EXPECT_PTR_EQ(test, bsec->dev.driver, NULL);
	KUNIT_EXPECT_NULL(test, ctx->optee->teedev);
	KUNIT_EXPECT_EQ(test, ctx->optee->sessions_closed, 1);
	put_device(&tee->dev);
	put_device(&bsec->dev);
}

/* ---------------------------------------------------------------------- */
/* The firmware generations an STM32MP15 board may carry */

static void ta_fw_desc(const struct bsec_emu_firmware *fw, char *desc)
{
	strscpy(desc, fw->name, KUNIT_PARAM_DESC_SIZE);
}

static const void *ta_fw_gen_params(OTP_KUNIT_GEN_ARGS)
{
	const struct bsec_emu_firmware *fw = bsec_emu_firmwares;

	if (prev)
		fw = (const struct bsec_emu_firmware *)prev + 1;

	if (fw >= bsec_emu_firmwares + bsec_emu_nr_firmwares)
		return NULL;
	ta_fw_desc(fw, desc);
	return fw;
}

/*
 * What the board user reads of word @w under @fw: the lower words from the
 * BSEC registers whatever the firmware; an upper word from the pseudo-TA
 * when OP-TEE has it, else from the SiP service, else 0.
 */
static u32 ta_fw_word(const struct ta_ctx *ctx,
		      const struct bsec_emu_firmware *fw, unsigned int w)
{
	if (w < ctx->geo->lower)
		return ta_image_word(w);
	if (fw->optee && fw->pta)
		return optee_emu_visible(ctx->optee, w);
	return bsec_emu_visible_word(ctx->bsec, w);
}

/*
 * Each generation, MP15: the device registers, the whole dump is what the
 * firmware serves (the failing word fails every read of it with EIO,
 * never zeros), the MAC in open upper words 57-58 reaches a consumer
 * wherever a service serves it, and the services not needed are not
 * asked.  Firmware without SMCCC 1.1 is reached all the same.
 */
static void ta_firmware_generation(struct kunit *test)
{
	static const u8 mac[6] = { 0x00, 0x80, 0xe1, 0x42, 0x43, 0x44 };
	const struct bsec_emu_firmware *fw = test->param_value;
	struct ta_ctx *ctx = test->priv;
	DECLARE_BITMAP(open, BSEC_EMU_WORDS) = { };
	unsigned int w, size;
	struct device_node *np;
	unsigned long inv;
	u8 addr[6] = { };
	__le32 *buf;
	int ret;

	ta_prepare(test, &ta_geometries[0]);
	/* The board opens the same upper words to both services. */
	bitmap_set(open, ctx->geo->open_first, ctx->geo->open_count);
	ctx->bsec->fuses[57] = mac[0] | mac[1] << 8 | mac[2] << 16 |
			       (u32)mac[3] << 24;
	ctx->bsec->fuses[58] = mac[4] | mac[5] << 8;
	ctx->optee->otp[57] = ctx->bsec->fuses[57];
	ctx->optee->otp[58] = ctx->bsec->fuses[58];
	bsec_emu_load_firmware(ctx->bsec, fw, open);
	ctx->optee->no_bsec_pta = fw->pta ? 0 : fw->unknown_ta;
	ctx->use_ta = fw->optee;
	ta_start(test);

	if (fw->sip)
		KUNIT_EXPECT_NE(test,
				otp_stm32_call_for(fw->smccc_1_1 ? SMCCC_CONDUIT_SMC :
								   SMCCC_CONDUIT_NONE,
						   "smc"),
				OTP_STM32_CALL_NONE);

	size = 4 * ctx->geo->words;
	buf = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, buf);
	inv = ctx->optee->invocations;
	ret = nvmem_device_read(ctx->nvmem, 0, size, buf);
	if (fw->failing_word) {
		KUNIT_EXPECT_EQ(test, ret, -EIO);
		KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->nvmem,
							4 * fw->failing_word,
							2, addr), -EIO);
	} else {
		KUNIT_EXPECT_EQ(test, ret, size);
		for (w = 0; w < ctx->geo->words && ret == size; w++)
			KUNIT_EXPECT_EQ_MSG(test, le32_to_cpu(buf[w]),
					    ta_fw_word(ctx, fw, w), "word %u", w);
	}

	np = of_find_node_by_path(TA_CONSUMER_PATH);
	KUNIT_ASSERT_NOT_NULL(test, np);
	ret = of_get_mac_address(np, addr);
	of_node_put(np);
	if (fw->pta || fw->sip) {
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, memcmp(addr, mac, sizeof(mac)), 0);
	} else {
		/* 00:00:00:00:00:00 is no address */
		KUNIT_EXPECT_NE(test, ret, 0);
	}

	/* One service for the upper words: the other one is never asked. */
	if (fw->optee && fw->pta) {
		KUNIT_EXPECT_EQ(test, ctx->bsec->smc_calls, 0);
		KUNIT_EXPECT_GT(test, ctx->optee->invocations, inv);
	} else {
		KUNIT_EXPECT_EQ(test, ctx->optee->invocations, 0);
		KUNIT_EXPECT_EQ(test, ctx->optee->sessions_opened, 0);
	}
	KUNIT_EXPECT_EQ(test, ctx->bsec->secret_reads, 0);
}

static int ta_match_name(struct device *dev, const void *name)
{
	return !strcmp(dev_name(dev), name);
}

/*
 * A consumer holds the NVMEM device while OP-TEE, and with it the BSEC,
 * goes away: the session is closed at the unbind all the same, and a read
 * through the held device gets -ENODEV without reaching OP-TEE (the
 * closed session is tested under its lock; KASAN watches the memory).
 */
static void ta_held_across_optee_removal(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;
	struct nvmem_device *held;
	struct platform_device *tee;
	unsigned long invocations;
	char name[32];
	u8 buf[8];

	ta_prepare(test, &ta_geometries[0]);
	ta_start(test);
	strscpy(name, nvmem_dev_name(ctx->nvmem), sizeof(name));
	held = nvmem_device_find(name, ta_match_name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, held);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 57 * 4, 6, buf), 6);

	tee = otp_kunit_find_pdev(TA_OPTEE_PATH);
	KUNIT_ASSERT_NOT_NULL(test, tee);
	device_release_driver(&tee->dev);
	put_device(&tee->dev);
	KUNIT_EXPECT_EQ(test, ctx->optee->sessions_closed, 1);
	invocations = ctx->optee->invocations;
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 57 * 4, 6, buf), -ENODEV);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(held, 0, 4, buf), -ENODEV);
	KUNIT_EXPECT_EQ(test, ctx->optee->invocations, invocations);
	nvmem_device_put(held);
}

/* debugfs says which backend serves each word and what OP-TEE reports. */
static void ta_debugfs(struct kunit *test)
{
	struct ta_ctx *ctx = test->priv;
	char *text, *line;
	int ret = -EINVAL;

	ta_prepare(test, &ta_geometries[0]);
	ta_start(test);
	text = otp_kunit_debugfs_show(test, "otp-stm32-romem",
				      nvmem_dev_name(ctx->nvmem), "locks",
				      otp_stm32_romem_locks_show, &ret);
	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "optee-pta"));
	line = strstr(text, "word  5:");
	KUNIT_EXPECT_NOT_NULL(test, line);
	if (line)
		KUNIT_EXPECT_EQ(test, strncmp(line + 9, "shadow", 6), 0);
	line = strstr(text, "word 57:");
	KUNIT_EXPECT_NOT_NULL(test, line);
	if (line) {
		KUNIT_EXPECT_EQ(test, strncmp(line + 9, "pta ", 4), 0);
		KUNIT_EXPECT_NOT_NULL(test, strstr(line, "perm=0"));
	}
	line = strstr(text, "word 63:");
	KUNIT_EXPECT_NOT_NULL(test, line);
	if (line) {
		KUNIT_EXPECT_EQ(test, strncmp(line + 9, "pta-refused", 11), 0);
		KUNIT_EXPECT_NOT_NULL(test, strstr(line, "error=1"));
	}
	line = strstr(text, "word 56:");
	KUNIT_EXPECT_NOT_NULL(test, line);
	if (line)
		KUNIT_EXPECT_NOT_NULL(test, strstr(line, "error=1"));
}

/* The geometry of the BSEC with @compatible. */
static const struct ta_geometry *ta_geometry_of(struct kunit *test,
						const char *compatible)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ta_geometries); i++)
		if (!strcmp(ta_geometries[i].compatible, compatible))
			return &ta_geometries[i];
	KUNIT_FAIL(test, "no BSEC %s in the suite's table", compatible);
	return NULL;
}

/*
 * Every consumer of an OP-TEE-only SoC tree's BSEC cells (the STM32MP13's
 * MACs and ADC "vrefint", the STM32MP2x part and package numbers, ...)
 * reads from the fuses what U-Boot and the nvmem core's cell rules give,
 * with OP-TEE opening every word as a board's st,non-secure-otp list would.
 */
static void ta_upstream_cells(struct kunit *test)
{
	const struct otp_upstream_soc *u = test->param_value;
	const struct ta_geometry *geo = ta_geometry_of(test, u->compatible);
	struct ta_ctx *ctx = test->priv;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, geo);
	ta_prepare(test, geo);
	for (i = 0; i < geo->words; i++) {
		ctx->optee->otp[i] = i < u->nwords ? u->words[i] : 0;
		ctx->optee->locks[i] = 0;
		set_bit(i, ctx->optee->open);
	}
	KUNIT_ASSERT_EQ(test, otp_kunit_overlay_apply(test, stm32_bsec_ta_optee_dtbo,
						      sizeof(stm32_bsec_ta_optee_dtbo)),
			0);
	ta_apply_and_bind(test, u->dtbo, u->dtbo_size);
	for (i = 0; i < u->nreads; i++)
		otp_upstream_expect(test, &u->reads[i]);
	/* Only OP-TEE served them: a secure BSEC's registers stay untouched. */
	KUNIT_EXPECT_EQ(test, ctx->bsec->reg_reads + ctx->bsec->io_calls, 0);
}

KUNIT_ARRAY_PARAM(ta_upstream, otp_upstream_socs, otp_upstream_desc);

static struct kunit_case ta_upstream_cases[] = {
	KUNIT_CASE_PARAM(ta_upstream_cells, ta_upstream_gen_params),
	{}
};

static struct kunit_suite ta_upstream_suite = {
	.name = "otp-stm32-bsec-ta-upstream",
	.init = ta_test_init,
	.test_cases = ta_upstream_cases,
};

static struct kunit_case ta_cases[] = {
	KUNIT_CASE_PARAM(ta_defers_then_binds, ta_geo_gen_params),
	KUNIT_CASE_PARAM(ta_read_sweep, ta_geo_gen_params),
	KUNIT_CASE_PARAM(ta_read_shapes, ta_geo_gen_params),
	KUNIT_CASE_PARAM(ta_mac_cell, ta_geo_gen_params),
	KUNIT_CASE(ta_invoke_failures),
	KUNIT_CASE(ta_session_refused),
	KUNIT_CASE_PARAM(ta_firmware_generation, ta_fw_gen_params),
	KUNIT_CASE(ta_only_without_optee),
	KUNIT_CASE(ta_optee_goes_away),
	KUNIT_CASE(ta_held_across_optee_removal),
	KUNIT_CASE(ta_debugfs),
	{}
};

static struct kunit_suite ta_suite = {
	.name = "otp-stm32-bsec-ta",
	.init = ta_test_init,
	.test_cases = ta_cases,
};

kunit_test_suites(&ta_suite, &ta_upstream_suite);
