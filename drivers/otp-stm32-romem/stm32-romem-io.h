/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Seams of the STM32 OTP provider: register access, the secure-monitor
 * call interface and the hardware-independent half of probe.  The
 * platform driver plugs in MMIO and the SMCCC conduit; the KUnit suite
 * plugs in an emulator.
 */
#ifndef OTP_STM32_ROMEM_IO_H
#define OTP_STM32_ROMEM_IO_H

#include <linux/arm-smccc.h>
#include <linux/types.h>

struct device;
struct nvmem_device;
struct otp_stm32_desc;

/* SiP service of the secure monitor that owns the BSEC (raw protocol) */
#define OTP_STM32_SIP_BSEC		0x82001003
#define OTP_STM32_SIP_READ_SHADOW	1
#define OTP_STM32_SIP_PROG_OTP		2
#define OTP_STM32_SIP_WRITE_SHADOW	3
#define OTP_STM32_SIP_READ_OTP		4

/*
 * Status codes, low 32 bits of a0.  TF-A
 * include/plat/st/stm32mp1/stm32mp1_smc.h (v2.2-v2.8) and OP-TEE
 * core/arch/arm/plat-stm32mp1/nsec-service/stm32mp1_smc.h (3.3-3.19) give
 * the same four values; what each means to a reader is
 * otp_stm32_sip_statuses[] in stm32-romem.c.
 */
#define OTP_STM32_SIP_OK		0x00000000U
#define OTP_STM32_SIP_NOT_SUPPORTED	0xffffffffU
#define OTP_STM32_SIP_FAILED		0xfffffffeU
#define OTP_STM32_SIP_INVALID_PARAM	0xfffffffdU

/**
 * struct otp_stm32_smc_res - raw registers returned by a secure call
 * @a0: status (only its low 32 bits are meaningful)
 * @a1: value returned by a successful read
 */
struct otp_stm32_smc_res {
	unsigned long a0;
	unsigned long a1;
};

/**
 * struct otp_stm32_secure_ops - way to reach the secure monitor
 * @invoke: issue function @fid with arguments @a1..@a3 and store the raw
 *	result registers in @res.  It gets its own ops pointer so that an
 *	implementation embedding the ops can find its context.  It never
 *	fails by itself: an unreachable monitor answers NOT_SUPPORTED.
 * @conduit: how the calls reach the monitor, for the log ("SMCCC 1.1
 *	smc", "SMCCC 1.0 smc (PSCI node)", "none")
 */
struct otp_stm32_secure_ops {
	void (*invoke)(const struct otp_stm32_secure_ops *ops,
		       unsigned long fid, unsigned long a1, unsigned long a2,
		       unsigned long a3, struct otp_stm32_smc_res *res);
	const char *conduit;
};

/**
 * enum otp_stm32_call - how a secure call is made
 * @OTP_STM32_CALL_NONE: no conduit: no instruction is issued
 * @OTP_STM32_CALL_SMC_1_1: SMC, SMCCC 1.1 (discovered by the kernel)
 * @OTP_STM32_CALL_HVC_1_1: HVC, SMCCC 1.1
 * @OTP_STM32_CALL_SMC_1_0: SMC, SMCCC 1.0: the firmware answers no
 *	SMCCC_VERSION; the conduit is the PSCI node's "method"
 * @OTP_STM32_CALL_HVC_1_0: HVC, SMCCC 1.0
 */
enum otp_stm32_call {
	OTP_STM32_CALL_NONE,
	OTP_STM32_CALL_SMC_1_1,
	OTP_STM32_CALL_HVC_1_1,
	OTP_STM32_CALL_SMC_1_0,
	OTP_STM32_CALL_HVC_1_0,
};

enum otp_stm32_call otp_stm32_call_for(enum arm_smccc_conduit discovered,
				       const char *psci_method);

/**
 * struct otp_stm32_io - way to the block's registers
 * @read: return the 32-bit register at byte offset @reg
 * @read_words: read the @count consecutive 32-bit registers from byte
 *	offset @reg and store each at @dst + 4 * i, least significant byte
 *	first (@dst needs no alignment).  An NVMEM read of the shadowed words
 *	is one call, as cheap as a loop of loads.
 * @release: called when the block is freed, which is when its NVMEM device
 *	is released, after its device may have been unbound (NULL: the
 *	accessors outlive the block)
 *
 * Each callback gets the io pointer back, so an implementation embeds the
 * struct in its own context.  Reads have no side effects and cannot fail;
 * the caller keeps every offset inside the window it registered.
 */
struct otp_stm32_io {
	u32 (*read)(const struct otp_stm32_io *io, unsigned int reg);
	void (*read_words)(const struct otp_stm32_io *io, unsigned int reg,
			   unsigned int count, void *dst);
	void (*release)(const struct otp_stm32_io *io);
};

struct nvmem_device *
otp_stm32_romem_register(struct device *dev, const struct otp_stm32_io *io,
			 u64 window,
			 const struct otp_stm32_secure_ops *sec,
			 const struct otp_stm32_desc *desc, bool use_ta);
const struct otp_stm32_desc *otp_stm32_romem_desc(const char *compatible);

struct seq_file;
/* The debugfs lock view; s->private is the device (debugfs' i_private). */
int otp_stm32_romem_locks_show(struct seq_file *s, void *unused);

#endif /* OTP_STM32_ROMEM_IO_H */
