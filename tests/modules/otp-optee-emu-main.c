// SPDX-License-Identifier: GPL-2.0
/*
 * Guest module of the QEMU bench: the emulated OP-TEE of the KUnit suite
 * (kunit/otp-stm32-romem/optee-emu.c), bound to the linaro,optee-tz node of the test DT as
 * the real OP-TEE driver would be.  Its BSEC OTP image and the upper words
 * it opens to the normal world (OP-TEE's st,non-secure-otp) come from a
 * separate test node, "otp-test,optee-bsec-image", so that the OP-TEE node
 * itself looks like a board's.  bsec_pta=0 makes it an OP-TEE without
 * the pseudo-TA (before 3.20, or built without CFG_STM32_BSEC_PTA).
 */

#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "otp-compat.h"
#include "optee-emu.h"

static bool bsec_pta = true;
module_param(bsec_pta, bool, 0444);
MODULE_PARM_DESC(bsec_pta, "serve the BSEC pseudo-TA (0: OP-TEE before 3.20)");

static int otp_optee_emu_probe(struct platform_device *pdev)
{
	struct device *parent = &pdev->dev;
	struct device_node *img;
	struct optee_emu *emu;
	u32 words, lower, open[64];
	int n, i, ret;

	img = of_find_compatible_node(NULL, NULL, "otp-test,optee-bsec-image");
	if (!img)
		return dev_err_probe(parent, -ENODEV, "no otp-test,optee-bsec-image node\n");
	emu = devm_kzalloc(parent, sizeof(*emu), GFP_KERNEL);
	ret = emu ? 0 : -ENOMEM;
	if (!ret)
		ret = of_property_read_u32(img, "otp-words", &words);
	if (!ret)
		ret = of_property_read_u32(img, "otp-lower", &lower);
	if (!ret)
		ret = optee_emu_init(emu, words, lower);
	n = of_property_count_u32_elems(img, "otp-image");
	if (!ret && (n < 0 || n > words))
		ret = -EINVAL;
	if (!ret)
		ret = of_property_read_u32_array(img, "otp-image", emu->otp, n);
	i = of_property_count_u32_elems(img, "non-secure-otp");
	if (!ret && i > 0 && i <= ARRAY_SIZE(open) &&
	    !of_property_read_u32_array(img, "non-secure-otp", open, i))
		while (i--)
			if (open[i] < words)
				set_bit(open[i], emu->open);
	of_node_put(img);
	if (ret)
		return dev_err_probe(parent, ret, "bad otp-test,optee-bsec-image node\n");

	emu->no_bsec_pta = bsec_pta ? 0 : OPTEE_EMU_ITEM_NOT_FOUND;
	ret = optee_emu_register(emu, parent);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, emu);
	dev_info(parent, "emulated OP-TEE %s the BSEC pseudo-TA: %u OTP words\n",
		 bsec_pta ? "with" : "without", words);
	return 0;
}

static void otp_optee_emu_remove(struct platform_device *pdev)
{
	struct optee_emu *emu = platform_get_drvdata(pdev);

	optee_emu_unregister(emu);
	dev_info(&pdev->dev, "emulated OP-TEE gone: %lu sessions, %lu invocations\n",
		 emu->sessions_opened, emu->invocations);
}

static const struct of_device_id otp_optee_emu_match[] = {
	{ .compatible = "linaro,optee-tz" },
	{ }
};
MODULE_DEVICE_TABLE(of, otp_optee_emu_match);

static struct platform_driver otp_optee_emu_driver = {
	.probe = otp_optee_emu_probe,
	.otp_void_remove = otp_optee_emu_remove,
	.driver = {
		.name = "otp-optee-emu",
		.of_match_table = otp_optee_emu_match,
	},
};
module_platform_driver(otp_optee_emu_driver);

MODULE_DESCRIPTION("Emulated OP-TEE with the STM32MP BSEC pseudo-TA (QEMU bench only)");
MODULE_LICENSE("GPL");
