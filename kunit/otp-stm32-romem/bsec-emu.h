/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Software model of the STM32MP15 BSEC block and of the secure monitor's
 * BSEC SiP service, plus the plain STM32F4 OTP area, for the KUnit suite
 * of the otp-stm32-romem provider.
 */
#ifndef BSEC_EMU_H
#define BSEC_EMU_H

#include <linux/spinlock.h>
#include <linux/types.h>

#include "stm32-romem-io.h"

#define BSEC_EMU_BLOCK_SIZE	0x400
#define BSEC_EMU_WORDS		96
#define BSEC_EMU_SHADOWED	32
#define BSEC_EMU_DATA_REG	0x200
#define BSEC_EMU_F4_MAX_SIZE	0x400

/* What the silicon returns on a non-secure read of a secure-only shadow */
#define BSEC_EMU_POISON		0xdeadbeef

/* Monitor status codes, written down independently of the driver */
#define BSEC_EMU_SMC_OK			0x0
#define BSEC_EMU_SMC_NOT_SUPPORTED	0xffffffff
#define BSEC_EMU_SMC_FAILED		0xfffffffe
#define BSEC_EMU_SMC_INVALID		0xfffffffd

/* TEE results OP-TEE answers a session with a TA it does not have */
#define BSEC_EMU_TEE_ITEM_NOT_FOUND	0xffff0008
#define BSEC_EMU_TEE_COMMUNICATION	0xffff000e

/**
 * enum bsec_emu_x1 - what the monitor leaves in x1/r1 for a word it does
 *	not serve (only the status in x0 says whether x1 holds a value)
 * @BSEC_EMU_X1_WORD: the word itself: the most hostile choice the ABI
 *	allows, so that a driver that ignores the status reads it
 * @BSEC_EMU_X1_COMMAND: the command it was given (OP-TEE's SiP service
 *	answers in the registers the arguments came in)
 * @BSEC_EMU_X1_ZERO: 0 (TF-A's SiP dispatcher starts its answer at 0)
 */
enum bsec_emu_x1 {
	BSEC_EMU_X1_WORD,
	BSEC_EMU_X1_COMMAND,
	BSEC_EMU_X1_ZERO,
};

/**
 * struct bsec_emu_firmware - one generation of an STM32MP15's secure
 *	firmware, as seen from the normal world
 * @name: for test descriptions
 * @sip: it has the BSEC SiP service
 * @smccc_1_1: it answers SMCCC_VERSION (SMCCC 1.1 and later)
 * @every_word_open: the SiP service serves every upper word; otherwise
 *	only those the board opens (st,non-secure-otp), @refusal for the
 *	others
 * @refusal: the status of a refused word
 * @x1: what x1 holds when a word is not served
 * @pta: OP-TEE serves the BSEC pseudo-TA
 * @optee: OP-TEE runs (a TEE device registers)
 * @unknown_ta: without @pta, what OP-TEE answers a session with the
 *	pseudo-TA's UUID (a TEE result)
 * @failing_word: non-zero: the SiP service answers FAILED for this word
 *	(a BSEC in error state)
 */
struct bsec_emu_firmware {
	const char *name;
	bool sip;
	bool smccc_1_1;
	bool every_word_open;
	u32 refusal;
	enum bsec_emu_x1 x1;
	bool pta;
	bool optee;
	u32 unknown_ta;
	unsigned int failing_word;
};

extern const struct bsec_emu_firmware bsec_emu_firmwares[];
extern const unsigned int bsec_emu_nr_firmwares;

/**
 * struct bsec_emu - emulated OTP block and secure monitor
 * @io: register accessors handed to the driver
 * @ops: secure-call seam handed to the driver (BSEC only)
 * @f4: model the STM32F4 memory-mapped area instead of a BSEC
 * @size: size of the register window in bytes
 * @regs: register window as seen from the normal world
 * @fuses: fuse word values as the secure world sees them (BSEC)
 * @refuse: per word, the non-zero status the monitor answers instead of
 *	serving the word
 * @monitor_absent: no secure monitor, every call is NOT_SUPPORTED
 * @x1: what x1 holds when a word is refused
 * @smc_delay_us: time every secure call takes (a monitor that answers
 *	slowly), busy-waited inside the monitor's lock
 * @lock: the monitor handles one call at a time, as TF-A serialises its
 *	BSEC accesses
 * @reg_reads: register reads through @io
 * @stray: reads outside the window or not on a register
 * @io_calls: calls of the register accessors (a bulk read is one)
 * @secret_reads: normal-world reads of secure-only shadow registers
 * @smc_calls: secure calls
 * @smc_mutations: secure calls that program or overwrite a word
 */
struct bsec_emu {
	struct otp_stm32_io io;
	struct otp_stm32_secure_ops ops;
	bool f4;
	unsigned int size;
	u32 regs[BSEC_EMU_BLOCK_SIZE / 4];
	u32 fuses[BSEC_EMU_WORDS];
	u32 refuse[BSEC_EMU_WORDS];
	bool monitor_absent;
	enum bsec_emu_x1 x1;
	unsigned int smc_delay_us;
	spinlock_t lock; /* one secure call at a time */
	unsigned int reg_reads;
	unsigned int stray;
	unsigned int io_calls;
	unsigned int secret_reads;
	unsigned int smc_calls;
	unsigned int smc_mutations;
};

void bsec_emu_init(struct bsec_emu *emu, const u32 *words);
void bsec_emu_init_f4(struct bsec_emu *emu, const u32 *words,
		      unsigned int nwords);
void bsec_emu_reset_counts(struct bsec_emu *emu);
void bsec_emu_load_firmware(struct bsec_emu *emu,
			    const struct bsec_emu_firmware *fw,
			    const unsigned long *open);
u32 bsec_emu_visible_word(const struct bsec_emu *emu, unsigned int word);
u8 bsec_emu_visible_byte(const struct bsec_emu *emu, unsigned int offset);
unsigned int bsec_emu_nvmem_size(const struct bsec_emu *emu);

#endif /* BSEC_EMU_H */
