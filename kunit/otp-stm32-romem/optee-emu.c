// SPDX-License-Identifier: GPL-2.0
/*
 * Emulated OP-TEE with the STM32MP BSEC pseudo-TA.
 *
 * It registers a TEE device with the kernel's TEE core, so the provider
 * under test goes through the real client API (contexts, sessions, shared
 * memory, invocations) and only the secure world is make-believe.  The
 * pseudo-TA follows OP-TEE's core/pta/stm32mp/bsec_pta.c as documented in
 * lib/libutee/include/pta_stm32mp_bsec.h (optee_os d5001fe0): sessions
 * only for the REE kernel login, command 0 reads OTP words with value[0]
 * = (byte offset, access type) and memref[1] = the output buffer; a word
 * closed to the normal world reads 0 (shadow access), fails the read
 * (fuse access) or reports the error flag (lock access).
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include "otp-compat.h"
#include "optee-emu.h"

/* The pseudo-TA's identity, written down independently of the driver. */
static const u8 emu_pta_uuid[16] = {
	0x94, 0xcf, 0x71, 0xad,		/* time_low */
	0x80, 0xe6,			/* time_mid */
	0x40, 0xb5,			/* time_hi_and_version */
	0xa7, 0xc6,			/* clock_seq */
	0x3d, 0xc5, 0x01, 0xeb, 0x28, 0x03,	/* node */
};

#define EMU_LOGIN_REE_KERNEL	0x80000000
#define EMU_CMD_READ		0
#define EMU_ACCESS_SHADOW	0
#define EMU_ACCESS_FUSE		1
#define EMU_ACCESS_LOCKS	2

static struct optee_emu *emu_of(struct tee_context *ctx)
{
	return tee_get_drvdata(ctx->teedev);
}

static void emu_get_version(struct tee_device *teedev,
			    struct tee_ioctl_version_data *vers)
{
	vers->impl_id = TEE_IMPL_ID_OPTEE;
	vers->impl_caps = TEE_OPTEE_CAP_TZ;
	vers->gen_caps = TEE_GEN_CAP_GP;
}

static int emu_open(struct tee_context *ctx)
{
	return 0;
}

static void emu_release(struct tee_context *ctx)
{
}

static int emu_open_session(struct tee_context *ctx,
			    struct tee_ioctl_open_session_arg *arg,
			    struct tee_param *param)
{
	struct optee_emu *emu = emu_of(ctx);

	mutex_lock(&emu->lock);
	if (memcmp(arg->uuid, emu_pta_uuid, sizeof(emu_pta_uuid)))
		arg->ret = OPTEE_EMU_ITEM_NOT_FOUND;
	else if (emu->no_bsec_pta)
		arg->ret = emu->no_bsec_pta;
	else if (arg->clnt_login != EMU_LOGIN_REE_KERNEL || emu->refuse_session)
		arg->ret = OPTEE_EMU_ACCESS_DENIED;
	else
		arg->ret = OPTEE_EMU_SUCCESS;
	if (!arg->ret) {
		arg->session = ++emu->next_session;
		emu->sessions_opened++;
	}
	mutex_unlock(&emu->lock);
	return 0;
}

static int emu_close_session(struct tee_context *ctx, u32 session)
{
	struct optee_emu *emu = emu_of(ctx);

	mutex_lock(&emu->lock);
	emu->sessions_closed++;
	mutex_unlock(&emu->lock);
	return 0;
}

/**
 * optee_emu_visible() - what a shadow read of a word gives the normal world
 * @emu: emulator
 * @word: OTP word
 *
 * Return: the word, or 0 when OP-TEE keeps it to the secure world.
 */
u32 optee_emu_visible(const struct optee_emu *emu, unsigned int word)
{
	if (word < emu->lower || test_bit(word, emu->open))
		return emu->otp[word];
	return 0;
}

/* The pseudo-TA's read command; returns a TEE result. */
static u32 emu_read(struct optee_emu *emu, struct tee_param *param)
{
	u32 first, count, access, word, *buf;
	bool open;

	static const u64 want[] = {
		TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT,
		TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT,
	};

	if (param[0].attr != want[0] || param[1].attr != want[1] ||
	    !param[1].u.memref.shm)
		return OPTEE_EMU_BAD_PARAMETERS;
	first = param[0].u.value.a;
	access = param[0].u.value.b;
	count = param[1].u.memref.size;
	if (first % 4 || count % 4 || !count ||
	    first / 4 + count / 4 > emu->words ||
	    param[1].u.memref.shm_offs + count > param[1].u.memref.shm->size)
		return OPTEE_EMU_BAD_PARAMETERS;
	if (emu->short_buffer) {
		param[1].u.memref.size = count + 4;
		return OPTEE_EMU_SHORT_BUFFER;
	}
	buf = tee_shm_get_va(param[1].u.memref.shm,
			     param[1].u.memref.shm_offs);
	if (IS_ERR(buf))
		return OPTEE_EMU_BAD_PARAMETERS;

	first /= 4;
	count /= 4;
	for (word = first; word < first + count; word++) {
		open = word < emu->lower || test_bit(word, emu->open);
		switch (access) {
		case EMU_ACCESS_SHADOW:
			buf[word - first] = open ? emu->otp[word] : 0;
			break;
		case EMU_ACCESS_FUSE:
			if (!open)
				return OPTEE_EMU_ACCESS_DENIED;
			buf[word - first] = emu->otp[word];
			break;
		case EMU_ACCESS_LOCKS:
			buf[word - first] = open ? emu->locks[word] :
						   OPTEE_EMU_LOCK_ERROR;
			break;
		default:
			return OPTEE_EMU_BAD_PARAMETERS;
		}
	}
	emu->words_served += count;
	return OPTEE_EMU_SUCCESS;
}

static int emu_invoke_func(struct tee_context *ctx,
			   struct tee_ioctl_invoke_arg *arg,
			   struct tee_param *param)
{
	struct optee_emu *emu = emu_of(ctx);
	int ret = 0;

	mutex_lock(&emu->lock);
	emu->invocations++;
	if (emu->invoke_errno)
		ret = emu->invoke_errno;
	else if (emu->invoke_result)
		arg->ret = emu->invoke_result;
	else if (!arg->session || arg->session > emu->next_session)
		arg->ret = OPTEE_EMU_ITEM_NOT_FOUND;
	else if (arg->func != EMU_CMD_READ || arg->num_params != 2)
		arg->ret = OPTEE_EMU_NOT_SUPPORTED;
	else
		arg->ret = emu_read(emu, param);
	if (!ret && arg->ret)
		emu->bad_calls++;
	mutex_unlock(&emu->lock);
	return ret;
}

static const struct tee_driver_ops emu_ops = {
	.get_version = emu_get_version,
	.open = emu_open,
	.release = emu_release,
	.open_session = emu_open_session,
	.close_session = emu_close_session,
	.invoke_func = emu_invoke_func,
};

static const struct tee_desc emu_desc = {
	.name = "otp-optee-emu",
	.ops = &emu_ops,
	.owner = THIS_MODULE,
};

/* Shared memory: plain kernel memory, nothing to register. */
static int emu_pool_alloc(struct tee_shm_pool *pool, struct tee_shm *shm,
			  size_t size, size_t align)
{
	shm->kaddr = kzalloc(size, GFP_KERNEL);
	if (!shm->kaddr)
		return -ENOMEM;
	shm->size = size;
	shm->paddr = 0;
	return 0;
}

static void emu_pool_free(struct tee_shm_pool *pool, struct tee_shm *shm)
{
	kfree(shm->kaddr);
	shm->kaddr = NULL;
}

static void emu_pool_destroy(struct tee_shm_pool *pool)
{
}

static const struct tee_shm_pool_ops emu_pool_ops = {
	.alloc = emu_pool_alloc,
	.free = emu_pool_free,
	.destroy_pool = emu_pool_destroy,
};

static struct tee_shm_pool emu_pool = {
	.ops = &emu_pool_ops,
};

/**
 * optee_emu_init() - set up an emulator with an all-zero OTP image
 * @emu: zeroed memory for it
 * @words: OTP words of the modelled BSEC, at most OPTEE_EMU_MAX_WORDS
 * @lower: words always open to the normal world
 *
 * Return: 0, or -EINVAL for an impossible geometry.
 */
int optee_emu_init(struct optee_emu *emu, unsigned int words,
		   unsigned int lower)
{
	if (words > OPTEE_EMU_MAX_WORDS || lower > words)
		return -EINVAL;
	emu->words = words;
	emu->lower = lower;
	mutex_init(&emu->lock);
	return 0;
}

/**
 * optee_emu_register() - make the emulated OP-TEE visible to TEE clients
 * @emu: emulator
 * @dev: parent of the TEE device (the linaro,optee-tz platform device)
 *
 * Return: 0 or a negative errno.
 */
int optee_emu_register(struct optee_emu *emu, struct device *dev)
{
	int ret;

	emu->teedev = tee_device_alloc(&emu_desc, dev, &emu_pool, emu);
	if (IS_ERR(emu->teedev)) {
		ret = PTR_ERR(emu->teedev);
		emu->teedev = NULL;
		return ret;
	}
	ret = tee_device_register(emu->teedev);
	if (ret) {
		tee_device_unregister(emu->teedev);
		emu->teedev = NULL;
	}
	return ret;
}

/**
 * optee_emu_unregister() - remove the TEE device
 * @emu: emulator
 *
 * Waits until every client context is closed, like the real driver.
 */
void optee_emu_unregister(struct optee_emu *emu)
{
	tee_device_unregister(emu->teedev);
	emu->teedev = NULL;
}
