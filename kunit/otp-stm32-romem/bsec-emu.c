// SPDX-License-Identifier: GPL-2.0
/*
 * Software model of the STM32MP15 BSEC and its secure-monitor service.
 *
 * The normal world sees a 0x400-byte register window: status and lock
 * registers, and shadow registers for the fuse words.  Only the first 32
 * shadows are readable from there; the others are secure-only and read
 * back as a poison value (and are counted, so a test can insist that the
 * driver never tries).  The secure monitor serves every word unless told
 * to refuse it or to be absent altogether.
 */

#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "bsec-emu.h"
#include "otp-compat.h"

/* SiP service of the monitor, from the BSEC firmware interface */
#define EMU_SIP_BSEC		0x82001003UL
#define EMU_SIP_READ_SHADOW	1
#define EMU_SIP_PROG_OTP	2
#define EMU_SIP_WRITE_SHADOW	3
#define EMU_SIP_READ_OTP	4

#define EMU_REG_WRLOCK		0x4c
#define EMU_REG_SPLOCK		0x64
#define EMU_REG_SWLOCK		0x7c

static bool emu_word_bit(const struct bsec_emu *emu, unsigned int base,
			 unsigned int word)
{
	return emu->regs[(base + 4 * (word / 32)) / 4] & BIT(word % 32);
}

static bool emu_is_secret_shadow(const struct bsec_emu *emu, unsigned int reg)
{
	return !emu->f4 &&
	       reg >= BSEC_EMU_DATA_REG + 4 * BSEC_EMU_SHADOWED &&
	       reg < BSEC_EMU_DATA_REG + 4 * BSEC_EMU_WORDS;
}

static u32 emu_reg_read(struct bsec_emu *emu, unsigned int reg)
{
	emu->reg_reads++;
	if (reg % 4 || reg >= emu->size) {
		emu->stray++;
		return 0;
	}
	if (emu_is_secret_shadow(emu, reg)) {
		emu->secret_reads++;
		return BSEC_EMU_POISON;
	}
	return emu->regs[reg / 4];
}

static u32 emu_io_read(const struct otp_stm32_io *io, unsigned int reg)
{
	struct bsec_emu *emu = container_of(io, struct bsec_emu, io);

	emu->io_calls++;
	return emu_reg_read(emu, reg);
}

/* One register read per word, as on the bus. */
static void emu_io_read_words(const struct otp_stm32_io *io, unsigned int reg,
			      unsigned int count, void *dst)
{
	struct bsec_emu *emu = container_of(io, struct bsec_emu, io);
	unsigned int i;

	emu->io_calls++;
	for (i = 0; i < count; i++)
		put_unaligned_le32(emu_reg_read(emu, reg + 4 * i),
				   (u8 *)dst + 4 * i);
}

static void emu_store_shadow(struct bsec_emu *emu, unsigned int word, u32 val)
{
	emu->fuses[word] = val;
	if (word < BSEC_EMU_SHADOWED)
		emu->regs[(BSEC_EMU_DATA_REG + 4 * word) / 4] = val;
}

static void emu_smc_locked(struct bsec_emu *emu, unsigned long fid,
			   unsigned long a1, unsigned long a2, unsigned long a3,
			   struct otp_stm32_smc_res *res)
{
	unsigned int word = a2;

	emu->smc_calls++;
	res->a1 = emu->x1 == BSEC_EMU_X1_COMMAND ? a1 : 0;

	if (emu->monitor_absent || fid != EMU_SIP_BSEC) {
		/* the SMCCC convention: all-ones in the full register */
		res->a0 = ~0UL;
		return;
	}
	if (a2 >= BSEC_EMU_WORDS) {
		res->a0 = BSEC_EMU_SMC_INVALID;
		return;
	}
	if (emu->refuse[word]) {
		/* firmware may sign-extend the 32-bit status to 64 bits */
		res->a0 = (unsigned long)(long)(s32)emu->refuse[word];
		/*
		 * and leave anything in x1/r1: only the status says whether
		 * that register holds a value (TF-A's SiP ABI)
		 */
		if (emu->x1 == BSEC_EMU_X1_WORD)
			res->a1 = emu->fuses[word];
		return;
	}

	res->a0 = BSEC_EMU_SMC_OK;
	switch (a1) {
	case EMU_SIP_READ_SHADOW:
	case EMU_SIP_READ_OTP:
		res->a1 = emu->fuses[word];
		break;
	case EMU_SIP_WRITE_SHADOW:
		emu->smc_mutations++;
		if (emu_word_bit(emu, EMU_REG_SWLOCK, word))
			res->a0 = BSEC_EMU_SMC_FAILED;
		else
			emu_store_shadow(emu, word, a3);
		break;
	case EMU_SIP_PROG_OTP:
		emu->smc_mutations++;
		if (emu_word_bit(emu, EMU_REG_WRLOCK, word) ||
		    emu_word_bit(emu, EMU_REG_SPLOCK, word))
			res->a0 = BSEC_EMU_SMC_FAILED;
		else
			emu_store_shadow(emu, word, emu->fuses[word] | a3);
		break;
	default:
		res->a0 = BSEC_EMU_SMC_INVALID;
		break;
	}
}

static void emu_smc(const struct otp_stm32_secure_ops *ops,
		    unsigned long fid, unsigned long a1, unsigned long a2,
		    unsigned long a3, struct otp_stm32_smc_res *res)
{
	struct bsec_emu *emu = container_of(ops, struct bsec_emu, ops);
	unsigned long flags;

	spin_lock_irqsave(&emu->lock, flags);
	if (emu->smc_delay_us)
		udelay(emu->smc_delay_us);
	emu_smc_locked(emu, fid, a1, a2, a3, res);
	spin_unlock_irqrestore(&emu->lock, flags);
}

/**
 * bsec_emu_init() - power up an emulated BSEC
 * @emu: emulator to initialise
 * @words: the 96 fuse words
 *
 * The lower shadows are loaded, the secure-only shadow slots hold the
 * poison value, all lock and status bits are clear and the monitor serves
 * every word.
 */
void bsec_emu_init(struct bsec_emu *emu, const u32 *words)
{
	unsigned int i;

	memset(emu, 0, sizeof(*emu));
	spin_lock_init(&emu->lock);
	emu->io.read = emu_io_read;
	emu->io.read_words = emu_io_read_words;
	emu->ops.invoke = emu_smc;
	emu->ops.conduit = "emulated monitor";
	emu->size = BSEC_EMU_BLOCK_SIZE;
	for (i = 0; i < BSEC_EMU_WORDS; i++) {
		emu->fuses[i] = words[i];
		emu->regs[(BSEC_EMU_DATA_REG + 4 * i) / 4] =
			i < BSEC_EMU_SHADOWED ? words[i] : BSEC_EMU_POISON;
	}
}

/*
 * The generations of secure firmware an STM32MP15 board may carry, each
 * from its own sources (read in the projects' trees at the tags named):
 * - ST's TF-A SP_MIN, v2.0-stm32mp-r3 and later: bsec_svc.c bsec_main()
 *   refuses an upper word no st,non-secure-otp subnode opens with
 *   STM32_SMC_INVALID_PARAMS; stm32mp1_svc_setup.c answers SMC_RET2 with
 *   the value slot, which starts at 0.
 * - upstream TF-A SP_MIN, v2.1-v2.15: bsec_check_nsec_access_rights()
 *   exists but bsec_svc.c never calls it, so every word is served.
 * - upstream OP-TEE 3.9.0-3.19.0, the MP15's monitor:
 *   plat-stm32mp1/nsec-service/bsec_svc.c (added in 3.9.0) answers in the
 *   caller's saved registers: a refusal sets a0 = INVALID_PARAMS and
 *   leaves the command in a1; sm/sm.c answers SMCCC_VERSION from 3.9.0.
 * - ST's OP-TEE 3.3.0-stm32mp: a BSEC SiP service before upstream had
 *   one; it refuses a closed upper word with the raw BSEC_ERROR
 *   (0xffffffff), a1 untouched; upstream 3.4.0-3.8.0 plat-stm32mp1
 *   psci_features() says NOT_SUPPORTED for SMCCC_VERSION (SMCCC 1.0).
 * - OP-TEE 3.20.0+: pta/stm32mp/bsec_pta.c (first in 3.20.0, built with
 *   CFG_STM32_BSEC_PTA); with CFG_STM32_BSEC_SIP=n bsec_svc.h's stub
 *   answers every BSEC call with 0xffffffff, a1 untouched.  Without the
 *   pseudo-TA its UUID is an unknown TA: tee_ta_init_session() answers
 *   TEE_ERROR_ITEM_NOT_FOUND, or TEE_ERROR_COMMUNICATION when the kernel
 *   asks before tee-supplicant runs (Linux drivers/tee/optee/supp.c).
 * - A BSEC in error state: TF-A v2.6+ and OP-TEE answer
 *   STM32_SMC_FAILED (0xfffffffe) when the BSEC driver fails a read.
 */
const struct bsec_emu_firmware bsec_emu_firmwares[] = {
	{
		.name = "ST TF-A SP_MIN, open words listed",
		.sip = true, .smccc_1_1 = true,
		.refusal = BSEC_EMU_SMC_INVALID, .x1 = BSEC_EMU_X1_ZERO,
	}, {
		.name = "upstream TF-A SP_MIN, every word open",
		.sip = true, .smccc_1_1 = true, .every_word_open = true,
		.x1 = BSEC_EMU_X1_ZERO,
	}, {
		.name = "OP-TEE 3.9-3.19 SiP service",
		.sip = true, .smccc_1_1 = true,
		.refusal = BSEC_EMU_SMC_INVALID, .x1 = BSEC_EMU_X1_COMMAND,
		.optee = true, .unknown_ta = BSEC_EMU_TEE_ITEM_NOT_FOUND,
	}, {
		.name = "ST OP-TEE 3.3 SiP service, SMCCC 1.0",
		.sip = true,
		.refusal = BSEC_EMU_SMC_NOT_SUPPORTED, .x1 = BSEC_EMU_X1_COMMAND,
		.optee = true, .unknown_ta = BSEC_EMU_TEE_ITEM_NOT_FOUND,
	}, {
		.name = "OP-TEE 3.20+ BSEC pseudo-TA, SiP service compiled out",
		.smccc_1_1 = true, .x1 = BSEC_EMU_X1_COMMAND,
		.optee = true, .pta = true,
	}, {
		.name = "OP-TEE 3.20+ without the BSEC pseudo-TA",
		.sip = true, .smccc_1_1 = true,
		.refusal = BSEC_EMU_SMC_INVALID, .x1 = BSEC_EMU_X1_COMMAND,
		.optee = true, .unknown_ta = BSEC_EMU_TEE_ITEM_NOT_FOUND,
	}, {
		.name = "OP-TEE 3.20+ without the pseudo-TA, no tee-supplicant yet",
		.sip = true, .smccc_1_1 = true,
		.refusal = BSEC_EMU_SMC_INVALID, .x1 = BSEC_EMU_X1_COMMAND,
		.optee = true, .unknown_ta = BSEC_EMU_TEE_COMMUNICATION,
	}, {
		.name = "no secure world",
	}, {
		.name = "BSEC in error state under ST TF-A",
		.sip = true, .smccc_1_1 = true,
		.refusal = BSEC_EMU_SMC_INVALID, .x1 = BSEC_EMU_X1_ZERO,
		.failing_word = 60,
	},
};

const unsigned int bsec_emu_nr_firmwares = ARRAY_SIZE(bsec_emu_firmwares);

/**
 * bsec_emu_load_firmware() - run @fw as the secure world of @emu
 * @emu: an emulated BSEC, initialised
 * @fw: the firmware generation
 * @open: the upper words the board opens to the normal world (its
 *	st,non-secure-otp list), for firmware that honours such a list
 */
void bsec_emu_load_firmware(struct bsec_emu *emu,
			    const struct bsec_emu_firmware *fw,
			    const unsigned long *open)
{
	unsigned int w;

	emu->monitor_absent = !fw->sip;
	emu->x1 = fw->x1;
	for (w = BSEC_EMU_SHADOWED; w < BSEC_EMU_WORDS; w++)
		emu->refuse[w] = fw->every_word_open || test_bit(w, open) ?
				 0 : fw->refusal;
	if (fw->failing_word)
		emu->refuse[fw->failing_word] = BSEC_EMU_SMC_FAILED;
}

/**
 * bsec_emu_init_f4() - power up an emulated STM32F4 OTP area
 * @emu: emulator to initialise
 * @words: the fuse words, memory-mapped from offset 0
 * @nwords: number of words, at most BSEC_EMU_F4_MAX_SIZE / 4
 */
void bsec_emu_init_f4(struct bsec_emu *emu, const u32 *words,
		      unsigned int nwords)
{
	memset(emu, 0, sizeof(*emu));
	spin_lock_init(&emu->lock);
	nwords = min_t(unsigned int, nwords, BSEC_EMU_F4_MAX_SIZE / 4);
	emu->io.read = emu_io_read;
	emu->io.read_words = emu_io_read_words;
	emu->ops.invoke = emu_smc;
	emu->ops.conduit = "emulated monitor";
	emu->f4 = true;
	emu->monitor_absent = true;
	emu->size = nwords * 4;
	memcpy(emu->regs, words, nwords * sizeof(*words));
}

/**
 * bsec_emu_reset_counts() - zero the access counters
 * @emu: emulator
 */
void bsec_emu_reset_counts(struct bsec_emu *emu)
{
	emu->reg_reads = 0;
	emu->io_calls = 0;
	emu->secret_reads = 0;
	emu->smc_calls = 0;
	emu->smc_mutations = 0;
}

/**
 * bsec_emu_nvmem_size() - bytes a correct provider exposes for @emu
 * @emu: emulator
 *
 * Return: 384 for a BSEC, the window size for an F4 area.
 */
unsigned int bsec_emu_nvmem_size(const struct bsec_emu *emu)
{
	return emu->f4 ? emu->size : BSEC_EMU_WORDS * 4;
}

/**
 * bsec_emu_visible_word() - what a correct non-secure reader gets
 * @emu: emulator
 * @word: word index below bsec_emu_nvmem_size() / 4
 *
 * Lower BSEC words and F4 words come from the register window.  Upper BSEC
 * words are what the monitor serves, or 0 when it refuses them or is
 * absent.
 *
 * Return: the expected word value.
 */
u32 bsec_emu_visible_word(const struct bsec_emu *emu, unsigned int word)
{
	if (emu->f4)
		return emu->regs[word];
	if (word < BSEC_EMU_SHADOWED)
		return emu->regs[(BSEC_EMU_DATA_REG + 4 * word) / 4];
	if (emu->monitor_absent || emu->refuse[word])
		return 0;
	return emu->fuses[word];
}

/**
 * bsec_emu_visible_byte() - byte @offset of the expected NVMEM contents
 * @emu: emulator
 * @offset: byte offset; byte k of word n is at 4n + k, least significant
 *	byte first
 *
 * Return: the expected byte.
 */
u8 bsec_emu_visible_byte(const struct bsec_emu *emu, unsigned int offset)
{
	return bsec_emu_visible_word(emu, offset / 4) >> (8 * (offset % 4));
}
