// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the i.MX8QXP/8QM SCU fuse provider.  Reads travel the
 * way they do on a board: the provider's RPC, the kernel's own imx-scu
 * driver, a mailbox (the emulator's, scu-emu.c), the emulated firmware.
 * Programming goes to the emulator's SiP call.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/firmware/imx/sci.h>
#include <linux/if_ether.h>
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "otp-kunit.h"
#include "imx-ocotp-io.h"
#include "imx-ocotp-scu.h"
#include "scu-emu.h"
#include "imx-ocotp-scu-test.dtbo.h"

#define SCU_QXP	"fsl,imx8qxp-scu-ocotp"
#define SCU_QM	"fsl,imx8qm-scu-ocotp"

/**
 * struct scu_ctx - one test's firmware, harness and providers
 * @emu: the emulated firmware and its mailbox
 * @fw: the provider's seam: imx-scu RPCs, the emulator's SiP call
 * @ipc: the imx-scu handle the harness's RPCs go through
 * @compatible: the part the harness binds its nodes as
 * @rw: the writable provider
 * @ro: the read-only one
 * @mu: the harness driver that puts the emulator's mailbox on its node
 * @ocotp: the harness driver that binds the fuse nodes
 */
struct scu_ctx {
	struct scu_emu emu;
	struct otp_imx_scu_fw fw;
	struct imx_sc_ipc *ipc;
	const char *compatible;
	struct nvmem_device *rw;
	struct nvmem_device *ro;
	struct platform_driver mu;
	struct platform_driver ocotp;
};

static int ctx_call(const struct otp_imx_scu_fw *fw, u32 *msg)
{
	struct scu_ctx *ctx = container_of(fw, struct scu_ctx, fw);

	return imx_scu_call_rpc(ctx->ipc, msg, true);
}

static unsigned long ctx_sip(const struct otp_imx_scu_fw *fw,
			     unsigned long fid, unsigned long a1,
			     unsigned long a2)
{
	struct scu_ctx *ctx = container_of(fw, struct scu_ctx, fw);

	return scu_emu_sip(&ctx->emu, fid, a1, a2);
}

static int mu_probe(struct platform_device *pdev)
{
	struct scu_ctx *ctx = container_of(to_platform_driver(pdev->dev.driver),
					   struct scu_ctx, mu);

	return scu_emu_register(&ctx->emu, &pdev->dev);
}

static void mu_remove(struct platform_device *pdev)
{
	struct scu_ctx *ctx = container_of(to_platform_driver(pdev->dev.driver),
					   struct scu_ctx, mu);

	scu_emu_unregister(&ctx->emu);
}

static int ocotp_probe(struct platform_device *pdev)
{
	struct scu_ctx *ctx = container_of(to_platform_driver(pdev->dev.driver),
					   struct scu_ctx, ocotp);
	bool ro = of_property_read_bool(pdev->dev.of_node, "read-only");
	const struct otp_imx_scu_soc *soc = otp_imx_scu_soc(ctx->compatible);
	struct nvmem_device *nvmem;
	int ret;

	if (!soc)
		return -ENOENT;
	ret = imx_scu_get_handle(&ctx->ipc);
	if (ret)
		return ret;
	nvmem = otp_imx_scu_register(&pdev->dev, &ctx->fw, soc, ro);
	if (IS_ERR(nvmem))
		return PTR_ERR(nvmem);
	if (ro)
		ctx->ro = nvmem;
	else
		ctx->rw = nvmem;
	return 0;
}

static const struct of_device_id mu_match[] = {
	{ .compatible = "otp-kunit,scu-mu" },
	{ }
};

static const struct of_device_id ocotp_match[] = {
	{ .compatible = "otp-kunit,scu-ocotp-harness" },
	{ }
};

static int scu_test_init(struct kunit *test)
{
	struct scu_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->fw.call = ctx_call;
	ctx->fw.sip = ctx_sip;
	ctx->mu.probe = mu_probe;
	ctx->mu.otp_void_remove = mu_remove;
	ctx->mu.driver.of_match_table = mu_match;
	ctx->ocotp.probe = ocotp_probe;
	ctx->ocotp.driver.of_match_table = ocotp_match;
	test->priv = ctx;
	ret = otp_kunit_harness_register(test, &ctx->mu, "scu-mu");
	if (ret)
		return ret;
	return otp_kunit_harness_register(test, &ctx->ocotp, "scu-ocotp");
}

/* A recognisable value per word: its index in both halves, a tag on top. */
static u32 seed(unsigned int word)
{
	return 0x5c000000 | word << 12 | word;
}

/*
 * The firmware of @compatible with seeded fuses (@blank: the first 16
 * words blank, for programming), then the devices; imx-scu may have to
 * wait for the mailbox's probe, so the providers can come from the
 * deferred-probe work.
 */
static struct scu_emu *scu_start(struct kunit *test, const char *compatible,
				 bool blank)
{
	struct scu_ctx *ctx = test->priv;
	struct scu_emu *emu = &ctx->emu;
	unsigned int w, waited;

	KUNIT_ASSERT_EQ(test, scu_emu_init(emu, compatible), 0);
	for (w = 0; w < scu_emu_words(emu); w++)
		if (!scu_emu_hole(emu, w))
			emu->fuse[w] = blank && w < 16 ? 0 : seed(w);
	ctx->compatible = compatible;
	KUNIT_ASSERT_EQ(test,
			otp_kunit_overlay_apply(test, imx_ocotp_scu_test_dtbo,
						sizeof(imx_ocotp_scu_test_dtbo)),
			0);
	for (waited = 0; waited < 5000; waited += 20) {
		if (READ_ONCE(ctx->rw) && READ_ONCE(ctx->ro))
			break;
		msleep(20);
	}
	KUNIT_ASSERT_NOT_NULL_MSG(test, READ_ONCE(ctx->rw),
				  "the writable SCU fuse node never bound");
	KUNIT_ASSERT_NOT_NULL(test, READ_ONCE(ctx->ro));
	return emu;
}

static void scu_test_exit(struct kunit *test)
{
	struct scu_ctx *ctx = test->priv;

	if (!ctx->emu.part)
		return;
	/* The provider never asks for a word that does not exist. */
	KUNIT_EXPECT_EQ(test, ctx->emu.hole_reads, 0);
	KUNIT_EXPECT_EQ(test, ctx->emu.beyond_reads, 0);
	KUNIT_EXPECT_EQ(test, ctx->emu.bad_order, 0);
}

static int read_word(struct nvmem_device *nvmem, unsigned int word, u32 *val)
{
	__le32 le;
	int ret = nvmem_device_read(nvmem, 4 * word, 4, &le);

	*val = le32_to_cpu(le);
	return ret;
}

static int write_word(struct nvmem_device *nvmem, unsigned int word, u32 val)
{
	__le32 le = cpu_to_le32(val);

	return nvmem_device_write(nvmem, 4 * word, 4, &le);
}

static const char *const scu_parts[] = { SCU_QXP, SCU_QM };

static void part_desc(const char *const *part, char *desc)
{
	strscpy(desc, *part, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(scu_part, scu_parts, part_desc);

/*
 * Every word at 4 x its index, least significant byte first; the words of
 * the i.MX8QXP's gap read 0 without an RPC (the exit checks); one read of
 * the whole device, then word by word.
 */
static void scu_reads_every_word(struct kunit *test)
{
	const char *const *part = test->param_value;
	struct scu_emu *emu = scu_start(test, *part, false);
	struct scu_ctx *ctx = test->priv;
	unsigned int w, n = scu_emu_words(emu), served = 0;
	__le32 *all;
	u32 val, want;

	all = kunit_kmalloc_array(test, n, 4, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, all);
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw, 0, 4 * n, all), 4 * n);
	for (w = 0; w < n; w++) {
		want = scu_emu_hole(emu, w) ? 0 : seed(w);
		served += !scu_emu_hole(emu, w);
		KUNIT_EXPECT_EQ_MSG(test, le32_to_cpu(all[w]), want,
				    "word %u (offset %#x)", w, 4 * w);
		KUNIT_ASSERT_EQ(test, read_word(ctx->rw, w, &val), 4);
		KUNIT_EXPECT_EQ_MSG(test, val, want, "word %u alone", w);
	}
	/* One RPC per word that exists, in each pass. */
	KUNIT_EXPECT_EQ(test, emu->reads, 2 * served);
	/* The device ends after the last word. */
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->rw, 4 * n - 1, 1, all), 1);
	KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->rw, 4 * n, 1, all),
			-EINVAL);
}

/* Reads that start and end inside words, across the i.MX8QXP's gap. */
static void scu_unaligned_reads(struct kunit *test)
{
	static const struct {
		unsigned int off, len;
	} shapes[] = {
		{ 0x3, 5 }, { 0x41, 7 }, { 0x43e, 11 }, { 0xc7d, 3 },
		{ 0xb10, 6 },
	};
	struct scu_emu *emu = scu_start(test, SCU_QXP, false);
	struct scu_ctx *ctx = test->priv;
	unsigned int i, b, off;
	u8 buf[16], want;

	for (i = 0; i < ARRAY_SIZE(shapes); i++) {
		KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw, shapes[i].off,
							shapes[i].len, buf),
				shapes[i].len);
		for (b = 0; b < shapes[i].len; b++) {
			off = shapes[i].off + b;
			want = scu_emu_hole(emu, off / 4) ? 0 :
			       seed(off / 4) >> (8 * (off % 4));
			KUNIT_EXPECT_EQ_MSG(test, buf[b], want, "byte %#x", off);
		}
	}
}

/* A word the firmware refuses reads 0xbadabada; the others are unharmed. */
static void scu_refused_word(struct kunit *test)
{
	struct scu_emu *emu = scu_start(test, SCU_QXP, false);
	struct scu_ctx *ctx = test->priv;
	u32 words[3];

	set_bit(5, emu->refused);
	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw, 16, 12, words), 12);
	KUNIT_EXPECT_EQ(test, le32_to_cpu((__force __le32)words[0]), seed(4));
	KUNIT_EXPECT_EQ(test, le32_to_cpu((__force __le32)words[1]),
			OTP_IMX_OCOTP_LOCKED);
	KUNIT_EXPECT_EQ(test, le32_to_cpu((__force __le32)words[2]), seed(6));
}

/*
 * The board trees' MAC cell, mac@2c4, is fuse word 0x2c4 and the first
 * half of the next, in memory order (U-Boot arch/arm/mach-imx/imx8/cpu.c
 * reads the i.MX8QXP's MAC 0 from words 708/709, lowest byte first), both
 * through the harness and through the real platform driver.
 */
static void scu_mac_cells(struct kunit *test)
{
	static const char *const ids[] = { "mac-address", "real-mac" };
	struct scu_emu *emu = scu_start(test, SCU_QXP, false);
	struct device_node *np;
	struct nvmem_cell *cell;
	unsigned int i, b;
	size_t len;
	u8 *mac;

	emu->fuse[0x2c4] = 0x9f040000 | 0x0211;
	emu->fuse[0x2c5] = 0xeeff0000 | 0xc3b2;
	np = of_find_node_by_path("/otp-kunit-scu-consumer");
	KUNIT_ASSERT_NOT_NULL(test, np);
	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		cell = of_nvmem_cell_get(np, ids[i]);
		KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, cell, "%s", ids[i]);
		mac = nvmem_cell_read(cell, &len);
		nvmem_cell_put(cell);
		KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, mac, "%s", ids[i]);
		KUNIT_EXPECT_EQ(test, len, ETH_ALEN);
		for (b = 0; b < 4; b++)
			KUNIT_EXPECT_EQ_MSG(test, mac[b],
					    (u8)(emu->fuse[0x2c4] >> (8 * b)),
					    "%s byte %u", ids[i], b);
		KUNIT_EXPECT_EQ_MSG(test, mac[4], 0xb2, "%s", ids[i]);
		KUNIT_EXPECT_EQ_MSG(test, mac[5], 0xc3, "%s", ids[i]);
		kfree(mac);
	}
	of_node_put(np);
}

/* The MAC cell of the harness's node and of the real driver's, by name. */
static const char *const scu_mac_ids[] = { "mac-address", "real-mac" };

static int read_mac_cell(struct kunit *test, const char *id, u8 *mac)
{
	struct nvmem_cell *cell;
	struct device_node *np;
	size_t len = 0;
	u8 *data;

	np = of_find_node_by_path("/otp-kunit-scu-consumer");
	KUNIT_ASSERT_NOT_NULL(test, np);
	cell = of_nvmem_cell_get(np, id);
	of_node_put(np);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, cell, "%s", id);
	data = nvmem_cell_read(cell, &len);
	nvmem_cell_put(cell);
	if (IS_ERR(data))
		return PTR_ERR(data);
	KUNIT_EXPECT_EQ_MSG(test, len, ETH_ALEN, "%s", id);
	memcpy(mac, data, min_t(size_t, len, ETH_ALEN));
	kfree(data);
	return 0;
}

/*
 * The firmware refuses the second word of the MAC cell (0x2c5).  A read of
 * the cell, as the FEC's of_get_mac_address() makes it, fails with EACCES,
 * the in-tree driver's errno, rather than give da:ba:da:ba:da:ba, a valid
 * unicast address the FEC would take; a read of the whole device, through
 * the nvmem file or nvmem_device_read(), keeps 0xbadabada for the word.
 * Once the firmware serves the word again the cell reads it.
 */
static void scu_refused_word_fails_cell(struct kunit *test)
{
	struct scu_emu *emu = scu_start(test, SCU_QXP, false);
	struct scu_ctx *ctx = test->priv;
	struct platform_device *pdev;
	otp_bin_attribute *battr;
	struct device *ndev;
	unsigned int i;
	__le32 words[2];
	umode_t mode;
	u8 mac[ETH_ALEN];

	set_bit(0x2c5, emu->refused);
	/* First, before any other read of the words. */
	for (i = 0; i < ARRAY_SIZE(scu_mac_ids); i++)
		KUNIT_EXPECT_EQ_MSG(test, read_mac_cell(test, scu_mac_ids[i], mac),
				    -EACCES, "%s", scu_mac_ids[i]);

	KUNIT_ASSERT_EQ(test, nvmem_device_read(ctx->rw, 4 * 0x2c4, 8, words), 8);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(words[0]), seed(0x2c4));
	KUNIT_EXPECT_EQ(test, le32_to_cpu(words[1]), OTP_IMX_OCOTP_LOCKED);

	pdev = otp_kunit_find_pdev("/otp-kunit-scu/ocotp");
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	ndev = otp_kunit_nvmem_dev(&pdev->dev, ctx->rw);
	put_device(&pdev->dev);
	KUNIT_ASSERT_NOT_NULL(test, ndev);
	battr = otp_kunit_sysfs_bin(ndev, "nvmem", &mode);
	KUNIT_EXPECT_NOT_NULL(test, battr);
	if (battr) {
		memset(words, 0, sizeof(words));
		KUNIT_EXPECT_EQ(test, battr->read(NULL, &ndev->kobj, battr,
						  (char *)words, 4 * 0x2c4, 8),
				8);
		KUNIT_EXPECT_EQ(test, le32_to_cpu(words[0]), seed(0x2c4));
		KUNIT_EXPECT_EQ(test, le32_to_cpu(words[1]),
				OTP_IMX_OCOTP_LOCKED);
	}
	put_device(ndev);

	/* After the dumps, still. */
	for (i = 0; i < ARRAY_SIZE(scu_mac_ids); i++)
		KUNIT_EXPECT_EQ_MSG(test, read_mac_cell(test, scu_mac_ids[i], mac),
				    -EACCES, "%s again", scu_mac_ids[i]);

	clear_bit(0x2c5, emu->refused);
	for (i = 0; i < ARRAY_SIZE(scu_mac_ids); i++) {
		KUNIT_EXPECT_EQ_MSG(test, read_mac_cell(test, scu_mac_ids[i], mac),
				    0, "%s served", scu_mac_ids[i]);
		KUNIT_EXPECT_EQ(test, mac[0], (u8)seed(0x2c4));
		KUNIT_EXPECT_EQ(test, mac[4], (u8)seed(0x2c5));
		KUNIT_EXPECT_EQ(test, mac[5], (u8)(seed(0x2c5) >> 8));
	}
}

/*
 * A word whose read the firmware fails (SC_ERR_FAIL) fails every read of
 * it; the log names it once however often a reader retries (the nvmem
 * file may be world-readable), each such word once, and the refused words
 * in one line for the device.
 */
static void scu_failures_logged_once(struct kunit *test)
{
	struct scu_emu *emu = scu_start(test, SCU_QXP, false);
	struct scu_ctx *ctx = test->priv;
	struct platform_device *pdev;
	__le32 words[16];
	unsigned int i;
	u64 mark;
	u32 val;

	pdev = otp_kunit_find_pdev("/otp-kunit-scu/ocotp");
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	set_bit(7, emu->failing);
	set_bit(9, emu->failing);
	set_bit(5, emu->refused);
	set_bit(6, emu->refused);
	mark = otp_kunit_log_mark();
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, read_word(ctx->rw, 7, &val), -EIO);
		KUNIT_EXPECT_EQ(test, nvmem_device_read(ctx->rw, 0, sizeof(words),
							words), -EIO);
		KUNIT_EXPECT_EQ(test, read_word(ctx->rw, 9, &val), -EIO);
		KUNIT_EXPECT_EQ(test, read_word(ctx->rw, 5, &val), 4);
		KUNIT_EXPECT_EQ(test, val, OTP_IMX_OCOTP_LOCKED);
		KUNIT_EXPECT_EQ(test, read_word(ctx->rw, 6, &val), 4);
	}
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, &pdev->dev,
						  "fuse word 7 from the SCU firmware failed"),
			1);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, &pdev->dev,
						  "fuse word 9 from the SCU firmware failed"),
			1);
	KUNIT_EXPECT_EQ(test, otp_kunit_log_count(mark, &pdev->dev,
						  "the SCU firmware refuses fuse word"),
			1);
	put_device(&pdev->dev);
	/* Served again, the word reads. */
	clear_bit(7, emu->failing);
	KUNIT_EXPECT_EQ(test, read_word(ctx->rw, 7, &val), 4);
	KUNIT_EXPECT_EQ(test, val, seed(7));
}

/* New bits in one word: one SiP call with the whole word, then read back. */
static void scu_write_word(struct kunit *test)
{
	struct scu_emu *emu = scu_start(test, SCU_QXP, true);
	struct scu_ctx *ctx = test->priv;

	emu->fuse[5] = 0x00000011;
	KUNIT_EXPECT_EQ(test, write_word(ctx->rw, 5, 0x00001111), 4);
	KUNIT_EXPECT_EQ(test, emu->sip_calls, 1);
	KUNIT_EXPECT_EQ(test, emu->fuse[5], 0x00001111);
	/* The same value again: nothing to program. */
	KUNIT_EXPECT_EQ(test, write_word(ctx->rw, 5, 0x00001111), 4);
	KUNIT_EXPECT_EQ(test, emu->sip_calls, 1);
}

/* An ECC word takes one value, once; the second is refused up front. */
static void scu_ecc_word_once(struct kunit *test)
{
	struct scu_emu *emu = scu_start(test, SCU_QXP, true);
	struct scu_ctx *ctx = test->priv;

	emu->fuse[0x20] = 0;
	KUNIT_EXPECT_TRUE(test, scu_emu_ecc(emu, 0x20));
	KUNIT_EXPECT_EQ(test, write_word(ctx->rw, 0x20, 0xabcd), 4);
	KUNIT_EXPECT_EQ(test, emu->fuse[0x20], 0xabcd);
	KUNIT_EXPECT_EQ(test, write_word(ctx->rw, 0x20, 0xabcf), -EINVAL);
	KUNIT_EXPECT_EQ(test, emu->sip_calls, 1);
	KUNIT_EXPECT_EQ(test, emu->fuse[0x20], 0xabcd);
}

/**
 * struct bad_write - a write the provider must refuse before any SiP call
 * @name: what is wrong
 * @off: byte offset
 * @len: bytes
 * @val: the words, least significant byte first
 * @refuse: a word the firmware refuses to read, or -1
 * @err: the errno
 */
struct bad_write {
	const char *name;
	unsigned int off, len;
	u32 val[3];
	int refuse;
	int err;
};

/* Words 4-6 hold 0x10, 0x11 and 0x12 (scu_write_refused()). */
static const struct bad_write bad_writes[] = {
	{ "offset inside a word", 4 * 5 + 1, 4, { 0x11 }, -1, -EINVAL },
	{ "half a word", 4 * 5, 2, { 0x11 }, -1, -EINVAL },
	{ "a word in the gap", 4 * 0x110, 4, { 1 }, -1, -EINVAL },
	{ "a bit cleared", 4 * 5, 4, { 0x10 }, -1, -EINVAL },
	{ "an ECC word again", 4 * 0x10, 4, { 0xffffffff }, -1, -EINVAL },
	{ "a word the firmware hides", 4 * 6, 4, { 0x13 }, 6, -EPERM },
	{ "the last of three clears a bit", 4 * 4, 12, { 0x30, 0x31, 0x02 },
	  -1, -EINVAL },
	{ "past the end", 4 * 799, 8, { 1, 1 }, -1, -EINVAL },
};

static void bad_desc(const struct bad_write *b, char *desc)
{
	strscpy(desc, b->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(bad_write, bad_writes, bad_desc);

/* Each refused write leaves every fuse as it was and calls no SiP. */
static void scu_write_refused(struct kunit *test)
{
	const struct bad_write *b = test->param_value;
	struct scu_emu *emu = scu_start(test, SCU_QXP, true);
	struct scu_ctx *ctx = test->priv;
	__le32 le[3];
	u32 *before;
	unsigned int i;

	emu->fuse[4] = 0x10;
	emu->fuse[5] = 0x11;
	emu->fuse[6] = 0x12;
	if (b->refuse >= 0)
		set_bit(b->refuse, emu->refused);
	before = kunit_kmalloc(test, sizeof(emu->own), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, before);
	memcpy(before, emu->fuse, sizeof(emu->own));
	for (i = 0; i < ARRAY_SIZE(le); i++)
		le[i] = cpu_to_le32(b->val[i]);
	KUNIT_EXPECT_EQ(test, nvmem_device_write(ctx->rw, b->off, b->len, le),
			b->err);
	KUNIT_EXPECT_EQ(test, emu->sip_calls, 0);
	KUNIT_EXPECT_EQ(test, memcmp(before, emu->fuse, sizeof(emu->own)), 0);
}

/**
 * struct fw_failure - the monitor or the firmware lets a write down
 * @name: how
 * @absent: no SiP service
 * @sc_err: the sc_err_t the firmware returns
 * @ignored: OK, but nothing programmed
 * @err: the errno the write returns
 */
struct fw_failure {
	const char *name;
	bool absent;
	u32 sc_err;
	bool ignored;
	int err;
};

static const struct fw_failure fw_failures[] = {
	{ "no SiP service", true, 0, false, -EOPNOTSUPP },
	{ "SC_ERR_LOCKED", false, SCU_EMU_ERR_LOCKED, false, -EPERM },
	{ "SC_ERR_FAIL", false, SCU_EMU_ERR_FAIL, false, -EIO },
	{ "OK, but the fuses did not take it", false, 0, true, -EIO },
};

static void fw_desc(const struct fw_failure *f, char *desc)
{
	strscpy(desc, f->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(fw_failure, fw_failures, fw_desc);

static void scu_write_firmware_fails(struct kunit *test)
{
	const struct fw_failure *f = test->param_value;
	struct scu_emu *emu = scu_start(test, SCU_QXP, true);
	struct scu_ctx *ctx = test->priv;

	emu->sip_absent = f->absent;
	emu->sip_error = f->sc_err;
	emu->sip_error_word = 7;
	emu->sip_ignored = f->ignored;
	KUNIT_EXPECT_EQ(test, write_word(ctx->rw, 7, 0x700), f->err);
	KUNIT_EXPECT_EQ(test, emu->fuse[7], 0);
}

/* The read-only node has no write path; the firmware is never asked. */
static void scu_read_only_node(struct kunit *test)
{
	struct scu_emu *emu = scu_start(test, SCU_QXP, true);
	struct scu_ctx *ctx = test->priv;
	u32 val;

	KUNIT_EXPECT_LT(test, write_word(ctx->ro, 5, 1), 0);
	KUNIT_EXPECT_EQ(test, emu->sip_calls, 0);
	KUNIT_EXPECT_EQ(test, emu->fuse[5], 0);
	KUNIT_EXPECT_EQ(test, read_word(ctx->ro, 20, &val), 4);
	KUNIT_EXPECT_EQ(test, val, seed(20));
}

static struct kunit_case scu_cases[] = {
	KUNIT_CASE_PARAM(scu_reads_every_word, scu_part_gen_params),
	KUNIT_CASE(scu_unaligned_reads),
	KUNIT_CASE(scu_refused_word),
	KUNIT_CASE(scu_mac_cells),
	KUNIT_CASE(scu_refused_word_fails_cell),
	KUNIT_CASE(scu_failures_logged_once),
	KUNIT_CASE(scu_write_word),
	KUNIT_CASE(scu_ecc_word_once),
	KUNIT_CASE_PARAM(scu_write_refused, bad_write_gen_params),
	KUNIT_CASE_PARAM(scu_write_firmware_fails, fw_failure_gen_params),
	KUNIT_CASE(scu_read_only_node),
	{}
};

static struct kunit_suite scu_suite = {
	.name = "otp-imx-ocotp-scu",
	.init = scu_test_init,
	.exit = scu_test_exit,
	.test_cases = scu_cases,
};

kunit_test_suites(&scu_suite);
