// SPDX-License-Identifier: GPL-2.0
/*
 * otp-stm32-romem: what the secure world's answers mean, and the debugfs
 * view of every word's source and lock state.
 */
#include <linux/arm-smccc.h>
#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "otp-compat.h"
#include "otp-provider.h"
#include "stm32-romem-io.h"
#include "stm32-bsec-ta.h"

#include "stm32-romem.h"

/*
 * The SiP statuses and what each means.  Sources: TF-A v2.6+
 * plat/st/stm32mp1/services/bsec_svc.c bsec_main() and ST's TF-A
 * v2.0-stm32mp-r3+ (INVALID_PARAMS for a word the access rights keep
 * secure, FAILED for a BSEC driver or hardware error), OP-TEE 3.9+
 * core/arch/arm/plat-stm32mp1/nsec-service/bsec_svc.c (the same), ST's
 * OP-TEE 3.3.0-stm32mp (the raw BSEC_ERROR, 0xffffffff, for a closed
 * word), and SMCCC's "unknown function" (0xffffffff) for no service at
 * all.  Refused words read 0; a failure, or a status none of them defines,
 * may not reach a consumer as a value.
 */
static const struct {
	u32 status;
	enum otp_stm32_verdict verdict;
	const char *name;
} otp_stm32_sip_statuses[] = {
	{ OTP_STM32_SIP_OK, OTP_STM32_SERVED, "ok" },
	{ OTP_STM32_SIP_INVALID_PARAM, OTP_STM32_REFUSED, "invalid parameter" },
	{ OTP_STM32_SIP_NOT_SUPPORTED, OTP_STM32_REFUSED, "not supported" },
	{ OTP_STM32_SIP_FAILED, OTP_STM32_FAILED, "failed" },
};

/* Index of @status in otp_stm32_sip_statuses[], its size when not listed. */
static unsigned int otp_stm32_sip_lookup(u32 status)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(otp_stm32_sip_statuses); i++)
		if (otp_stm32_sip_statuses[i].status == status)
			break;
	return i;
}

/* A status otp_stm32_sip_statuses[] does not list fails the read. */
enum otp_stm32_verdict otp_stm32_sip_verdict(u32 status)
{
	unsigned int i = otp_stm32_sip_lookup(status);

	return i < ARRAY_SIZE(otp_stm32_sip_statuses) ?
	       otp_stm32_sip_statuses[i].verdict : OTP_STM32_FAILED;
}

const char *otp_stm32_sip_name(u32 status)
{
	unsigned int i = otp_stm32_sip_lookup(status);

	return i < ARRAY_SIZE(otp_stm32_sip_statuses) ?
	       otp_stm32_sip_statuses[i].name : "undefined status";
}

/* Lock and status registers shown in debugfs, in display order */
static const struct {
	const char *name;
	unsigned int base;
} otp_stm32_status_regs[] = {
	{ "srlock", BSEC_SRLOCK },
	{ "swlock", BSEC_SWLOCK },
	{ "splock", BSEC_SPLOCK },
	{ "wrlock", BSEC_WRLOCK },
	{ "error", BSEC_ERROR },
	{ "disturbed", BSEC_DISTURBED },
};

static const char *otp_stm32_word_source(struct otp_stm32_romem *romem,
					 unsigned int word)
{
	u32 status = READ_ONCE(romem->refusal[word]);

	if (word < romem->desc->lower)
		return "shadow";
	if (romem->monitor_absent)
		return "secure-absent";
	if (!status)
		return "secure";
	if (otp_stm32_sip_verdict(status) == OTP_STM32_FAILED)
		return "secure-failed";
	return "secure-refused";
}

static const struct {
	const char *name;
	u32 flag;
} otp_stm32_ta_flags[] = {
	{ "perm", OTP_STM32_TA_LOCK_PERM },
	{ "shadow_r", OTP_STM32_TA_LOCK_SHADOW_R },
	{ "shadow_w", OTP_STM32_TA_LOCK_SHADOW_W },
	{ "shadow_p", OTP_STM32_TA_LOCK_SHADOW_P },
	{ "error", OTP_STM32_TA_LOCK_ERROR },
};

/**
 * otp_stm32_ta_locks_print() - per-word lock state as OP-TEE reports it
 * @s: seq_file to print to
 * @romem: the BSEC block, served by the pseudo-TA
 *
 * One LOCKS invocation for every word.  A word OP-TEE keeps to the
 * secure world has the error flag and reads 0: "pta-refused".
 */
static void otp_stm32_ta_locks_print(struct seq_file *s,
				     struct otp_stm32_romem *romem)
{
	unsigned int word, words = romem->desc->words, f;
	const char *src;
	u32 *locks;
	int ret;

	seq_printf(s, "# secure service optee-pta, %lu invocations so far\n",
		   otp_stm32_ta_invocations(romem->ta));
	locks = kcalloc(words, sizeof(*locks), GFP_KERNEL);
	if (!locks)
		return;
	ret = otp_stm32_ta_read(romem->ta, 0, words, OTP_STM32_TA_LOCKS, locks);
	if (ret) {
		seq_printf(s, "# OP-TEE did not report the locks (%d)\n", ret);
		kfree(locks);
		return;
	}
	seq_puts(s, "# word: source");
	for (f = 0; f < ARRAY_SIZE(otp_stm32_ta_flags); f++)
		seq_printf(s, " %s", otp_stm32_ta_flags[f].name);
	seq_putc(s, '\n');
	for (word = 0; word < words; word++) {
		if (word < romem->desc->lower)
			src = "shadow";
		else if (locks[word] & OTP_STM32_TA_LOCK_ERROR)
			src = "pta-refused";
		else
			src = "pta";
		seq_printf(s, "word %2u: %-14s", word, src);
		for (f = 0; f < ARRAY_SIZE(otp_stm32_ta_flags); f++)
			seq_printf(s, " %s=%u", otp_stm32_ta_flags[f].name,
				   !!(locks[word] & otp_stm32_ta_flags[f].flag));
		seq_putc(s, '\n');
	}
	kfree(locks);
}

/**
 * otp_stm32_locks_print() - per-word lock and status bits
 * @s: seq_file to print to
 * @romem: the BSEC block
 *
 * One line per word: where its value comes from and its sticky lock,
 * permanent lock, error and disturbed bits, so that a word reading zero can
 * be explained.
 */
static void otp_stm32_locks_print(struct seq_file *s,
				  struct otp_stm32_romem *romem)
{
	u32 bits[ARRAY_SIZE(otp_stm32_status_regs)][BSEC_STATUS_REGS];
	const struct otp_stm32_io *io = romem->io;
	unsigned int word, r, i;
	u32 status;

	status = io->read(io, BSEC_OTP_STATUS);
	for (r = 0; r < ARRAY_SIZE(otp_stm32_status_regs); r++)
		for (i = 0; i < BSEC_STATUS_REGS; i++)
			bits[r][i] = io->read(io, otp_stm32_status_regs[r].base +
					      4 * i);

	seq_printf(s, "# OTP_STATUS 0x%08x, secure service %s\n", status,
		   romem->monitor_absent ? "absent" : "present");
	seq_puts(s, "# word: source");
	for (r = 0; r < ARRAY_SIZE(otp_stm32_status_regs); r++)
		seq_printf(s, " %s", otp_stm32_status_regs[r].name);
	seq_putc(s, '\n');

	for (word = 0; word < BSEC_WORDS; word++) {
		seq_printf(s, "word %2u: %-14s", word,
			   otp_stm32_word_source(romem, word));
		for (r = 0; r < ARRAY_SIZE(otp_stm32_status_regs); r++)
			seq_printf(s, " %s=%u", otp_stm32_status_regs[r].name,
				   !!(bits[r][word / 32] & BIT(word % 32)));
		seq_putc(s, '\n');
	}
}

/**
 * otp_stm32_romem_locks_show() - the debugfs lock view, one line per word
 * @s: where to print; s->private is the device (debugfs' i_private)
 * @unused: unused
 *
 * Return: 0.
 */
int otp_stm32_romem_locks_show(struct seq_file *s, void *unused)
{
	if (((struct otp_stm32_romem *)s->private)->ta)
		otp_stm32_ta_locks_print(s, s->private);
	else
		otp_stm32_locks_print(s, s->private);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(otp_stm32_romem_locks_show);
