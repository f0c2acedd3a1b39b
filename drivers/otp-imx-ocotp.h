/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the i.MX OCOTP NVMEM provider and whatever stands for
 * the controller's registers: MMIO in the platform driver, an emulator in
 * the KUnit suite.
 */
#ifndef OTP_IMX_OCOTP_H
#define OTP_IMX_OCOTP_H

#include <linux/types.h>

struct clk;
struct device;
struct nvmem_device;

/* What a read-locked word's shadow returns (and ERROR is raised). */
#define OTP_IMX_OCOTP_LOCKED	0xbadabada

/**
 * struct otp_imx_ocotp_io - the provider's only path to the controller
 * @read: return the 32-bit register at byte offset @reg
 * @write: write @val to the 32-bit register at byte offset @reg
 * @read_shadows: read @count shadow registers starting at byte offset
 *	@reg, one every 0x10 bytes, storing each at @dst + 4 * i, least
 *	significant byte first (@dst needs no alignment).  A register that
 *	reads OTP_IMX_OCOTP_LOCKED has raised ERROR, which blocks the next
 *	shadow read: the accessor clears it straight away by writing @error
 *	to CTRL_CLR.  A run of fuse words whose shadows are consecutive is
 *	one call, as cheap as a loop of loads.
 *
 * Each callback gets the io pointer back, so an implementation embeds the
 * struct in its own context.  Register accesses cannot fail; the caller
 * keeps every offset inside the block it described at registration.
 */
struct otp_imx_ocotp_io {
	u32 (*read)(const struct otp_imx_ocotp_io *io, unsigned int reg);
	void (*write)(const struct otp_imx_ocotp_io *io, unsigned int reg,
		      u32 val);
	void (*read_shadows)(const struct otp_imx_ocotp_io *io,
			     unsigned int reg, unsigned int count, void *dst,
			     u32 error);
};

struct nvmem_device *otp_imx_ocotp_register(struct device *dev,
					    const struct otp_imx_ocotp_io *io,
					    struct clk *clk,
					    const char *compatible,
					    bool read_only);

#endif /* OTP_IMX_OCOTP_H */
