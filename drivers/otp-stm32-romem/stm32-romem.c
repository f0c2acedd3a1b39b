// SPDX-License-Identifier: GPL-2.0
/*
 * Read-only NVMEM provider for the STM32MP13/MP15/MP25 BSEC fuse blocks
 * and for the STM32F4 memory-mapped OTP area.
 *
 * The STM32MP15 BSEC exposes 96 fuse words (384 bytes).  Words 0..31 are
 * mirrored in shadow registers that the normal world may read; words
 * 32..95 are owned by the secure world.  The secure world hands them out
 * through one of two services: the SiP SMC service of TF-A (the raw BSEC
 * protocol, one call per word), or the BSEC pseudo-TA of OP-TEE
 * (stm32-bsec-ta.c, one invocation per read).  On the STM32MP13 and MP25
 * the BSEC is not readable from the normal world at all, so every word
 * goes through the pseudo-TA.  A word the secure world will not give us
 * reads as zero, so a full dump never fails on a refusal; a secure world
 * that fails outright fails the read.  Nothing in here can program or
 * overwrite a fuse: the NVMEM device has no write callback at all.
 *
 * Boards carry many generations of secure firmware.  On the MP15 the
 * lower words never depend on it, so a missing service costs only the
 * upper words: the pseudo-TA when OP-TEE has one, else the SiP service
 * (also on firmware older than SMCCC 1.1), else none, and one log line
 * says which (otp_stm32_secure_setup()).
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

static const struct otp_stm32_desc otp_stm32_mp15_bsec = {
	.bsec = true, .words = BSEC_WORDS, .lower = BSEC_SHADOWED_WORDS,
};

static const struct otp_stm32_desc otp_stm32_f4_otp = { };

static const struct otp_stm32_desc otp_stm32_mp13_bsec = {
	.bsec = true, .words = BSEC_WORDS, .ta_only = true,
};

static const struct otp_stm32_desc otp_stm32_mp25_bsec = {
	.bsec = true, .words = OTP_STM32_MAX_WORDS, .ta_only = true,
};

static const struct of_device_id otp_stm32_romem_of_match[] = {
	{ .compatible = "st,stm32mp15-bsec", .data = &otp_stm32_mp15_bsec },
	{ .compatible = "st,stm32f4-otp", .data = &otp_stm32_f4_otp },
	{ .compatible = "st,stm32mp13-bsec", .data = &otp_stm32_mp13_bsec },
	{ .compatible = "st,stm32mp25-bsec", .data = &otp_stm32_mp25_bsec },
	{ }
};
MODULE_DEVICE_TABLE(of, otp_stm32_romem_of_match);

/**
 * otp_stm32_romem_desc() - the block description bound to a compatible
 * @compatible: one of the driver's match table
 *
 * What the platform driver gets as match data, for a caller that binds
 * the provider to other registers (the KUnit suites).
 *
 * Return: the description, NULL for an unknown compatible.
 */
const struct otp_stm32_desc *otp_stm32_romem_desc(const char *compatible)
{
	return otp_match_data(otp_stm32_romem_of_match, compatible);
}
EXPORT_SYMBOL_IF_KUNIT(otp_stm32_romem_desc);

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
static enum otp_stm32_verdict otp_stm32_sip_verdict(u32 status)
{
	unsigned int i = otp_stm32_sip_lookup(status);

	return i < ARRAY_SIZE(otp_stm32_sip_statuses) ?
	       otp_stm32_sip_statuses[i].verdict : OTP_STM32_FAILED;
}

static const char *otp_stm32_sip_name(u32 status)
{
	unsigned int i = otp_stm32_sip_lookup(status);

	return i < ARRAY_SIZE(otp_stm32_sip_statuses) ?
	       otp_stm32_sip_statuses[i].name : "undefined status";
}

/*
 * A word not served: logged once per word, remembered for debugfs.  A
 * refusal met by a read that otp_stm32_summarise() sums up (@quiet) is
 * left to that line.
 * Return: 0 when it reads as 0, -EIO when the read must fail.
 */
static int __cold otp_stm32_sip_not_served(struct otp_stm32_romem *romem,
					   unsigned int word, u32 status,
					   bool quiet)
{
	WRITE_ONCE(romem->refusal[word], status);
	if (otp_stm32_sip_verdict(status) == OTP_STM32_FAILED) {
		if (!test_and_set_bit(word, romem->reported))
			dev_err(romem->dev,
				"OTP word %u: secure service %s (0x%08x), reads fail with EIO; the secure firmware's log says why\n",
				word, otp_stm32_sip_name(status), status);
		return -EIO;
	}
	if (!quiet && !test_and_set_bit(word, romem->reported))
		dev_warn(romem->dev,
			 "OTP word %u refused by secure service (%s, 0x%08x), reads as 0\n",
			 word, otp_stm32_sip_name(status), status);
	return 0;
}

/**
 * otp_stm32_sip_read() - fetch one word from the secure monitor
 * @romem: the OTP block
 * @word: fuse word index
 * @quiet: a refusal is left to the summary of this read
 *
 * A refusal is not an error for the caller: the word is reported once in
 * the log, remembered for debugfs and read as zero.  Without a monitor no
 * call is made at all.  The word and the error share the return value, so
 * that a word costs the read path no more than a value in a register.
 * Context: process context.
 * Return: the word (0 when the monitor is absent or refuses it), or -EIO
 * when the secure world failed to read it.
 */
static inline s64 otp_stm32_sip_read(struct otp_stm32_romem *romem,
				     unsigned int word, bool quiet)
{
	struct otp_stm32_smc_res res;
	u32 status;

	if (romem->monitor_absent)
		return 0;

	romem->sec->invoke(romem->sec, OTP_STM32_SIP_BSEC,
			  OTP_STM32_SIP_READ_SHADOW, word, 0, &res);
	status = lower_32_bits(res.a0);
	if (unlikely(status != OTP_STM32_SIP_OK))
		return otp_stm32_sip_not_served(romem, word, status, quiet);
	/* Served again after a refusal (debugfs shows the current state). */
	if (unlikely(READ_ONCE(romem->refusal[word])))
		WRITE_ONCE(romem->refusal[word], 0);
	return lower_32_bits(res.a1);
}

/**
 * otp_stm32_fetch() - read whole fuse words from wherever they live
 * @romem: the OTP block
 * @word: first fuse word
 * @count: number of words, all below @romem->size / 4
 * @dst: receives the words, least significant byte first
 * @quiet: refusals are left to the summary of this read
 *
 * The shadowed words in one call to the register accessors; the others in
 * one pseudo-TA invocation, or one SiP call per word (none without a
 * monitor).
 * Context: process context.
 * Return: 0, or -EIO when the secure world failed (the read fails as a
 * whole).
 */
static __always_inline int otp_stm32_fetch(struct otp_stm32_romem *romem,
					   unsigned int word,
					   unsigned int count, u8 *dst,
					   bool quiet)
{
	unsigned int n = 0;

	if (!romem->desc->bsec) {
		romem->io->read_words(romem->io, 4 * word, count, dst);
		return 0;
	}

	if (word < romem->desc->lower) {
		n = min(count, romem->desc->lower - word);
		romem->io->read_words(romem->io, BSEC_OTP_DATA(word), n, dst);
	}
	if (n < count && romem->ta)
		return otp_stm32_ta_read(romem->ta, word + n, count - n,
					 OTP_STM32_TA_SHADOW, dst + 4 * n);
	for (; n < count; n++) {
		s64 val = otp_stm32_sip_read(romem, word + n, quiet);

		if (unlikely(val < 0))
			return val;
		put_unaligned_le32(val, dst + 4 * n);
	}
	return 0;
}

/**
 * otp_stm32_copy_part() - copy some bytes of one fuse word
 * @romem: the OTP block (with the pseudo-TA only for a lower word: partial
 *	secure words go through otp_stm32_read_bounced())
 * @word: fuse word
 * @first: first byte of the word to copy
 * @end: byte after the last one to copy, at most 4
 * @dst: destination
 * @quiet: a refusal is left to the summary of this read
 *
 * One register value or one SiP call, no buffer.
 * Context: process context.
 * Return: 0, or -EIO when the secure world failed.
 */
static __always_inline int otp_stm32_copy_part(struct otp_stm32_romem *romem,
					       unsigned int word,
					       unsigned int first,
					       unsigned int end, u8 *dst,
					       bool quiet)
{
	const struct otp_stm32_io *io = romem->io;
	s64 sip;
	u32 val;

	if (!romem->desc->bsec) {
		val = io->read(io, 4 * word);
	} else if (word < romem->desc->lower) {
		val = io->read(io, BSEC_OTP_DATA(word));
	} else {
		sip = otp_stm32_sip_read(romem, word, quiet);
		if (unlikely(sip < 0))
			return sip;
		val = sip;
	}

	for (; first < end; first++)
		*dst++ = val >> (8 * first);
	return 0;
}

/*
 * A read that starts or ends inside a word, through a buffer of the whole
 * words it touches, so that OP-TEE is invoked once.
 */
static int otp_stm32_read_bounced(struct otp_stm32_romem *romem,
				  unsigned int offset, u8 *dst, size_t bytes)
{
	unsigned int word = offset / 4;
	unsigned int n = DIV_ROUND_UP(offset % 4 + bytes, 4);
	u8 *words;
	int ret;

	if (!bytes)
		return 0;
	words = kmalloc_array(n, 4, GFP_KERNEL);
	if (!words)
		return -ENOMEM;
	ret = otp_stm32_fetch(romem, word, n, words, false);
	if (!ret)
		memcpy(dst, words + offset % 4, bytes);
	kfree(words);
	return ret;
}

/*
 * Fetches every word the byte range touches once; byte k of word n sits at
 * offset 4n + k (little endian).  Whole words go straight into @buf.
 * @quiet: refusals are left to the summary of this read.
 */
static int otp_stm32_read_range(struct otp_stm32_romem *romem,
				unsigned int offset, u8 *dst, size_t bytes,
				bool quiet)
{
	unsigned int word = offset / 4, skip = offset % 4, n;
	int ret;

	/*
	 * One pseudo-TA invocation per read, also for partial words: a read
	 * that starts or ends inside a word and reaches the secure words goes
	 * through a bounce buffer.  Lower words alone never need it.
	 */
	if (romem->ta && (skip || bytes % 4) && bytes &&
	    (offset + bytes - 1) / 4 >= romem->desc->lower)
		return otp_stm32_read_bounced(romem, offset, dst, bytes);

	if (skip && bytes) {
		n = min_t(size_t, 4 - skip, bytes);
		ret = otp_stm32_copy_part(romem, word++, skip, skip + n, dst,
					  quiet);
		if (ret)
			return ret;
		dst += n;
		bytes -= n;
	}
	if (bytes >= 4) {
		n = bytes / 4;
		ret = otp_stm32_fetch(romem, word, n, dst, quiet);
		if (ret)
			return ret;
		word += n;
		dst += 4 * n;
		bytes -= 4 * n;
	}
	if (bytes)
		return otp_stm32_copy_part(romem, word, 0, bytes, dst, quiet);

	return 0;
}

/*
 * Served words of @romem's secure range as runs ("57-59, 62"), or "none",
 * in @buf.
 */
static void otp_stm32_served_runs(struct otp_stm32_romem *romem, char *buf,
				  size_t size)
{
	unsigned int word = romem->desc->lower, end = romem->desc->words, last;
	size_t len = 0;

	buf[0] = 0;
	while (word < end) {
		if (READ_ONCE(romem->refusal[word])) {
			word++;
			continue;
		}
		for (last = word; last + 1 < end &&
		     !READ_ONCE(romem->refusal[last + 1]); last++)
			;
		len += scnprintf(buf + len, size - len, "%s%u", len ? ", " : "",
				 word);
		if (last > word)
			len += scnprintf(buf + len, size - len, "-%u", last);
		word = last + 1;
	}
	if (!len)
		strscpy(buf, "none", size);
}

/*
 * The first read of every secure word (a dump of the device) names the
 * words the secure service refused in one line, which stands for their
 * own lines: ST's TF-A refuses every upper word its device tree does not
 * mark st,non-secure-otp, so a dump would otherwise log most of the 64
 * (61 with the three words the bench firmware opens).  The words were all
 * read just now, so their records are this read's.
 */
static void __cold otp_stm32_summarise(struct otp_stm32_romem *romem)
{
	const struct otp_stm32_desc *desc = romem->desc;
	unsigned int word, refused = 0;
	u32 status, first = 0;
	bool mixed = false;
	char served[192];

	if (test_and_set_bit(0, &romem->summarised))
		return;
	for (word = desc->lower; word < desc->words; word++) {
		status = READ_ONCE(romem->refusal[word]);
		if (!status)
			continue;
		set_bit(word, romem->reported);
		if (!refused++)
			first = status;
		else if (status != first)
			mixed = true;
	}
	if (!refused)
		return;
	otp_stm32_served_runs(romem, served, sizeof(served));
	dev_warn(romem->dev,
		 "words %u..%u: %u refused by the secure service (%s, 0x%08x%s) and read as 0; served: %s\n",
		 desc->lower, desc->words - 1, refused,
		 otp_stm32_sip_name(first), first,
		 mixed ? ", and other statuses" : "", served);
}

/*
 * A read through the SiP service of every secure word that no read before
 * has summed up: its refusals go in one line (otp_stm32_summarise()).
 */
static bool otp_stm32_summarises(struct otp_stm32_romem *romem,
				 unsigned int offset, size_t bytes)
{
	const struct otp_stm32_desc *desc = romem->desc;

	return desc->bsec && !romem->ta && !romem->monitor_absent &&
	       offset <= 4 * desc->lower &&
	       offset + bytes >= 4 * desc->words &&
	       !test_bit(0, &romem->summarised);
}

static int otp_stm32_read(struct otp_stm32_romem *romem, unsigned int offset,
			  u8 *dst, size_t bytes)
{
	bool summary = otp_stm32_summarises(romem, offset, bytes);
	int ret;

	ret = otp_stm32_read_range(romem, offset, dst, bytes, summary);
	if (!ret && summary)
		otp_stm32_summarise(romem);
	return ret;
}

/**
 * otp_stm32_reg_read() - NVMEM read callback
 * @context: the OTP block
 * @offset: first byte, any alignment
 * @buf: destination
 * @bytes: byte count
 *
 * Return: 0, -EINVAL for a range outside the device, -ENODEV once the
 * block's device has gone (a consumer still holds a cell), or -EIO when
 * the secure world failed (no partial data is returned as valid).
 */
static int otp_stm32_reg_read(void *context, unsigned int offset, void *buf,
			      size_t bytes)
{
	struct otp_stm32_romem *romem = context;

	if (offset > romem->size || bytes > romem->size - offset)
		return -EINVAL;
	if (otp_provider_gone(&romem->prov))
		return -ENODEV;
	return otp_stm32_read(romem, offset, buf, bytes);
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

/* debugfs' full proxy keeps the file safe against removal mid-read. */
DEFINE_SHOW_ATTRIBUTE(otp_stm32_romem_locks);

static void otp_stm32_debugfs_remove(void *data)
{
	struct otp_stm32_romem *romem = data;

	debugfs_remove_recursive(romem->debugfs);
}

/* Unbind: OP-TEE may go next, so the session closes now. */
static void otp_stm32_quiesce(struct otp_provider *prov)
{
	struct otp_stm32_romem *romem =
		container_of(prov, struct otp_stm32_romem, prov);

	if (romem->ta)
		otp_stm32_ta_close(romem->ta);
}

static void otp_stm32_release(struct otp_provider *prov)
{
	struct otp_stm32_romem *romem =
		container_of(prov, struct otp_stm32_romem, prov);

	if (romem->io->release)
		romem->io->release(romem->io);
	if (!IS_ERR_OR_NULL(romem->ta))
		otp_stm32_ta_free(romem->ta);
	if (romem->id >= 0)
		otp_provider_id_put(romem->id);
	kfree(romem);
}

/**
 * otp_stm32_probe_monitor() - ask the SiP service once whether it is there
 * @romem: the BSEC block
 * @no_pta: why OP-TEE's pseudo-TA is not used, for the log line (NULL:
 *	the board has no OP-TEE)
 *
 * It asks for word 0, which every generation serves (the access rights
 * of TF-A and OP-TEE only ever close upper words): only a NOT_SUPPORTED
 * answer means the service is missing.  An upper word would not do: ST's
 * OP-TEE 3.3 refuses a closed one with that very status.  The result is
 * cached so absent firmware costs no call per read.  One log line says
 * where the upper words come from.
 */
static void otp_stm32_probe_monitor(struct otp_stm32_romem *romem,
				    const char *no_pta)
{
	const struct otp_stm32_desc *desc = romem->desc;
	struct otp_stm32_smc_res res = { };

	if (romem->sec) {
		romem->sec->invoke(romem->sec, OTP_STM32_SIP_BSEC,
				  OTP_STM32_SIP_READ_SHADOW, 0, 0, &res);
		romem->monitor_absent =
			lower_32_bits(res.a0) == OTP_STM32_SIP_NOT_SUPPORTED;
	} else {
		romem->monitor_absent = true;
	}

	if (romem->monitor_absent)
		dev_info(romem->dev,
			 "secure service absent: words %u..%u read as 0 (%s%sno SiP SMC service, %s); words 0..%u come from the BSEC registers\n",
			 desc->lower, desc->words - 1, no_pta ?: "",
			 no_pta ? "; " : "",
			 romem->sec ? romem->sec->conduit : "no conduit",
			 desc->lower - 1);
	else
		dev_info(romem->dev,
			 "secure service present: upper OTP words %u..%u available through the SiP SMC service (%s)%s%s\n",
			 desc->lower, desc->words - 1, romem->sec->conduit,
			 no_pta ? "; " : "", no_pta ?: "");
}

/**
 * otp_stm32_secure_setup() - reach the secure world the way the board does
 * @romem: the BSEC block
 * @use_ta: OP-TEE is there: try its BSEC pseudo-TA first
 *
 * The pseudo-TA when OP-TEE serves it; on a part whose lower words are
 * normal-world registers (MP15) OP-TEE without it (before 3.20, or built
 * without CFG_STM32_BSEC_PTA) falls back to the SiP service, and a board
 * without either still reads its lower words.  A part that only the
 * pseudo-TA can read (MP13, MP25) is not registered without it.
 *
 * Return: 0, -EPROBE_DEFER while OP-TEE has not registered yet, or another
 * negative errno (logged).
 */
static int otp_stm32_secure_setup(struct otp_stm32_romem *romem, bool use_ta)
{
	const struct otp_stm32_desc *desc = romem->desc;
	char no_pta[64] = "";
	struct otp_stm32_ta *ta;
	u32 tee_result = 0;

	if (!use_ta && desc->ta_only) {
		dev_err(romem->dev, "this BSEC is only reachable through OP-TEE's BSEC pseudo-TA; give the DT an available linaro,optee-tz node\n");
		return -ENODEV;
	}
	if (use_ta) {
		ta = otp_stm32_ta_open(romem->dev, desc->words, &tee_result);
		if (!IS_ERR(ta)) {
			romem->ta = ta;
			dev_info(romem->dev, "secure service: OP-TEE BSEC pseudo-TA for words %u..%u\n",
				 desc->lower, desc->words - 1);
			return 0;
		}
		if (PTR_ERR(ta) != -EOPNOTSUPP)
			return PTR_ERR(ta);
		if (tee_result)
			snprintf(no_pta, sizeof(no_pta),
				 "OP-TEE has no BSEC pseudo-TA, TEE result 0x%08x",
				 tee_result);
		else
			strscpy(no_pta, "this kernel has no TEE core (CONFIG_TEE)",
				sizeof(no_pta));
		if (desc->ta_only) {
			dev_err(romem->dev, "%s, the only way to this BSEC: build OP-TEE with CFG_STM32_BSEC_PTA=y and the kernel with CONFIG_OPTEE\n",
				no_pta);
			return -ENODEV;
		}
	}
	otp_stm32_probe_monitor(romem, use_ta ? no_pta : NULL);
	return 0;
}

/**
 * otp_stm32_check_window() - does the register window fit the block?
 * @dev: the device, for the error message
 * @window: bytes of registers behind the accessors (the DT reg size)
 * @desc: block description
 *
 * Return: 0 when the window fits, -EINVAL (logged) otherwise.
 */
static int otp_stm32_check_window(struct device *dev, u64 window,
				  const struct otp_stm32_desc *desc)
{
	if (desc->bsec && window < BSEC_BLOCK_SIZE) {
		dev_err(dev, "reg size %#llx too small: the DT node must contain reg = <base 0x400> (BSEC register block)\n",
			window);
		return -EINVAL;
	}
	if (!desc->bsec && (!window || window % 4 || window > INT_MAX)) {
		dev_err(dev, "reg size %#llx invalid: the DT node must contain a reg whose size is a non-zero multiple of 4 bytes\n",
			window);
		return -EINVAL;
	}
	return 0;
}

/**
 * otp_stm32_romem_register() - set up an OTP block given its accessors
 * @dev: device owning the block; devres of @dev releases everything
 * @io: 32-bit register access to the block; the block owns it from this
 *	call on (on failure too) and calls @io->release when it is freed
 * @window: bytes @io covers (the DT reg size), checked here against
 *	@desc: for BSEC at least the 0x400-byte register block, for the F4
 *	area the data words, a non-zero multiple of 4
 * @sec: secure monitor access, only used for BSEC without @use_ta (may be
 *	NULL: the upper words then read as 0)
 * @desc: which block this is: the match data of its compatible
 * @use_ta: OP-TEE runs on the board: the secure words come from its BSEC
 *	pseudo-TA through the TEE core (required by the MP13 and MP25)
 *
 * Sets up the secure service (BSEC), takes an instance number, registers
 * the read-only NVMEM device "stm32-romemN" and the debugfs lock view.
 *
 * Context: process context, from a probe routine.
 * Return: the NVMEM device, or an ERR_PTR().
 */
struct nvmem_device *
otp_stm32_romem_register(struct device *dev, const struct otp_stm32_io *io,
			 u64 window,
			 const struct otp_stm32_secure_ops *sec,
			 const struct otp_stm32_desc *desc, bool use_ta)
{
	struct nvmem_config cfg = {
		.dev = dev,
		.name = OTP_STM32_NVMEM_NAME,
		.owner = THIS_MODULE,
		.type = NVMEM_TYPE_OTP,
		.read_only = true,
		.reg_read = otp_stm32_reg_read,
		.word_size = 1,
		.stride = 1,
	};
	struct otp_stm32_romem *romem;
	struct nvmem_device *nvmem;
	int ret;

	if (!io)
		return ERR_PTR(-EINVAL);
	ret = otp_stm32_check_window(dev, window, desc);
	if (ret)
		goto drop_io;
	ret = -ENOMEM;
	romem = kzalloc(sizeof(*romem), GFP_KERNEL);
	if (!romem)
		goto drop_io;
	romem->prov.release = otp_stm32_release;
	romem->prov.quiesce = otp_stm32_quiesce;
	romem->id = -1;
	romem->dev = dev;
	romem->io = io;
	romem->sec = sec;
	romem->desc = desc;

	if (desc->bsec) {
		romem->size = desc->words * 4;
		ret = otp_stm32_secure_setup(romem, use_ta);
		if (ret)
			goto fail;
	} else {
		romem->size = window;
	}

	ret = otp_provider_id_get();
	if (ret < 0)
		goto fail;
	romem->id = ret;

	cfg.id = romem->id;
	cfg.size = romem->size;
	cfg.priv = romem;
	otp_nvmem_legacy_cells(&cfg);
	/* From here on @romem goes with the NVMEM device. */
	nvmem = otp_provider_register(dev, &cfg, &romem->prov);
	if (IS_ERR(nvmem))
		return nvmem;

	if (romem->desc->bsec) {
		romem->debugfs = debugfs_create_dir(nvmem_dev_name(nvmem),
						    otp_provider_debugfs_root());
		debugfs_create_file("locks", 0444, romem->debugfs, romem,
				    &otp_stm32_romem_locks_fops);
		ret = devm_add_action_or_reset(dev, otp_stm32_debugfs_remove,
					       romem);
		if (ret)
			return ERR_PTR(ret);
	}

	return nvmem;

fail:
	otp_stm32_release(&romem->prov);
	return ERR_PTR(ret);

drop_io:
	if (io->release)
		io->release(io);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_IF_KUNIT(otp_stm32_romem_register);

/**
 * otp_stm32_call_for() - how secure calls are made on this board
 * @discovered: the conduit SMCCC 1.1 discovery found
 *	(arm_smccc_1_1_get_conduit()); none when the firmware answers no
 *	SMCCC_VERSION
 * @psci_method: "method" of the DT's PSCI node, NULL without one
 *
 * Firmware older than SMCCC 1.1 (OP-TEE before 3.9 as the STM32MP15's
 * monitor) still has its SiP service: as the SMCCC 1.0 world did, the
 * conduit is the PSCI node's method ("smc" or "hvc",
 * Documentation/devicetree/bindings/arm/psci.yaml), and whether the BSEC
 * service answers is asked of it (otp_stm32_probe_monitor()).
 *
 * Return: the way to call, OTP_STM32_CALL_NONE when there is none.
 */
enum otp_stm32_call otp_stm32_call_for(enum arm_smccc_conduit discovered,
				       const char *psci_method)
{
	if (discovered == SMCCC_CONDUIT_SMC)
		return OTP_STM32_CALL_SMC_1_1;
	if (discovered == SMCCC_CONDUIT_HVC)
		return OTP_STM32_CALL_HVC_1_1;
	if (psci_method && !strcmp(psci_method, "smc"))
		return OTP_STM32_CALL_SMC_1_0;
	if (psci_method && !strcmp(psci_method, "hvc"))
		return OTP_STM32_CALL_HVC_1_0;
	return OTP_STM32_CALL_NONE;
}
EXPORT_SYMBOL_IF_KUNIT(otp_stm32_call_for);

/*
 * Secure calls, one function per way to the firmware, so that the SMCCC
 * 1.1 call the boards use is inlined on its own: SMCCC 1.1 preserves
 * x4-x17, SMCCC 1.0 firmware may clobber them (the kernel's out-of-line
 * call).  Without a conduit no instruction is issued and the answer is
 * NOT_SUPPORTED.  Each has the arguments of otp_stm32_secure_ops.invoke.
 */
static void otp_stm32_no_conduit(const struct otp_stm32_secure_ops *ops,
				 unsigned long fid, unsigned long a1,
				 unsigned long a2, unsigned long a3,
				 struct otp_stm32_smc_res *res)
{
	res->a0 = OTP_STM32_SIP_NOT_SUPPORTED;
	res->a1 = 0;
}

#if IS_ENABLED(CONFIG_HAVE_ARM_SMCCC_DISCOVERY)
static void otp_stm32_smc_1_1(const struct otp_stm32_secure_ops *ops,
			      unsigned long fid, unsigned long a1,
			      unsigned long a2, unsigned long a3,
			      struct otp_stm32_smc_res *res)
{
	struct arm_smccc_res smc;

	arm_smccc_1_1_smc(fid, a1, a2, a3, &smc);
	res->a0 = smc.a0;
	res->a1 = smc.a1;
}

static void otp_stm32_hvc_1_1(const struct otp_stm32_secure_ops *ops,
			      unsigned long fid, unsigned long a1,
			      unsigned long a2, unsigned long a3,
			      struct otp_stm32_smc_res *res)
{
	struct arm_smccc_res smc;

	arm_smccc_1_1_hvc(fid, a1, a2, a3, &smc);
	res->a0 = smc.a0;
	res->a1 = smc.a1;
}

static void otp_stm32_smc_1_0(const struct otp_stm32_secure_ops *ops,
			      unsigned long fid, unsigned long a1,
			      unsigned long a2, unsigned long a3,
			      struct otp_stm32_smc_res *res)
{
	struct arm_smccc_res smc;

	arm_smccc_smc(fid, a1, a2, a3, 0, 0, 0, 0, &smc);
	res->a0 = smc.a0;
	res->a1 = smc.a1;
}

static void otp_stm32_hvc_1_0(const struct otp_stm32_secure_ops *ops,
			      unsigned long fid, unsigned long a1,
			      unsigned long a2, unsigned long a3,
			      struct otp_stm32_smc_res *res)
{
	struct arm_smccc_res smc;

	arm_smccc_hvc(fid, a1, a2, a3, 0, 0, 0, 0, &smc);
	res->a0 = smc.a0;
	res->a1 = smc.a1;
}
#else
/* A kernel without SMCCC support makes no call. */
#define otp_stm32_smc_1_1 otp_stm32_no_conduit
#define otp_stm32_hvc_1_1 otp_stm32_no_conduit
#define otp_stm32_smc_1_0 otp_stm32_no_conduit
#define otp_stm32_hvc_1_0 otp_stm32_no_conduit
#endif

/*
 * Every way to the firmware, indexed by enum otp_stm32_call; .conduit
 * names it in the log line of otp_stm32_probe_monitor().
 */
static const struct otp_stm32_secure_ops otp_stm32_smccc[] = {
	[OTP_STM32_CALL_NONE] = {
		.invoke = otp_stm32_no_conduit,
		.conduit = "no conduit: no PSCI node and no SMCCC 1.1",
	},
	[OTP_STM32_CALL_SMC_1_1] = {
		.invoke = otp_stm32_smc_1_1,
		.conduit = "SMCCC 1.1, smc",
	},
	[OTP_STM32_CALL_HVC_1_1] = {
		.invoke = otp_stm32_hvc_1_1,
		.conduit = "SMCCC 1.1, hvc",
	},
	[OTP_STM32_CALL_SMC_1_0] = {
		.invoke = otp_stm32_smc_1_0,
		.conduit = "SMCCC 1.0, smc from the PSCI node",
	},
	[OTP_STM32_CALL_HVC_1_0] = {
		.invoke = otp_stm32_hvc_1_0,
		.conduit = "SMCCC 1.0, hvc from the PSCI node",
	},
};

/* Compatibles of the PSCI node (Documentation/devicetree/bindings/arm/psci.yaml) */
static const struct of_device_id otp_stm32_psci_of_match[] = {
	{ .compatible = "arm,psci" },
	{ .compatible = "arm,psci-0.2" },
	{ .compatible = "arm,psci-1.0" },
	{ }
};

/*
 * Find the way to the firmware: SMCCC 1.1 discovery, else the PSCI node.
 * Both are settled before any module loads.
 */
static const struct otp_stm32_secure_ops *otp_stm32_call_setup(void)
{
	enum otp_stm32_call call;
	enum arm_smccc_conduit discovered = SMCCC_CONDUIT_NONE;
	const char *method = NULL;
	struct device_node *np;

#if IS_ENABLED(CONFIG_HAVE_ARM_SMCCC_DISCOVERY)
	discovered = arm_smccc_1_1_get_conduit();
#endif
	np = of_find_matching_node(NULL, otp_stm32_psci_of_match);
	if (np && of_device_is_available(np))
		of_property_read_string(np, "method", &method);
	call = otp_stm32_call_for(discovered, method);
	of_node_put(np);
	return &otp_stm32_smccc[call];
}

/**
 * struct otp_stm32_mmio - the block's registers, memory mapped
 * @io: accessors handed to otp_stm32_romem_register()
 * @base: start of the register window
 */
struct otp_stm32_mmio {
	struct otp_stm32_io io;
	void __iomem *base;
};

static void __iomem *otp_stm32_mmio_base(const struct otp_stm32_io *io)
{
	return container_of(io, struct otp_stm32_mmio, io)->base;
}

static u32 otp_stm32_mmio_read(const struct otp_stm32_io *io,
			       unsigned int reg)
{
	return readl(otp_stm32_mmio_base(io) + reg);
}

/* Plain loads with no ordering against memory: nothing depends on it. */
static void otp_stm32_mmio_read_words(const struct otp_stm32_io *io,
				      unsigned int reg, unsigned int count,
				      void *dst)
{
	void __iomem *src = otp_stm32_mmio_base(io) + reg;
	unsigned int i;

	for (i = 0; i < count; i++)
		put_unaligned_le32(readl_relaxed(src + 4 * i), dst + 4 * i);
}

/*
 * The mapping goes with the block, when its NVMEM device is released, so
 * that a read that passed the "gone" test just before an unbind still
 * reads mapped registers.  The region is the device's and is released at
 * unbind, so that the device can bind again.
 */
static void otp_stm32_mmio_release(const struct otp_stm32_io *io)
{
	struct otp_stm32_mmio *mmio =
		container_of(io, struct otp_stm32_mmio, io);

	iounmap(mmio->base);
	kfree(mmio);
}

/* The board runs OP-TEE: its DT has an available OP-TEE node. */
static bool otp_stm32_has_optee(void)
{
	struct device_node *np = otp_stm32_optee_node();

	of_node_put(np);
	return np;
}

/*
 * Platform glue: check and map the DT node's registers, then hand the block
 * and the real secure-monitor path to otp_stm32_romem_register().
 */
static int otp_stm32_romem_bind(struct device *dev, struct resource *res)
{
	const struct otp_stm32_desc *desc = device_get_match_data(dev);
	struct otp_stm32_mmio *mmio;
	struct nvmem_device *nvmem;

	/* Bound through driver_override to a node that is not a BSEC/OTP. */
	if (!desc) {
		dev_err(dev, "%pOF is no STM32 OTP this driver knows: its compatible must be st,stm32mp15-bsec, st,stm32mp13-bsec, st,stm32mp25-bsec or st,stm32f4-otp\n",
			dev->of_node);
		return -ENODEV;
	}

	if (!res) {
		dev_err(dev, "DT node has no reg: it must contain reg = <base size> covering the %s\n",
			desc->bsec ? "0x400-byte BSEC register block" :
				     "OTP area (non-zero multiple of 4 bytes)");
		return -EINVAL;
	}

	if (!devm_request_mem_region(dev, res->start, resource_size(res),
				     dev_name(dev))) {
		dev_err(dev, "registers %pR are in use by another driver\n", res);
		return -EBUSY;
	}
	mmio = kzalloc(sizeof(*mmio), GFP_KERNEL);
	if (!mmio)
		return -ENOMEM;
	mmio->base = ioremap(res->start, resource_size(res));
	if (!mmio->base) {
		kfree(mmio);
		return -ENOMEM;
	}
	mmio->io.read = otp_stm32_mmio_read;
	mmio->io.read_words = otp_stm32_mmio_read_words;
	mmio->io.release = otp_stm32_mmio_release;

	nvmem = otp_stm32_romem_register(dev, &mmio->io, resource_size(res),
					 otp_stm32_call_setup(), desc,
					 desc->ta_only || otp_stm32_has_optee());
	/*
	 * Each refusal was logged, once, where it was decided (a deferral
	 * keeps the reason the secure backend gave); a failed allocation is
	 * reported by the allocator.
	 */
	return PTR_ERR_OR_ZERO(nvmem);
}

static int otp_stm32_romem_probe(struct platform_device *pdev)
{
	return otp_stm32_romem_bind(&pdev->dev,
				    platform_get_resource(pdev, IORESOURCE_MEM, 0));
}

static struct platform_driver otp_stm32_romem_driver = {
	.probe = otp_stm32_romem_probe,
	.driver = {
		.name = "otp-stm32-romem",
		.of_match_table = otp_stm32_romem_of_match,
	},
};

static int __init otp_stm32_romem_init(void)
{
	int ret;

	otp_provider_module_init("otp-stm32-romem");
	ret = platform_driver_register(&otp_stm32_romem_driver);
	if (ret)
		otp_provider_module_exit();
	return ret;
}
module_init(otp_stm32_romem_init);

static void __exit otp_stm32_romem_exit(void)
{
	platform_driver_unregister(&otp_stm32_romem_driver);
	otp_provider_module_exit();
}
module_exit(otp_stm32_romem_exit);

MODULE_DESCRIPTION("STM32MP13/MP15/MP25 BSEC and STM32F4 OTP read-only NVMEM provider");
MODULE_LICENSE("GPL");
