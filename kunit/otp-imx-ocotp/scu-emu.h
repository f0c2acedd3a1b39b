/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An emulated i.MX8QXP/8QM System Controller firmware for the KUnit suite:
 * a mailbox controller that the kernel's own imx-scu driver talks to, the
 * firmware's fuse service behind it, and the secure monitor's OTP SiP
 * call.  Its facts come from its own table (scu-emu.c), not the driver's.
 */
#ifndef OTP_SCU_EMU_H
#define OTP_SCU_EMU_H

#include <linux/bitmap.h>
#include <linux/mailbox_controller.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#define SCU_EMU_MAX_WORDS	800

/* sc_err_t, TF-A plat/imx/common/include/sci/sci_types.h */
#define SCU_EMU_ERR_NONE	0
#define SCU_EMU_ERR_PARM	3
#define SCU_EMU_ERR_NOACCESS	4
#define SCU_EMU_ERR_LOCKED	5
#define SCU_EMU_ERR_NOTFOUND	7
#define SCU_EMU_ERR_FAIL	11

struct scu_emu_part;

/**
 * struct scu_emu - the firmware, its mailbox and its fuses
 * @mbox: the mailbox controller imx-scu requests tx0-3 and rx0-3 from
 * @chans: tx0..tx3, then rx0..rx3
 * @part: the part being played
 * @fuse: the fuse words: @own, or memory the user points it at
 * @own: fuse words of the emulator's own
 * @refused: words the firmware will not give to this partition
 * @failing: words whose read the firmware fails (SC_ERR_FAIL)
 * @sip_absent: the monitor has no OTP SiP service (answers NOT_SUPPORTED)
 * @sip_error: an sc_err_t the monitor returns for @sip_error_word
 * @sip_error_word: see @sip_error
 * @sip_ignored: the monitor answers OK without programming anything
 * @lock: protects the message being assembled and the counters
 * @msg: the request being assembled
 * @got: words of @msg received
 * @txdone: tx channels whose word waits for its tx-done
 * @reply: the last reply, which imx-scu copies from
 * @work: sends tx-done and the replies outside the mailbox core's lock
 * @reads: fuse-read RPCs answered
 * @hole_reads: fuse-read RPCs for a word of the gap without fuses
 * @beyond_reads: fuse-read RPCs for a word past the last
 * @other_rpcs: RPCs for any other service or function
 * @bad_order: words that arrived on the wrong tx channel
 * @sip_calls: OTP SiP calls
 */
struct scu_emu {
	struct mbox_controller mbox;
	struct mbox_chan chans[8];
	const struct scu_emu_part *part;
	u32 *fuse;
	u32 own[SCU_EMU_MAX_WORDS];
	DECLARE_BITMAP(refused, SCU_EMU_MAX_WORDS);
	DECLARE_BITMAP(failing, SCU_EMU_MAX_WORDS);
	bool sip_absent;
	u32 sip_error;
	unsigned int sip_error_word;
	bool sip_ignored;

	spinlock_t lock; /* the message, the counters */
	u32 msg[8];
	unsigned int got;
	unsigned long txdone;
	u32 reply[8];
	struct work_struct work;

	unsigned int reads;
	unsigned int hole_reads;
	unsigned int beyond_reads;
	unsigned int other_rpcs;
	unsigned int bad_order;
	unsigned int sip_calls;
};

int scu_emu_init(struct scu_emu *emu, const char *compatible);
unsigned int scu_emu_words(const struct scu_emu *emu);
bool scu_emu_hole(const struct scu_emu *emu, unsigned int word);
bool scu_emu_ecc(const struct scu_emu *emu, unsigned int word);
int scu_emu_register(struct scu_emu *emu, struct device *dev);
void scu_emu_unregister(struct scu_emu *emu);
unsigned long scu_emu_sip(struct scu_emu *emu, unsigned long fid,
			  unsigned long a1, unsigned long a2);

#endif /* OTP_SCU_EMU_H */
