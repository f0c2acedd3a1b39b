// SPDX-License-Identifier: GPL-2.0
/*
 * QEMU bench only: the i.MX8QXP or i.MX8QM System Controller firmware
 * behind its mailbox, for the kernel's own imx-scu driver; the node's
 * compatible names the part (tests/dt/scu/).  The node's reg is the fuse
 * image QEMU pre-loads (scripts/qemu-test.sh); the emulated firmware
 * (kunit/otp-imx-ocotp/scu-emu.c, the KUnit suite's) reads the fuses from
 * it, and the bench secure monitor programs them there (tests/firmware,
 * SiP 0xC200000B), as TF-A forwards a programming to the real firmware.
 */

#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/property.h>

#include "otp-compat.h"
#include "scu-emu.h"

static int otp_scu_fw_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct scu_emu *emu;
	struct resource *res;
	const char *part;
	int ret;

	emu = devm_kzalloc(dev, sizeof(*emu), GFP_KERNEL);
	if (!emu)
		return -ENOMEM;
	part = device_get_match_data(dev);
	ret = scu_emu_init(emu, part);
	if (ret)
		return ret;
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res || resource_size(res) < 4 * scu_emu_words(emu))
		return dev_err_probe(dev, -EINVAL, "the node's reg must hold the %u fuse words\n",
				     scu_emu_words(emu));
	emu->fuse = devm_memremap(dev, res->start, resource_size(res),
				  MEMREMAP_WB);
	if (IS_ERR(emu->fuse))
		return PTR_ERR(emu->fuse);
	platform_set_drvdata(pdev, emu);
	return scu_emu_register(emu, dev);
}

static void otp_scu_fw_remove(struct platform_device *pdev)
{
	scu_emu_unregister(platform_get_drvdata(pdev));
}

static const struct of_device_id otp_scu_fw_match[] = {
	{ .compatible = "otp-test,imx8qxp-scu-mu", .data = "fsl,imx8qxp-scu-ocotp" },
	{ .compatible = "otp-test,imx8qm-scu-mu", .data = "fsl,imx8qm-scu-ocotp" },
	{ }
};
MODULE_DEVICE_TABLE(of, otp_scu_fw_match);

static struct platform_driver otp_scu_fw_driver = {
	.probe = otp_scu_fw_probe,
	.otp_void_remove = otp_scu_fw_remove,
	.driver = {
		.name = "otp-scu-fw",
		.of_match_table = otp_scu_fw_match,
	},
};
module_platform_driver(otp_scu_fw_driver);

MODULE_DESCRIPTION("Emulated i.MX8QXP/8QM SCU firmware behind a mailbox (QEMU bench only)");
MODULE_LICENSE("GPL");
