/* SPDX-License-Identifier: GPL-2.0 */
/*
 * otp-stm32-romem, private to the module: the BSEC registers, the block
 * descriptions, one block instance, and the calls between the module's
 * files.  The files call downwards only: stm32-romem-main.c (bus glue,
 * the platform driver) -> stm32-romem.c (reads, registration) ->
 * stm32-romem-locks.c (what a SiP status means, the debugfs view) and
 * stm32-romem-smc.c (the ways to the SiP service) -> stm32-bsec-ta.c (the
 * OP-TEE pseudo-TA) -> otp-provider.c.
 */
#ifndef OTP_STM32_ROMEM_H
#define OTP_STM32_ROMEM_H

#include <linux/arm-smccc.h>
#include <linux/bitmap.h>
#include <linux/mod_devicetable.h>
#include <linux/types.h>

#include "otp-provider.h"
#include "stm32-romem-io.h"

struct dentry;
struct seq_file;

/* BSEC register block */
#define BSEC_BLOCK_SIZE		0x400
#define BSEC_OTP_STATUS		0x0c
#define BSEC_DISTURBED		0x1c
#define BSEC_ERROR		0x34
#define BSEC_WRLOCK		0x4c
#define BSEC_SPLOCK		0x64
#define BSEC_SWLOCK		0x7c
#define BSEC_SRLOCK		0x94
#define BSEC_OTP_DATA(word)	(0x200 + 4 * (word))

#define BSEC_WORDS		96
#define BSEC_SHADOWED_WORDS	32
#define BSEC_STATUS_REGS	(BSEC_WORDS / 32)
/* The most words any variant has (STM32MP25: OTP0..OTP367). */
#define OTP_STM32_MAX_WORDS	368

#define OTP_STM32_NVMEM_NAME	"stm32-romem"

/**
 * struct otp_stm32_desc - what differs between the supported blocks
 * @bsec: a BSEC block (lock bits, secure upper words)
 * @words: fuse words exposed (BSEC); the F4 area takes its size from reg
 * @lower: words the normal world reads from the BSEC shadow registers;
 *	the others come from the secure world
 * @ta_only: the secure world serves the words only through OP-TEE's BSEC
 *	pseudo-TA (no SiP service)
 *
 * Sources: STM32MP15 RM0436 and STM32MP13 RM0475 (96 words, 32 of them
 * lower), Linux 6.12 drivers/nvmem/stm32-romem.c (STM32MP13 and MP25 use
 * the pseudo-TA only; the MP25 exposes OTP0..OTP367).  On the MP13 and
 * MP25 the BSEC registers are secure, so @lower is 0 there.
 */
struct otp_stm32_desc {
	bool bsec;
	unsigned int words;
	unsigned int lower;
	bool ta_only;
};

/**
 * struct otp_stm32_romem - one OTP block
 * @prov: lifetime: freed with the NVMEM device (otp-provider.c)
 * @dev: device that owns the block
 * @io: register access (MMIO, or an emulator under test)
 * @sec: path to the secure monitor's SiP service, NULL for none
 * @ta: session with OP-TEE's BSEC pseudo-TA, NULL when not used
 * @desc: variant description
 * @size: bytes exposed through NVMEM
 * @id: instance number taken with otp_provider_id_get()
 * @monitor_absent: the SiP service did not answer at probe time
 * @reported: words whose refusal has been logged already
 * @refusal: last refusal code per word, 0 when the word was served
 * @summarised: bit 0: the first read of every secure word has been
 *	summarised in the log (otp_stm32_summarise())
 * @debugfs: per-device debugfs directory
 *
 * Nothing here needs a lock: register reads have no side effects, the
 * secure monitor serialises its own BSEC accesses, the pseudo-TA session
 * serialises its shared buffer, and the per-word refusal records are
 * single words and bits updated atomically.
 */
struct otp_stm32_romem {
	struct otp_provider prov;
	struct device *dev;
	const struct otp_stm32_io *io;
	const struct otp_stm32_secure_ops *sec;
	struct otp_stm32_ta *ta;
	const struct otp_stm32_desc *desc;
	unsigned int size;
	int id;
	bool monitor_absent;
	DECLARE_BITMAP(reported, OTP_STM32_MAX_WORDS);
	u32 refusal[OTP_STM32_MAX_WORDS];
	unsigned long summarised;
	struct dentry *debugfs;
};

/**
 * enum otp_stm32_verdict - what a SiP status means to a reader
 * @OTP_STM32_SERVED: a1 holds the word
 * @OTP_STM32_REFUSED: the word is not for the normal world: it reads 0
 * @OTP_STM32_FAILED: the secure world could not read it: the read fails
 */
enum otp_stm32_verdict {
	OTP_STM32_SERVED,
	OTP_STM32_REFUSED,
	OTP_STM32_FAILED,
};

/* stm32-romem-main.c: the block descriptions. */
extern const struct of_device_id otp_stm32_romem_of_match[];

/* stm32-romem-locks.c: what a SiP status means; the debugfs view. */
enum otp_stm32_verdict otp_stm32_sip_verdict(u32 status);
const char *otp_stm32_sip_name(u32 status);

/* stm32-romem-smc.c: the way to the SiP service on this board. */
const struct otp_stm32_secure_ops *otp_stm32_call_setup(void);

#endif /* OTP_STM32_ROMEM_H */
