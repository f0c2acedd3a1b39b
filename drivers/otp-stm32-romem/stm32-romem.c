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

#include "stm32-romem.h"

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
