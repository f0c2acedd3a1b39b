// SPDX-License-Identifier: GPL-2.0
/*
 * otp-imx-ocotp: the bus glue (the register block memory mapped, the
 * clock, the SoC the node and the machine name) and the module: both
 * platform drivers, the OCOTP one and the i.MX8QXP/8QM SCU one.
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
#include <linux/platform_device.h>
#include <linux/property.h>
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
#include "imx-ocotp-scu.h"

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
 * The hot path of every NVMEM read.  Relaxed accesses: nothing in memory
 * depends on their order, and the device keeps accesses to its own
 * registers in order, so the acknowledge lands before the next load.
 */
static void ocotp_mmio_read_shadows(const struct otp_imx_ocotp_io *io,
				    unsigned int reg, unsigned int count,
				    void *dst, const struct otp_imx_ocotp_ack *ack)
{
	void __iomem *base = ocotp_mmio_base(io);
	void __iomem *addr = base + reg;
	const u32 on = ack->on;
	unsigned int i;
	u32 v;

	/* @on in a register: the stores to @dst could alias @ack. */
	for (i = 0; i < count; i++, addr += OCOTP_SHADOW_STEP) {
		v = readl_relaxed(addr);
		put_unaligned_le32(v, dst + 4 * i);
		if (unlikely(v == on))
			writel_relaxed(ack->val, base + ack->reg);
	}
}

/* Bytes of register space the SoC's shadows need from the block's start. */
static unsigned int ocotp_block_size(const struct ocotp_soc *soc)
{
	const struct ocotp_span *sp;
	unsigned int end = 0;

	if (soc->fsb)
		return soc->fsb->reg + 4 * soc->banks * soc->bank_words;
	for (sp = soc->spans; sp->count; sp++)
		end = max(end, ocotp_span_shadow(sp, sp->pos + sp->count - 1) + 4);
	return end;
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
	unsigned int need = ocotp_block_size(soc);
	struct ocotp_mmio *mmio;

	if (!res) {
		dev_err(dev, "no reg property: the DT node must give the OCOTP register block (reg = <base 0x10000>)\n");
		return ERR_PTR(-EINVAL);
	}
	if (resource_size(res) < need) {
		dev_err(dev, "reg %pR is too small: the DT node must cover at least %#x bytes (the %s fuse shadows)\n",
			res, need, soc->name);
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

/**
 * ocotp_get_clk() - the controller clock the DT node names
 * @dev: the OCOTP device
 * @soc: SoC description
 *
 * The OCOTP controller of the i.MX6/7/8M parts is clocked by the SoC's
 * clock controller, and its registers are read with that clock running:
 * Linux 6.12 drivers/nvmem/imx-ocotp.c requires the node's clock
 * (devm_clk_get()) and enables it around every read, and the SoC trees
 * name it (imx8mm.dtsi: clocks = <&clk IMX8MM_CLK_OCOTP_ROOT>).  A node
 * without "clocks" would bind and read the block while nothing keeps its
 * clock on, so it is refused.  The i.MX93/95 fuse shadow block has no
 * clock of its own (Linux 6.12 imx-ocotp-ele.c takes none): one is
 * optional there.
 *
 * Return: the clock (NULL for an FSB node without one), or an ERR_PTR()
 * (logged; -EPROBE_DEFER while the clock's provider is not there yet).
 */
static struct clk *ocotp_get_clk(struct device *dev,
				 const struct ocotp_soc *soc)
{
	struct clk *clk;

	if (!soc->fsb && !of_find_property(dev->of_node, "clocks", NULL)) {
		dev_err(dev, "%pOF has no clocks property: the %s OCOTP controller is read with its clock running, so the node must name it (clocks = <&clk ...>)\n",
			dev->of_node, soc->name);
		return ERR_PTR(-EINVAL);
	}
	clk = soc->fsb ? devm_clk_get_optional(dev, NULL) :
			 devm_clk_get(dev, NULL);
	if (IS_ERR(clk))
		dev_err_probe(dev, PTR_ERR(clk), "cannot get the OCOTP clock\n");
	return clk;
}

/*
 * Platform glue: everything the DT node provides (registers, clock,
 * read-only) is gathered here and handed to otp_imx_ocotp_register().
 */
static int ocotp_bind(struct device *dev, struct resource *res)
{
	const struct otp_imx_ocotp_io *io;
	const struct ocotp_soc *soc;
	struct nvmem_device *nvmem;
	struct clk *clk;

	/* Bound through driver_override to a node that is not an OCOTP. */
	soc = device_get_match_data(dev);
	if (!soc) {
		dev_err(dev, "%pOF is no OCOTP this driver knows: its compatible must be one of the fsl,imx*-ocotp strings\n",
			dev->of_node);
		return -ENODEV;
	}

	soc = ocotp_machine_soc(dev, soc);
	io = ocotp_map(dev, res, soc);
	if (IS_ERR(io))
		return PTR_ERR(io);

	clk = ocotp_get_clk(dev, soc);
	if (IS_ERR(clk))
		return PTR_ERR(clk);

	nvmem = otp_imx_ocotp_register(dev, io, clk, soc,
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

static int __init otp_imx_ocotp_init(void)
{
	int ret;

	otp_provider_module_init("otp-imx-ocotp");
	ret = platform_driver_register(&otp_imx_ocotp_driver);
	if (ret)
		goto err_provider;
	ret = otp_imx_scu_init();
	if (ret)
		goto err_ocotp;
	return 0;

err_ocotp:
	platform_driver_unregister(&otp_imx_ocotp_driver);
err_provider:
	otp_provider_module_exit();
	return ret;
}
module_init(otp_imx_ocotp_init);

static void __exit otp_imx_ocotp_exit(void)
{
	otp_imx_scu_exit();
	platform_driver_unregister(&otp_imx_ocotp_driver);
	otp_provider_module_exit();
}
module_exit(otp_imx_ocotp_exit);

MODULE_DESCRIPTION("i.MX6/7/8M/9 On-Chip OTP and i.MX8QXP/8QM SCU fuse NVMEM provider");
MODULE_LICENSE("GPL");
