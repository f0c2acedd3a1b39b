// SPDX-License-Identifier: GPL-2.0
/*
 * NVMEM provider for the fuses of the NXP i.MX8QXP and i.MX8QM, which only
 * the System Controller firmware (SCFW) may touch.
 *
 * The fuses are one NVMEM device of the same shape as the OCOTP parts'
 * (imx-ocotp.c): fuse word N is at bytes 4N..4N+3, least significant byte
 * first, so the shell commands that read an OCOTP read these too.  The
 * parts' device trees give a cell's fuse word index as its reg offset
 * (Linux 6.12 imx8qm.dtsi mac@1c4 is fuse word 0x1c4), as the in-tree
 * imx-ocotp-scu.c reads them: such cells are read from 4 x that offset.
 *
 * Reads are one SCFW RPC per word through the kernel's imx-scu driver; a
 * word the firmware will not give out reads 0xbadabada in a read of the
 * device, as a read-locked OCOTP word does, while a read of a DT cell that
 * covers it fails with EACCES, as the in-tree driver fails every such read:
 * 0xbadabada is no MAC address or calibration value, and a consumer that
 * gets an error falls back (the FEC to a random MAC).  Programming goes to
 * the secure monitor's SiP service, which forwards it to the SCFW; it is
 * guarded as on the OCOTP parts: whole words, every rule (a word that
 * exists, no bit cleared, an ECC word programmed once) checked for every
 * word before the first fuse is blown, and every word read back.
 */

#include <linux/arm-smccc.h>
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/firmware/imx/sci.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "otp-compat.h"
#include "imx-ocotp-io.h"
#include "imx-ocotp-scu.h"
#include "otp-provider.h"

/*
 * The SCFW RPC header, one word: version (1) in bits 7:0, the message's
 * size in words (header included) in 15:8, the service in 23:16 and the
 * function in 31:24, which the reply overwrites with the firmware's error
 * code (Linux 6.12 include/linux/firmware/imx/ipc.h struct imx_sc_rpc_msg
 * and imx-scu.c; TF-A plat/imx/common/sci/ipc.c).  Reading a fuse word is
 * service MISC (7), function OTP_FUSE_READ (11), two words: the header and
 * the word's index, which the reply replaces with its value (TF-A
 * plat/imx/common/sci/svc/misc/misc_rpc_clnt.c sc_misc_otp_fuse_read();
 * U-Boot drivers/misc/imx8/scu_api.c sc_misc_otp_fuse_read()).
 */
#define SCU_RPC_VERSION		1
#define SCU_SVC_MISC		7
#define SCU_MISC_OTP_FUSE_READ	11
#define SCU_RPC_HDR(size, svc, func) \
	(SCU_RPC_VERSION | (size) << 8 | (svc) << 16 | (u32)(func) << 24)

/*
 * Programming: SiP function 0xC200000B with the word's index in a1 and its
 * value in a2; a0 comes back with the SCFW's error code, 0 when done (TF-A
 * plat/imx/common/include/imx_sip_svc.h IMX_SIP_OTP_WRITE and
 * imx_sip_handler.c imx_otp_handler(), built for imx8qm and imx8qx only;
 * U-Boot drivers/misc/imx8/fuse.c fuse_prog()).
 */
#define SCU_SIP_OTP_WRITE	0xC200000B

/*
 * The SCFW's error codes, sc_err_t (TF-A plat/imx/common/include/sci/
 * sci_types.h SC_ERR_*; Linux 6.12 imx-scu.c imx_sc_linux_errmap[]), and
 * what a programming that got one tells its caller.
 */
static const struct {
	const char *name;
	int err;
} scu_errors[] = {
	[0] = { "OK", 0 },
	[1] = { "VERSION", -EINVAL },
	[2] = { "CONFIG", -EINVAL },
	[3] = { "PARM", -EINVAL },
	[4] = { "NOACCESS", -EPERM },
	[5] = { "LOCKED", -EPERM },
	[6] = { "UNAVAILABLE", -EIO },
	[7] = { "NOTFOUND", -EIO },
	[8] = { "NOPOWER", -EIO },
	[9] = { "IPC", -EIO },
	[10] = { "BUSY", -EBUSY },
	[11] = { "FAIL", -EIO },
};

/**
 * struct otp_imx_scu_range - a run of fuse words
 * @first: its first word
 * @count: how many; 0 ends a table
 */
struct otp_imx_scu_range {
	u16 first;
	u16 count;
};

/**
 * struct otp_imx_scu_soc - what a part's fuses look like to the SCFW
 * @name: the part, for the log
 * @words: fuse words, 0 .. @words - 1
 * @holes: words that do not exist: they read 0 without asking the
 *	firmware, and cannot be programmed
 * @ecc: words protected by ECC, which can be programmed once only
 */
struct otp_imx_scu_soc {
	const char *name;
	unsigned int words;
	const struct otp_imx_scu_range *holes;
	const struct otp_imx_scu_range *ecc;
};

/*
 * Linux 6.12 drivers/nvmem/imx-ocotp-scu.c imx8qxp_data and imx8qm_data
 * (nregs, the hole and the ECC regions) and U-Boot drivers/misc/imx8/fuse.c
 * (the same ranges per SoC) give these.
 */
static const struct otp_imx_scu_range imx8qxp_holes[] = {
	{ .first = 0x110, .count = 0x110 },
	{ }
};

static const struct otp_imx_scu_range imx8qxp_ecc[] = {
	{ .first = 0x010, .count = 0x100 },
	{ .first = 0x220, .count = 0x100 },
	{ }
};

static const struct otp_imx_scu_range imx8qm_ecc[] = {
	{ .first = 0x010, .count = 0x100 },
	{ .first = 0x1a0, .count = 0x060 },
	{ }
};

static const struct otp_imx_scu_range scu_none[] = {
	{ }
};

static const struct otp_imx_scu_soc imx8qxp_scu = {
	.name = "i.MX8QXP",
	.words = 800,
	.holes = imx8qxp_holes,
	.ecc = imx8qxp_ecc,
};

static const struct otp_imx_scu_soc imx8qm_scu = {
	.name = "i.MX8QM",
	.words = 800,
	.holes = scu_none,
	.ecc = imx8qm_ecc,
};

static const struct of_device_id scu_of_match[] = {
	{ .compatible = "fsl,imx8qxp-scu-ocotp", .data = &imx8qxp_scu },
	{ .compatible = "fsl,imx8qm-scu-ocotp", .data = &imx8qm_scu },
	{ }
};
MODULE_DEVICE_TABLE(of, scu_of_match);

/**
 * struct scu_dev - one SCU fuse provider
 * @prov: lifetime: freed with the NVMEM device (otp-provider.c)
 * @dev: device used for logging
 * @fw: the firmware
 * @soc: the part
 * @lock: one firmware exchange at a time, and removal waits for it
 * @id: number of the NVMEM device name (shared with the OCOTP parts)
 * @node: in scu_devs, while the state lives
 * @refused_told: the log has said that the firmware refuses some words
 * @refused: words the firmware refused the last time they were read (a
 *	cell read covering one fails); set and cleared under @lock
 * @failed_told: words whose failed read the log has named, each once
 */
struct scu_dev {
	struct otp_provider prov;
	struct device *dev;
	const struct otp_imx_scu_fw *fw;
	const struct otp_imx_scu_soc *soc;
	struct mutex lock; /* one firmware exchange at a time */
	int id;
	struct list_head node;
	bool refused_told;
	unsigned long *refused;
	unsigned long *failed_told;
};

/*
 * Every SCU provider state of this module, for the cells the core adds
 * (scu_cell_owner()); under scu_devs_lock.
 */
static LIST_HEAD(scu_devs);
static DEFINE_MUTEX(scu_devs_lock);

/**
 * otp_imx_scu_soc() - the part bound to a compatible
 * @compatible: one of the driver's match table
 *
 * Return: the description, NULL for an unknown compatible.
 */
const struct otp_imx_scu_soc *otp_imx_scu_soc(const char *compatible)
{
	return otp_match_data(scu_of_match, compatible);
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_scu_soc);

static bool scu_in(const struct otp_imx_scu_range *r, unsigned int word)
{
	for (; r->count; r++)
		if (word >= r->first && word - r->first < r->count)
			return true;
	return false;
}

/*
 * One fuse word from the firmware.  Return: 0 with *val, 1 when the
 * firmware refuses the word (imx-scu turns NOACCESS and LOCKED into
 * -EACCES), or another negative errno of the exchange.
 */
static int scu_fuse_read(struct scu_dev *scu, unsigned int word, u32 *val)
{
	u32 msg[OTP_IMX_SCU_MSG_WORDS] = {
		SCU_RPC_HDR(2, SCU_SVC_MISC, SCU_MISC_OTP_FUSE_READ), word,
	};
	int ret;

	ret = scu->fw->call(scu->fw, msg);
	if (ret == -EACCES)
		return 1;
	if (ret)
		return ret;
	*val = msg[1];
	return 0;
}

/*
 * The value a reader gets for @word: 0 in a hole, 0xbadabada if refused
 * (remembered in @scu->refused for the cell check).  A failed read is
 * named in the log the first time only: a reader that retries must not
 * flood it.
 */
static int scu_word(struct scu_dev *scu, unsigned int word, u32 *val)
{
	int ret;

	*val = 0;
	if (scu_in(scu->soc->holes, word))
		return 0;
	ret = scu_fuse_read(scu, word, val);
	if (ret == 1) {
		*val = OTP_IMX_OCOTP_LOCKED;
		__set_bit(word, scu->refused);
		if (!scu->refused_told)
			dev_info(scu->dev, "the SCU firmware refuses fuse word %u (and maybe others) to this partition; such words read 0x%08x in the nvmem file, and a cell read covering one fails with EACCES\n",
				 word, OTP_IMX_OCOTP_LOCKED);
		scu->refused_told = true;
		return 0;
	}
	__clear_bit(word, scu->refused);
	if (ret && !__test_and_set_bit(word, scu->failed_told))
		dev_err(scu->dev, "reading fuse word %u from the SCU firmware failed (%d); later failures of this word are not logged\n",
			word, ret);
	return ret;
}

static int scu_read(void *context, unsigned int offset, void *val,
		    size_t bytes)
{
	struct scu_dev *scu = context;
	unsigned int word = offset / 4, skip = offset % 4, n;
	u8 *dst = val;
	__le32 le;
	u32 v;
	int ret = 0;

	/* nvmem_device_read() gets here with any offset (seen on 6.12). */
	if (offset >= scu->soc->words * 4 ||
	    bytes > scu->soc->words * 4 - offset)
		return -EINVAL;
	mutex_lock(&scu->lock);
	if (otp_provider_gone(&scu->prov)) {
		ret = -ENODEV;
		goto out;
	}
	while (bytes) {
		ret = scu_word(scu, word, &v);
		if (ret)
			break;
		n = min_t(size_t, bytes, 4 - skip);
		if (n == 4) {
			put_unaligned_le32(v, dst);
		} else {
			le = cpu_to_le32(v);
			memcpy(dst, (u8 *)&le + skip, n);
		}
		dst += n;
		bytes -= n;
		skip = 0;
		word++;
	}
out:
	mutex_unlock(&scu->lock);
	return ret;
}

/**
 * struct scu_target - one word of a write
 * @word: its fuse word index
 * @have: what it holds
 * @want: what the write asks for
 */
struct scu_target {
	unsigned int word;
	u32 have;
	u32 want;
};

/*
 * Every rule, for every word, before anything is programmed.
 * Return: the number of words that need programming, or a negative errno.
 */
static int scu_check(struct scu_dev *scu, struct scu_target *t,
		     unsigned int count)
{
	unsigned int i, changed = 0;
	int ret;

	for (i = 0; i < count; i++) {
		if (scu_in(scu->soc->holes, t[i].word)) {
			dev_err(scu->dev, "fuse word %u does not exist on the %s; nothing written\n",
				t[i].word, scu->soc->name);
			return -EINVAL;
		}
	}
	for (i = 0; i < count; i++) {
		ret = scu_fuse_read(scu, t[i].word, &t[i].have);
		if (ret == 1) {
			dev_err(scu->dev, "the SCU firmware refuses to read fuse word %u, so it cannot be checked; nothing written, leave it out of the write\n",
				t[i].word);
			return -EPERM;
		}
		if (ret) {
			dev_err(scu->dev, "reading fuse word %u before programming failed (%d); nothing written\n",
				t[i].word, ret);
			return ret;
		}
		if (t[i].have & ~t[i].want) {
			dev_err(scu->dev, "fuse word %u: 0x%08x -> 0x%08x would clear bits 0x%08x; nothing written, fuses can only be set\n",
				t[i].word, t[i].have, t[i].want,
				t[i].have & ~t[i].want);
			return -EINVAL;
		}
		if (t[i].have == t[i].want)
			continue;
		if (t[i].have && scu_in(scu->soc->ecc, t[i].word)) {
			dev_err(scu->dev, "fuse word %u is ECC-protected and already programmed (0x%08x): it takes one value, once; nothing written\n",
				t[i].word, t[i].have);
			return -EINVAL;
		}
		changed++;
	}
	return changed;
}

/* What a0 of the SiP call says, as an errno; logged when not done. */
static int scu_sip_result(struct scu_dev *scu, unsigned int word,
			  unsigned long a0)
{
	if (a0 == 0)
		return 0;
	if ((long)a0 == SMCCC_RET_NOT_SUPPORTED) {
		dev_err(scu->dev, "the secure monitor has no OTP programming service (SiP 0x%08x): it needs TF-A built for the i.MX8QM/QXP; nothing written to fuse word %u\n",
			SCU_SIP_OTP_WRITE, word);
		return -EOPNOTSUPP;
	}
	if (a0 < ARRAY_SIZE(scu_errors)) {
		dev_err(scu->dev, "the SCU firmware did not program fuse word %u (SC_ERR_%s); words before it in this write may be programmed, read them back\n",
			word, scu_errors[a0].name);
		return scu_errors[a0].err;
	}
	dev_err(scu->dev, "programming fuse word %u returned 0x%lx, which no SCFW error is; read it back\n",
		word, a0);
	return -EIO;
}

static int scu_write_locked(struct scu_dev *scu, struct scu_target *t,
			    unsigned int count)
{
	unsigned int i;
	int ret;

	ret = scu_check(scu, t, count);
	if (ret <= 0)
		return ret;
	for (i = 0; i < count; i++) {
		if (t[i].have == t[i].want)
			continue;
		ret = scu_sip_result(scu, t[i].word,
				     scu->fw->sip(scu->fw, SCU_SIP_OTP_WRITE,
						  t[i].word, t[i].want));
		if (ret)
			return ret;
	}
	for (i = 0; i < count; i++) {
		u32 got;

		if (t[i].have == t[i].want)
			continue;
		ret = scu_fuse_read(scu, t[i].word, &got);
		if (ret) {
			dev_err(scu->dev, "fuse word %u cannot be read back after programming (%d); read it again before trusting it\n",
				t[i].word, ret < 0 ? ret : -EACCES);
			return -EIO;
		}
		if (got != t[i].want) {
			dev_err(scu->dev, "fuse word %u reads 0x%08x after programming 0x%08x; the fuses did not take the value\n",
				t[i].word, got, t[i].want);
			return -EIO;
		}
	}
	return 0;
}

/*
 * Programming: whole words only (offset and length multiples of 4); the
 * whole write is refused before the first fuse is blown when any word
 * breaks a rule.
 */
static int scu_write(void *context, unsigned int offset, void *val,
		     size_t bytes)
{
	struct scu_dev *scu = context;
	unsigned int i, count = bytes / 4;
	struct scu_target *t;
	const u8 *src = val;
	int ret;

	if (offset % 4 || bytes % 4 || !bytes) {
		dev_err(scu->dev, "writes are whole fuse words: offset and length must be multiples of 4 (word N is at 4N); got %zu bytes at %#x, nothing written\n",
			bytes, offset);
		return -EINVAL;
	}
	if (offset / 4 + count > scu->soc->words) {
		dev_err(scu->dev, "fuse words %u..%u: the %s has words 0..%u; nothing written\n",
			offset / 4, offset / 4 + count - 1, scu->soc->name,
			scu->soc->words - 1);
		return -EINVAL;
	}
	t = kcalloc(count, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		t[i].word = offset / 4 + i;
		t[i].want = get_unaligned_le32(src + 4 * i);
	}
	mutex_lock(&scu->lock);
	if (otp_provider_gone(&scu->prov))
		ret = -ENODEV;
	else
		ret = scu_write_locked(scu, t, count);
	mutex_unlock(&scu->lock);
	kfree(t);
	return ret;
}

/*
 * A cell read: the core has just read the cell's bytes, @bytes from
 * @offset, through scu_read().  A word the firmware refused there read
 * 0xbadabada, which a consumer would take for data (da:ba:da:ba:da:ba is
 * a valid unicast MAC address); the cell read fails instead.
 */
static int scu_cell_check(void *context, unsigned int offset, size_t bytes)
{
	struct scu_dev *scu = context;
	unsigned int word, last;
	int ret = 0;

	if (!scu)
		return -EIO;
	if (!bytes)
		return 0;
	last = (offset + bytes - 1) / 4;
	mutex_lock(&scu->lock);
	for (word = offset / 4; word <= last && word < scu->soc->words; word++) {
		if (test_bit(word, scu->refused)) {
			ret = -EACCES;
			break;
		}
	}
	mutex_unlock(&scu->lock);
	return ret;
}

/*
 * The state of the NVMEM device the core is adding a DT cell to, by the
 * device's name (imx-ocotpN, N the state's @id): the core gives a cell's
 * hook no other way to its provider.  The state is in scu_devs from before
 * nvmem_register() until it is released, after the device's cells.
 */
static void *scu_cell_owner(struct nvmem_device *nvmem)
{
	struct scu_dev *scu, *found = NULL;
	int id;

	if (sscanf(nvmem_dev_name(nvmem), "imx-ocotp%d", &id) != 1)
		return NULL;
	mutex_lock(&scu_devs_lock);
	list_for_each_entry(scu, &scu_devs, node) {
		if (scu->id == id) {
			found = scu;
			break;
		}
	}
	mutex_unlock(&scu_devs_lock);
	WARN_ON_ONCE(!found);
	return found;
}

OTP_NVMEM_WORD_CELLS(scu_word_cells, scu_read, scu_cell_check, scu_cell_owner)

/* Removal: the callbacks test @gone under the lock. */
static void scu_quiesce(struct otp_provider *prov)
{
	struct scu_dev *scu = container_of(prov, struct scu_dev, prov);

	mutex_lock(&scu->lock);
	mutex_unlock(&scu->lock);
}

static void scu_release(struct otp_provider *prov)
{
	struct scu_dev *scu = container_of(prov, struct scu_dev, prov);

	mutex_lock(&scu_devs_lock);
	if (!list_empty(&scu->node))
		list_del(&scu->node);
	mutex_unlock(&scu_devs_lock);
	if (scu->id >= 0)
		otp_provider_id_put(scu->id);
	bitmap_free(scu->failed_told);
	bitmap_free(scu->refused);
	mutex_destroy(&scu->lock);
	kfree(scu);
}

/**
 * otp_imx_scu_register() - register the fuses of an SCU part
 * @dev: the device (its node's cells become the NVMEM cells)
 * @fw: the firmware; must outlive the device's binding
 * @soc: the part, from otp_imx_scu_soc()
 * @read_only: no write path (the node has "read-only")
 *
 * Return: the NVMEM device or an ERR_PTR().
 */
struct nvmem_device *otp_imx_scu_register(struct device *dev,
					  const struct otp_imx_scu_fw *fw,
					  const struct otp_imx_scu_soc *soc,
					  bool read_only)
{
	struct nvmem_config cfg = { };
	struct scu_dev *scu;
	int id;

	scu = kzalloc(sizeof(*scu), GFP_KERNEL);
	if (!scu)
		return ERR_PTR(-ENOMEM);
	scu->prov.release = scu_release;
	scu->prov.quiesce = scu_quiesce;
	scu->dev = dev;
	scu->fw = fw;
	scu->soc = soc;
	mutex_init(&scu->lock);
	INIT_LIST_HEAD(&scu->node);
	scu->refused = bitmap_zalloc(soc->words, GFP_KERNEL);
	scu->failed_told = bitmap_zalloc(soc->words, GFP_KERNEL);
	scu->id = otp_provider_id_get();
	if (scu->id < 0 || !scu->refused || !scu->failed_told) {
		id = scu->id < 0 ? scu->id : -ENOMEM;
		scu_release(&scu->prov);
		return ERR_PTR(id);
	}
	mutex_lock(&scu_devs_lock);
	list_add(&scu->node, &scu_devs);
	mutex_unlock(&scu_devs_lock);

	cfg.dev = dev;
	cfg.name = "imx-ocotp";
	cfg.id = scu->id;
	cfg.owner = THIS_MODULE;
	cfg.type = NVMEM_TYPE_OTP;
	cfg.size = soc->words * 4;
	cfg.word_size = 1;
	cfg.stride = 1;
	cfg.priv = scu;
	cfg.read_only = read_only;
	if (!read_only)
		cfg.reg_write = scu_write;
	otp_nvmem_legacy_cells(&cfg);
	/*
	 * reg_read, and the cells read through it at 4 x their offset,
	 * failing when they cover a refused word
	 */
	scu_word_cells(&cfg);
	/* From here on @scu goes with the NVMEM device. */
	return otp_provider_register(dev, &cfg, &scu->prov);
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_scu_register);

/**
 * struct scu_platform_fw - the firmware as a board has it
 * @fw: the seam
 * @ipc: the imx-scu handle the RPCs go through
 */
struct scu_platform_fw {
	struct otp_imx_scu_fw fw;
	struct imx_sc_ipc *ipc;
};

static int scu_platform_call(const struct otp_imx_scu_fw *fw, u32 *msg)
{
	const struct scu_platform_fw *p =
		container_of(fw, struct scu_platform_fw, fw);

	return imx_scu_call_rpc(p->ipc, msg, true);
}

static unsigned long scu_platform_sip(const struct otp_imx_scu_fw *fw,
				      unsigned long fid, unsigned long a1,
				      unsigned long a2)
{
	struct arm_smccc_res res;

	arm_smccc_smc(fid, a1, a2, 0, 0, 0, 0, 0, &res);
	return res.a0;
}

/*
 * Programming needs a secure monitor to take the SMC: one the kernel found
 * through SMCCC 1.1, or, before it (SMCCC 1.0 firmware), the one the PSCI
 * node names with method "smc".  Without, an SMC would be an undefined
 * instruction; the fuses are then registered read-only.
 */
static bool scu_have_monitor(void)
{
	struct device_node *np;
	const char *method;
	bool smc = false;

	if (arm_smccc_1_1_get_conduit() == SMCCC_CONDUIT_SMC)
		return true;
	np = of_find_node_by_path("/psci");
	if (np && !of_property_read_string(np, "method", &method))
		smc = !strcmp(method, "smc");
	of_node_put(np);
	return smc;
}

static int scu_platform_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	const struct otp_imx_scu_soc *soc;
	struct scu_platform_fw *p;
	bool read_only;
	int ret;

	soc = device_get_match_data(dev);
	if (!soc) {
		dev_err(dev, "%pOF is no SCU OCOTP this driver knows: its compatible must be fsl,imx8qxp-scu-ocotp or fsl,imx8qm-scu-ocotp\n",
			dev->of_node);
		return -ENODEV;
	}
	p = devm_kzalloc(dev, sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	ret = imx_scu_get_handle(&p->ipc);
	if (ret)
		return dev_err_probe(dev, ret,
				     "no SCU firmware handle; the node must sit under the fsl,imx-scu system-controller\n");
	p->fw.call = scu_platform_call;
	p->fw.sip = scu_platform_sip;
	read_only = of_property_read_bool(dev->of_node, "read-only");
	if (!read_only && !scu_have_monitor()) {
		dev_info(dev, "%s fuses registered read-only: no secure monitor takes SMCs (SMCCC 1.1 or a PSCI node with method \"smc\"), and programming goes through TF-A\n",
			 soc->name);
		read_only = true;
	}
	return PTR_ERR_OR_ZERO(otp_imx_scu_register(dev, &p->fw, soc,
						    read_only));
}

static struct platform_driver otp_imx_scu_driver = {
	.probe = scu_platform_probe,
	.driver = {
		.name = "otp-imx-ocotp-scu",
		.of_match_table = scu_of_match,
	},
};

int otp_imx_scu_init(void)
{
	return platform_driver_register(&otp_imx_scu_driver);
}

void otp_imx_scu_exit(void)
{
	platform_driver_unregister(&otp_imx_scu_driver);
}
