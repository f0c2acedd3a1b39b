/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An emulated OP-TEE: a TEE device registered with the kernel's TEE core
 * under the OP-TEE implementation id, serving the STM32MP BSEC
 * pseudo-TA over an OTP image.  Used by the KUnit suite of the
 * otp-stm32-romem provider and, as a guest module, by the QEMU bench.
 */
#ifndef OPTEE_EMU_H
#define OPTEE_EMU_H

#include <linux/bitmap.h>
#include <linux/mutex.h>
#include <linux/types.h>

struct device;
struct tee_device;

#define OPTEE_EMU_MAX_WORDS	384

/*
 * GlobalPlatform TEE result codes, as OP-TEE defines them
 * (lib/libutee/include/tee_api_defines.h).
 */
#define OPTEE_EMU_SUCCESS		0x00000000
#define OPTEE_EMU_ACCESS_DENIED		0xffff0001
#define OPTEE_EMU_BAD_PARAMETERS	0xffff0006
#define OPTEE_EMU_ITEM_NOT_FOUND	0xffff0008
#define OPTEE_EMU_NOT_SUPPORTED		0xffff000a
#define OPTEE_EMU_SHORT_BUFFER		0xffff0010

/* Lock flags the pseudo-TA reports (OP-TEE pta_stm32mp_bsec.h) */
#define OPTEE_EMU_LOCK_PERM		BIT(30)
#define OPTEE_EMU_LOCK_SHADOW_R		BIT(29)
#define OPTEE_EMU_LOCK_SHADOW_W		BIT(28)
#define OPTEE_EMU_LOCK_SHADOW_P		BIT(27)
#define OPTEE_EMU_LOCK_ERROR		BIT(26)

/**
 * struct optee_emu - the emulated OP-TEE and its BSEC pseudo-TA
 * @teedev: the TEE device registered with the TEE core
 * @words: OTP words the BSEC has
 * @lower: words the normal world may always read (below: the upper words
 *	need to be listed in @open, as OP-TEE's st,non-secure-otp does)
 * @otp: the OTP image
 * @locks: lock flags per word (OPTEE_EMU_LOCK_*)
 * @open: upper words OP-TEE opens to the normal world
 * @refuse_session: open_session answers ACCESS_DENIED
 * @no_bsec_pta: non-zero: OP-TEE has no BSEC pseudo-TA (before 3.20, or
 *	built without CFG_STM32_BSEC_PTA), and a session with its UUID gets
 *	this TEE result, as one with any unknown TA does (ITEM_NOT_FOUND, or
 *	COMMUNICATION while no tee-supplicant runs)
 * @invoke_result: non-zero: every invocation answers this TEE result
 * @invoke_errno: non-zero: every invocation fails in transport with it
 * @short_buffer: invocations answer SHORT_BUFFER
 * @lock: serialises the counters and the failure knobs
 * @sessions_opened: sessions opened
 * @sessions_closed: sessions closed
 * @invocations: invocations of the pseudo-TA
 * @words_served: words read by all invocations
 * @bad_calls: invocations with parameters the pseudo-TA rejects
 * @next_session: id of the next session
 */
struct optee_emu {
	struct tee_device *teedev;
	unsigned int words;
	unsigned int lower;
	u32 otp[OPTEE_EMU_MAX_WORDS];
	u32 locks[OPTEE_EMU_MAX_WORDS];
	DECLARE_BITMAP(open, OPTEE_EMU_MAX_WORDS);
	bool refuse_session;
	u32 no_bsec_pta;
	u32 invoke_result;
	int invoke_errno;
	bool short_buffer;
	struct mutex lock; /* counters and knobs */
	unsigned long sessions_opened;
	unsigned long sessions_closed;
	unsigned long invocations;
	unsigned long words_served;
	unsigned long bad_calls;
	u32 next_session;
};

int optee_emu_init(struct optee_emu *emu, unsigned int words,
		   unsigned int lower);
int optee_emu_register(struct optee_emu *emu, struct device *dev);
void optee_emu_unregister(struct optee_emu *emu);
u32 optee_emu_visible(const struct optee_emu *emu, unsigned int word);

#endif /* OPTEE_EMU_H */
