// SPDX-License-Identifier: GPL-2.0
/*
 * Emulated i.MX8QXP/8QM System Controller firmware (see scu-emu.h).
 *
 * The mailbox is the kernel's "non-fast" SCU layout: four tx channels and
 * four rx channels, message word i on channel i % 4 (Linux 6.1/6.12
 * drivers/firmware/imx/imx-scu.c; the MU's TR0-3/RR0-3).  A message is
 * complete when as many words arrived as its header's size; the reply goes
 * back the same way, word i on rx channel i % 4.  The mailbox core calls
 * send_data() under the channel's lock, so tx-done and the reply are sent
 * from a work item.
 */

#include <linux/arm-smccc.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/mailbox_controller.h>
#include <linux/of.h>
#include <linux/string.h>

#include "scu-emu.h"

/*
 * An RPC message, as the firmware's headers lay it out (U-Boot
 * include/firmware/imx/sci/rpc.h struct sc_rpc_msg_s: version, size in
 * words, service, function; then data words).  A reply carries the
 * firmware's error code in the function byte.
 */
struct scu_emu_hdr {
	u8 version;
	u8 size;
	u8 svc;
	u8 func;
};

/* U-Boot include/firmware/imx/sci/rpc.h */
#define EMU_SVC_MISC			7
#define EMU_MISC_OTP_FUSE_READ		11
/* TF-A plat/imx/common/include/imx_sip_svc.h */
#define EMU_SIP_OTP_WRITE		0xc200000bUL

/**
 * struct scu_emu_part - one part's fuse layout, as U-Boot programs it
 * @compatible: the Linux compatible the suite names the part by
 * @last_word: the last fuse word
 * @gap_first: first word of the gap that has no fuses (0 with @gap_last 0:
 *	none)
 * @gap_last: its last word
 * @ecc: two runs of ECC-protected words, each {first, last}
 */
struct scu_emu_part {
	const char *compatible;
	unsigned int last_word;
	unsigned int gap_first, gap_last;
	unsigned int ecc[2][2];
};

/*
 * U-Boot drivers/misc/imx8/fuse.c: FSL_QXP_FUSE_GAP_START/END, and
 * FSL_ECC_WORD_START/END_1 and _2 per SoC.  U-Boot gives no word count;
 * the last word is the i.MX8QXP's last ECC word (0x31F) there, and Linux
 * 6.12 imx-ocotp-scu.c's nregs (800) for both parts.
 */
static const struct scu_emu_part scu_emu_parts[] = {
	{
		.compatible = "fsl,imx8qxp-scu-ocotp",
		.last_word = 0x31f,
		.gap_first = 0x110, .gap_last = 0x21f,
		.ecc = { { 0x10, 0x10f }, { 0x220, 0x31f } },
	},
	{
		.compatible = "fsl,imx8qm-scu-ocotp",
		.last_word = 799,
		.ecc = { { 0x10, 0x10f }, { 0x1a0, 0x1ff } },
	},
};

unsigned int scu_emu_words(const struct scu_emu *emu)
{
	return emu->part->last_word + 1;
}

bool scu_emu_hole(const struct scu_emu *emu, unsigned int word)
{
	const struct scu_emu_part *p = emu->part;

	return p->gap_last && word >= p->gap_first && word <= p->gap_last;
}

bool scu_emu_ecc(const struct scu_emu *emu, unsigned int word)
{
	const struct scu_emu_part *p = emu->part;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(p->ecc); i++)
		if (word >= p->ecc[i][0] && word <= p->ecc[i][1])
			return true;
	return false;
}

/**
 * scu_emu_init() - a fresh firmware for a part, fuses blank
 * @emu: the emulator
 * @compatible: the part
 *
 * Return: 0, or -EINVAL for a part it does not know.
 */
int scu_emu_init(struct scu_emu *emu, const char *compatible)
{
	unsigned int i;

	memset(emu, 0, sizeof(*emu));
	for (i = 0; i < ARRAY_SIZE(scu_emu_parts); i++)
		if (!strcmp(scu_emu_parts[i].compatible, compatible))
			emu->part = &scu_emu_parts[i];
	if (!emu->part)
		return -EINVAL;
	emu->fuse = emu->own;
	spin_lock_init(&emu->lock);
	return 0;
}

/* The firmware's answer to a complete request; returns the reply's size. */
static unsigned int scu_emu_serve(struct scu_emu *emu)
{
	struct scu_emu_hdr req, rep;
	u32 word;

	memcpy(&req, &emu->msg[0], sizeof(req));
	rep = req;
	rep.size = 1;
	if (req.svc != EMU_SVC_MISC || req.func != EMU_MISC_OTP_FUSE_READ ||
	    req.size != 2) {
		emu->other_rpcs++;
		rep.func = SCU_EMU_ERR_NOTFOUND;
		goto out;
	}
	word = emu->msg[1];
	if (word > emu->part->last_word || scu_emu_hole(emu, word)) {
		if (word > emu->part->last_word)
			emu->beyond_reads++;
		else
			emu->hole_reads++;
		rep.func = SCU_EMU_ERR_PARM;
		goto out;
	}
	if (test_bit(word, emu->refused)) {
		rep.func = SCU_EMU_ERR_NOACCESS;
		goto out;
	}
	if (test_bit(word, emu->failing)) {
		rep.func = SCU_EMU_ERR_FAIL;
		goto out;
	}
	emu->reads++;
	rep.func = SCU_EMU_ERR_NONE;
	rep.size = 2;
	emu->reply[1] = emu->fuse[word];
out:
	memcpy(&emu->reply[0], &rep, sizeof(rep));
	return rep.size;
}

static void scu_emu_work(struct work_struct *work)
{
	struct scu_emu *emu = container_of(work, struct scu_emu, work);
	unsigned long done, flags;
	unsigned int i, n = 0;
	struct scu_emu_hdr hdr;

	spin_lock_irqsave(&emu->lock, flags);
	done = emu->txdone;
	emu->txdone = 0;
	memcpy(&hdr, &emu->msg[0], sizeof(hdr));
	if (emu->got && emu->got == hdr.size) {
		n = scu_emu_serve(emu);
		emu->got = 0;
	}
	spin_unlock_irqrestore(&emu->lock, flags);

	for (i = 0; i < 4; i++)
		if (done & BIT(i))
			mbox_chan_txdone(&emu->chans[i], 0);
	for (i = 0; i < n; i++)
		mbox_chan_received_data(&emu->chans[4 + i % 4],
					&emu->reply[i]);
}

static int scu_emu_send(struct mbox_chan *chan, void *data)
{
	struct scu_emu *emu = chan->con_priv;
	unsigned int idx = chan - emu->chans;
	unsigned long flags;

	spin_lock_irqsave(&emu->lock, flags);
	if (idx != emu->got % 4 || emu->got >= ARRAY_SIZE(emu->msg)) {
		emu->bad_order++;
		emu->got = 0;
	} else {
		emu->msg[emu->got++] = *(u32 *)data;
	}
	emu->txdone |= BIT(idx);
	spin_unlock_irqrestore(&emu->lock, flags);
	schedule_work(&emu->work);
	return 0;
}

static const struct mbox_chan_ops scu_emu_ops = {
	.send_data = scu_emu_send,
};

/* mboxes = <&mu TYPE INDEX>: type 0 tx, 1 rx (Linux fsl,mu.yaml) */
static struct mbox_chan *scu_emu_xlate(struct mbox_controller *mbox,
				       const struct of_phandle_args *sp)
{
	if (sp->args_count != 2 || sp->args[0] > 1 || sp->args[1] > 3)
		return ERR_PTR(-EINVAL);
	return &mbox->chans[sp->args[0] * 4 + sp->args[1]];
}

/**
 * scu_emu_register() - offer the mailbox on @dev's node
 * @emu: the emulator
 * @dev: a device bound to the node imx-scu's mboxes point at
 *
 * Return: 0 or an errno of mbox_controller_register().
 */
int scu_emu_register(struct scu_emu *emu, struct device *dev)
{
	unsigned int i;

	INIT_WORK(&emu->work, scu_emu_work);
	for (i = 0; i < ARRAY_SIZE(emu->chans); i++)
		emu->chans[i].con_priv = emu;
	emu->mbox.dev = dev;
	emu->mbox.ops = &scu_emu_ops;
	emu->mbox.chans = emu->chans;
	emu->mbox.num_chans = ARRAY_SIZE(emu->chans);
	emu->mbox.txdone_irq = true;
	emu->mbox.of_xlate = scu_emu_xlate;
	return mbox_controller_register(&emu->mbox);
}

void scu_emu_unregister(struct scu_emu *emu)
{
	mbox_controller_unregister(&emu->mbox);
	cancel_work_sync(&emu->work);
}

/*
 * The secure monitor's OTP write (TF-A imx_sip_handler.c imx_otp_handler()
 * forwards it to the firmware's MISC OTP_FUSE_WRITE and returns its error
 * code).  The fuses take the value's 1 bits; an ECC-protected word takes
 * one value, once (U-Boot fuse.c: "can only be programmed once per word").
 */
unsigned long scu_emu_sip(struct scu_emu *emu, unsigned long fid,
			  unsigned long a1, unsigned long a2)
{
	unsigned long flags;
	unsigned long ret = SCU_EMU_ERR_NONE;

	if (emu->sip_absent || fid != EMU_SIP_OTP_WRITE)
		return SMCCC_RET_NOT_SUPPORTED;
	spin_lock_irqsave(&emu->lock, flags);
	emu->sip_calls++;
	if (a1 > emu->part->last_word || scu_emu_hole(emu, a1))
		ret = SCU_EMU_ERR_PARM;
	else if (emu->sip_error && a1 == emu->sip_error_word)
		ret = emu->sip_error;
	else if (scu_emu_ecc(emu, a1) && emu->fuse[a1])
		ret = SCU_EMU_ERR_LOCKED;
	else if (emu->sip_ignored)
		ret = SCU_EMU_ERR_NONE;
	else
		emu->fuse[a1] |= (u32)a2;
	spin_unlock_irqrestore(&emu->lock, flags);
	return ret;
}
