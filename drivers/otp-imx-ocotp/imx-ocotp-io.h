/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interface between the i.MX OCOTP NVMEM provider and whatever stands for
 * the controller's registers: MMIO in the platform driver, an emulator in
 * the KUnit suite.
 */
#ifndef OTP_IMX_OCOTP_IO_H
#define OTP_IMX_OCOTP_IO_H

#include <linux/types.h>

struct clk;
struct device;
struct nvmem_device;
struct ocotp_soc;

/* What a read-locked word's shadow returns (and ERROR is raised). */
#define OTP_IMX_OCOTP_LOCKED	0xbadabada

/**
 * struct otp_imx_ocotp_ack - a write that acknowledges a register value
 * @on: the value read that asks for it
 * @reg: byte offset of the register to write
 * @val: what to write there
 */
struct otp_imx_ocotp_ack {
	u32 on;
	unsigned int reg;
	u32 val;
};

/**
 * struct otp_imx_ocotp_io - the provider's only path to the controller
 * @read: return the 32-bit register at byte offset @reg
 * @write: write @val to the 32-bit register at byte offset @reg
 * @read_shadows: read @count shadow registers from byte offset @reg, one
 *	every 0x10 bytes, storing each at @dst + 4 * i, least significant
 *	byte first (@dst needs no alignment); after each one that reads
 *	@ack->on, write @ack->val to the register at @ack->reg before the
 *	next read.  A run of words is one call, as cheap as a loop of loads;
 *	what the values mean is the caller's business.
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
			     const struct otp_imx_ocotp_ack *ack);
};

struct nvmem_device *otp_imx_ocotp_register(struct device *dev,
					    const struct otp_imx_ocotp_io *io,
					    struct clk *clk,
					    const struct ocotp_soc *soc,
					    bool read_only);
const struct ocotp_soc *otp_imx_ocotp_soc(const char *compatible);

struct seq_file;
/* The debugfs lock view; s->private is the controller (debugfs' i_private). */
int otp_imx_ocotp_locks_show(struct seq_file *s, void *unused);

#endif /* OTP_IMX_OCOTP_IO_H */
