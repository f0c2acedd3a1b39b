/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the i.MX OCOTP NVMEM provider and its platform glue
 * (and the KUnit harness, which replaces the MMIO regmap with an emulator).
 */
#ifndef OTP_IMX_OCOTP_H
#define OTP_IMX_OCOTP_H

#include <linux/types.h>

struct clk;
struct device;
struct nvmem_device;
struct regmap;

struct nvmem_device *otp_imx_ocotp_register(struct device *dev,
					    struct regmap *map,
					    struct clk *clk,
					    const char *compatible,
					    bool read_only);

#endif /* OTP_IMX_OCOTP_H */
