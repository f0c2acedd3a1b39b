// SPDX-License-Identifier: GPL-2.0
/*
 * A consumer of an upstream SoC tree reads its cell the way its kernel
 * driver does (kunit/otp-upstream.h); linked into each suite module that
 * runs the generated cases.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/nvmem-consumer.h>
#include <linux/of_net.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "otp-kunit.h"
#include "otp-upstream.h"

static int otp_upstream_read_one(struct device *dev,
				 const struct otp_upstream_read *r, u8 *got,
				 size_t *len)
{
	struct nvmem_cell *cell;
	void *data;
	u16 v16 = 0;
	u32 v32 = 0;
	u64 v64 = 0;
	int ret;

	switch (r->kind) {
	case OTP_UPSTREAM_MAC:
		*len = ETH_ALEN;
		/* What an ethernet driver asks for: the "mac-address" cell. */
		if (IS_ENABLED(CONFIG_NET))
			return of_get_mac_address(dev->of_node, got);
		fallthrough;
	case OTP_UPSTREAM_RAW:
		cell = nvmem_cell_get(dev, r->con_id);
		if (IS_ERR(cell))
			return PTR_ERR(cell);
		data = nvmem_cell_read(cell, len);
		nvmem_cell_put(cell);
		if (IS_ERR(data))
			return PTR_ERR(data);
		memcpy(got, data, min(*len, sizeof(r->want)));
		kfree(data);
		return 0;
	case OTP_UPSTREAM_U8:
		*len = 1;
		return nvmem_cell_read_u8(dev, r->con_id, got);
	case OTP_UPSTREAM_U16:
		*len = 2;
		ret = nvmem_cell_read_u16(dev, r->con_id, &v16);
		put_unaligned_le16(v16, got);
		return ret;
	case OTP_UPSTREAM_U32:
		*len = 4;
		ret = nvmem_cell_read_u32(dev, r->con_id, &v32);
		put_unaligned_le32(v32, got);
		return ret;
	default:
		*len = 8;
		ret = nvmem_cell_read_u64(dev, r->con_id, &v64);
		put_unaligned_le64(v64, got);
		return ret;
	}
}

/**
 * otp_upstream_desc() - a case's name in the KTAP output
 * @u: the case
 * @desc: KUNIT_PARAM_DESC_SIZE bytes: the SoC tree's file name and the
 *	compatible the harness stands in for
 */
void otp_upstream_desc(const struct otp_upstream_soc *u, char *desc)
{
	const char *base = strrchr(u->dtsi, '/');

	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s %s", base ? base + 1 : u->dtsi,
		 u->compatible);
}

/**
 * otp_upstream_expect() - a consumer reads what it must
 * @test: the running test
 * @r: the read, from the generated table
 *
 * The consumer's node is a device of the test's overlay; its read goes
 * through the nvmem core with the name the SoC tree's consumer uses.
 */
void otp_upstream_expect(struct kunit *test, const struct otp_upstream_read *r)
{
	static const char * const how[] = {
		[OTP_UPSTREAM_MAC] = "of_get_mac_address",
		[OTP_UPSTREAM_RAW] = "nvmem_cell_read",
		[OTP_UPSTREAM_U8] = "nvmem_cell_read_u8",
		[OTP_UPSTREAM_U16] = "nvmem_cell_read_u16",
		[OTP_UPSTREAM_U32] = "nvmem_cell_read_u32",
		[OTP_UPSTREAM_U64] = "nvmem_cell_read_u64",
	};
	struct platform_device *pdev;
	u8 got[32] = { };
	size_t len = 0;
	unsigned int i;
	int ret;

	pdev = otp_kunit_find_pdev(r->consumer);
	KUNIT_ASSERT_NOT_NULL_MSG(test, pdev, "no device for %s", r->consumer);
	ret = otp_upstream_read_one(&pdev->dev, r, got, &len);
	put_device(&pdev->dev);
	KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s: %s(\"%s\") of %s", r->upstream,
			    how[r->kind], r->con_id, r->cell);
	if (ret)
		return;
	KUNIT_EXPECT_EQ_MSG(test, len, r->len, "%s: %s of %s: length",
			    r->upstream, r->con_id, r->cell);
	for (i = 0; i < r->len && i < len; i++)
		KUNIT_EXPECT_EQ_MSG(test, got[i], r->want[i],
				    "%s: %s(\"%s\") of %s: byte %u", r->upstream,
				    how[r->kind], r->con_id, r->cell, i);
}
