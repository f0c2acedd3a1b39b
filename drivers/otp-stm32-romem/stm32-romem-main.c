// SPDX-License-Identifier: GPL-2.0
/*
 * otp-stm32-romem: the block descriptions and match table, the bus glue
 * (the register window memory mapped, the secure world found) and the
 * module.
 */
#include <linux/arm-smccc.h>
#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "otp-compat.h"
#include "otp-provider.h"
#include "stm32-romem-io.h"
#include "stm32-bsec-ta.h"

#include "stm32-romem.h"

static const struct otp_stm32_desc otp_stm32_mp15_bsec = {
	.bsec = true, .words = BSEC_WORDS, .lower = BSEC_SHADOWED_WORDS,
};

static const struct otp_stm32_desc otp_stm32_f4_otp = { };

static const struct otp_stm32_desc otp_stm32_mp13_bsec = {
	.bsec = true, .words = BSEC_WORDS, .ta_only = true,
};

static const struct otp_stm32_desc otp_stm32_mp25_bsec = {
	.bsec = true, .words = OTP_STM32_MAX_WORDS, .ta_only = true,
};

const struct of_device_id otp_stm32_romem_of_match[] = {
	{ .compatible = "st,stm32mp15-bsec", .data = &otp_stm32_mp15_bsec },
	{ .compatible = "st,stm32f4-otp", .data = &otp_stm32_f4_otp },
	{ .compatible = "st,stm32mp13-bsec", .data = &otp_stm32_mp13_bsec },
	{ .compatible = "st,stm32mp25-bsec", .data = &otp_stm32_mp25_bsec },
	{ }
};
MODULE_DEVICE_TABLE(of, otp_stm32_romem_of_match);

/**
 * otp_stm32_romem_desc() - the block description bound to a compatible
 * @compatible: one of the driver's match table
 *
 * What the platform driver gets as match data, for a caller that binds
 * the provider to other registers (the KUnit suites).
 *
 * Return: the description, NULL for an unknown compatible.
 */
const struct otp_stm32_desc *otp_stm32_romem_desc(const char *compatible)
{
	return otp_match_data(otp_stm32_romem_of_match, compatible);
}
EXPORT_SYMBOL_IF_KUNIT(otp_stm32_romem_desc);

/**
 * struct otp_stm32_mmio - the block's registers, memory mapped
 * @io: accessors handed to otp_stm32_romem_register()
 * @base: start of the register window
 */
struct otp_stm32_mmio {
	struct otp_stm32_io io;
	void __iomem *base;
};

static void __iomem *otp_stm32_mmio_base(const struct otp_stm32_io *io)
{
	return container_of(io, struct otp_stm32_mmio, io)->base;
}

static u32 otp_stm32_mmio_read(const struct otp_stm32_io *io,
			       unsigned int reg)
{
	return readl(otp_stm32_mmio_base(io) + reg);
}

/* Plain loads with no ordering against memory: nothing depends on it. */
static void otp_stm32_mmio_read_words(const struct otp_stm32_io *io,
				      unsigned int reg, unsigned int count,
				      void *dst)
{
	void __iomem *src = otp_stm32_mmio_base(io) + reg;
	unsigned int i;

	for (i = 0; i < count; i++)
		put_unaligned_le32(readl_relaxed(src + 4 * i), dst + 4 * i);
}

/*
 * The mapping goes with the block, when its NVMEM device is released, so
 * that a read that passed the "gone" test just before an unbind still
 * reads mapped registers.  The region is the device's and is released at
 * unbind, so that the device can bind again.
 */
static void otp_stm32_mmio_release(const struct otp_stm32_io *io)
{
	struct otp_stm32_mmio *mmio =
		container_of(io, struct otp_stm32_mmio, io);

	iounmap(mmio->base);
	kfree(mmio);
}

/* The board runs OP-TEE: its DT has an available OP-TEE node. */
static bool otp_stm32_has_optee(void)
{
	struct device_node *np = otp_stm32_optee_node();

	of_node_put(np);
	return np;
}

/*
 * Platform glue: check and map the DT node's registers, then hand the block
 * and the real secure-monitor path to otp_stm32_romem_register().
 */
static int otp_stm32_romem_bind(struct device *dev, struct resource *res)
{
	const struct otp_stm32_desc *desc = device_get_match_data(dev);
	struct otp_stm32_mmio *mmio;
	struct nvmem_device *nvmem;

	/* Bound through driver_override to a node that is not a BSEC/OTP. */
	if (!desc) {
		dev_err(dev, "%pOF is no STM32 OTP this driver knows: its compatible must be st,stm32mp15-bsec, st,stm32mp13-bsec, st,stm32mp25-bsec or st,stm32f4-otp\n",
			dev->of_node);
		return -ENODEV;
	}

	if (!res) {
		dev_err(dev, "DT node has no reg: it must contain reg = <base size> covering the %s\n",
			desc->bsec ? "0x400-byte BSEC register block" :
				     "OTP area (non-zero multiple of 4 bytes)");
		return -EINVAL;
	}

	if (!devm_request_mem_region(dev, res->start, resource_size(res),
				     dev_name(dev))) {
		dev_err(dev, "registers %pR are in use by another driver\n", res);
		return -EBUSY;
	}
	mmio = kzalloc(sizeof(*mmio), GFP_KERNEL);
	if (!mmio)
		return -ENOMEM;
	mmio->base = ioremap(res->start, resource_size(res));
	if (!mmio->base) {
		kfree(mmio);
		return -ENOMEM;
	}
	mmio->io.read = otp_stm32_mmio_read;
	mmio->io.read_words = otp_stm32_mmio_read_words;
	mmio->io.release = otp_stm32_mmio_release;

	nvmem = otp_stm32_romem_register(dev, &mmio->io, resource_size(res),
					 otp_stm32_call_setup(), desc,
					 desc->ta_only || otp_stm32_has_optee());
	/*
	 * Each refusal was logged, once, where it was decided (a deferral
	 * keeps the reason the secure backend gave); a failed allocation is
	 * reported by the allocator.
	 */
	return PTR_ERR_OR_ZERO(nvmem);
}

static int otp_stm32_romem_probe(struct platform_device *pdev)
{
	return otp_stm32_romem_bind(&pdev->dev,
				    platform_get_resource(pdev, IORESOURCE_MEM, 0));
}

static struct platform_driver otp_stm32_romem_driver = {
	.probe = otp_stm32_romem_probe,
	.driver = {
		.name = "otp-stm32-romem",
		.of_match_table = otp_stm32_romem_of_match,
	},
};

static int __init otp_stm32_romem_init(void)
{
	int ret;

	otp_provider_module_init("otp-stm32-romem");
	ret = platform_driver_register(&otp_stm32_romem_driver);
	if (ret)
		otp_provider_module_exit();
	return ret;
}
module_init(otp_stm32_romem_init);

static void __exit otp_stm32_romem_exit(void)
{
	platform_driver_unregister(&otp_stm32_romem_driver);
	otp_provider_module_exit();
}
module_exit(otp_stm32_romem_exit);

MODULE_DESCRIPTION("STM32MP13/MP15/MP25 BSEC and STM32F4 OTP read-only NVMEM provider");
MODULE_LICENSE("GPL");
