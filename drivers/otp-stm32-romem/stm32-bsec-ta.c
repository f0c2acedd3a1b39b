// SPDX-License-Identifier: GPL-2.0
/*
 * OP-TEE backend of the STM32 OTP provider: the BSEC pseudo-TA, reached
 * through the kernel's TEE client API.
 *
 * One TEE context and one session are kept while the device is bound, and
 * a whole NVMEM read is one invocation for the range of words it covers.
 * Keeping them is safe because the device is made a consumer of the OP-TEE
 * device (a device link): OP-TEE cannot go away, which would wait for
 * every context to be closed, before this device has been unbound.  The
 * unbind closes them under the session lock; the struct itself stays until
 * the OTP block is freed, so that a late reader finds it closed.
 *
 * PTA ABI: OP-TEE lib/libutee/include/pta_stm32mp_bsec.h and
 * core/pta/stm32mp/bsec_pta.c (optee_os d5001fe0): a read of a word that
 * OP-TEE does not open to the normal world returns 0 for the shadow
 * access and PTA_BSEC_LOCK_ERROR for the lock access.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tee_drv.h>
#include <linux/uuid.h>

#include "stm32-bsec-ta.h"

/* The BSEC pseudo-TA's identity (PTA_BSEC_UUID), parsed at open time. */
static const char bsec_ta_uuid[] = "94cf71ad-80e6-40b5-a7c6-3dc501eb2803";

#define BSEC_TA_CMD_READ_OTP	0
#define BSEC_TA_NUM_PARAMS	2

/**
 * struct otp_stm32_ta - an open session with the BSEC pseudo-TA
 * @dev: the OTP device, for the log
 * @ctx: TEE context
 * @shm: shared buffer, as large as the whole OTP area
 * @session: session id
 * @lock: serialises the use of @shm and the closing
 * @closed: the device was unbound; the context is closed
 * @invocations: invocations made so far
 */
struct otp_stm32_ta {
	struct device *dev;
	struct tee_context *ctx;
	struct tee_shm *shm;
	u32 session;
	struct mutex lock; /* one invocation at a time on @shm */
	bool closed;
	unsigned long invocations;
};

static int otp_stm32_ta_match(struct tee_ioctl_version_data *ver,
			      const void *data)
{
	return ver->impl_id == TEE_IMPL_ID_OPTEE;
}

/**
 * otp_stm32_ta_close() - close a session with the pseudo-TA
 * @ta: the session; closing it again does nothing
 *
 * Waits for the invocation in flight; later reads get -ENODEV.  Called when
 * the OTP device is unbound, before OP-TEE itself may go.
 */
void otp_stm32_ta_close(struct otp_stm32_ta *ta)
{
	mutex_lock(&ta->lock);
	if (!ta->closed) {
		ta->closed = true;
		tee_shm_free(ta->shm);
		tee_client_close_session(ta->ctx, ta->session);
		tee_client_close_context(ta->ctx);
	}
	mutex_unlock(&ta->lock);
}

/**
 * otp_stm32_ta_free() - close a session if needed, and free it
 * @ta: a session returned by otp_stm32_ta_open(), that no reader can reach
 */
void otp_stm32_ta_free(struct otp_stm32_ta *ta)
{
	otp_stm32_ta_close(ta);
	mutex_destroy(&ta->lock);
	kfree(ta);
}

/**
 * otp_stm32_optee_node() - the board's OP-TEE node, if its DT has one
 *
 * Return: the first available node compatible with OTP_STM32_OPTEE_COMPAT,
 * with a reference the caller puts, or NULL.
 */
struct device_node *otp_stm32_optee_node(void)
{
	struct device_node *np;

	for_each_compatible_node(np, NULL, OTP_STM32_OPTEE_COMPAT)
		if (of_device_is_available(np))
			return np;
	return NULL;
}

/* Bind @dev's lifetime to the OP-TEE device described in the DT, if any. */
static int otp_stm32_ta_link(struct device *dev)
{
	struct device_node *optee = otp_stm32_optee_node();
	struct platform_device *tee;
	struct device_link *link;

	tee = optee ? of_find_device_by_node(optee) : NULL;
	of_node_put(optee);
	if (!tee)
		return 0;
	link = device_link_add(dev, &tee->dev, DL_FLAG_AUTOREMOVE_CONSUMER);
	put_device(&tee->dev);
	if (!link) {
		dev_err(dev, "cannot link to the OP-TEE device %s\n",
			dev_name(&tee->dev));
		return -EINVAL;
	}
	return 0;
}

/**
 * otp_stm32_ta_open() - open a session with the BSEC pseudo-TA
 * @dev: OTP device, made a consumer of the OP-TEE device
 * @words: number of OTP words the device has
 * @tee_result: receives OP-TEE's answer when it refuses the session
 *
 * Return: the session, which the caller closes with otp_stm32_ta_close()
 * when @dev is unbound and frees with otp_stm32_ta_free() once no reader
 * can reach it, ERR_PTR(-EPROBE_DEFER) while no OP-TEE device is
 * registered yet, ERR_PTR(-EOPNOTSUPP) (not logged: the caller decides
 * what it costs) when OP-TEE has no BSEC pseudo-TA and refuses the
 * session, or another ERR_PTR() (logged).
 */
struct otp_stm32_ta *otp_stm32_ta_open(struct device *dev, unsigned int words,
				       u32 *tee_result)
{
	struct tee_ioctl_open_session_arg arg = { };
	struct otp_stm32_ta *ta;
	uuid_t ta_id;
	int ret;

	ta = kzalloc(sizeof(*ta), GFP_KERNEL);
	if (!ta)
		return ERR_PTR(-ENOMEM);
	ta->dev = dev;
	mutex_init(&ta->lock);

	ta->ctx = tee_client_open_context(NULL, otp_stm32_ta_match, NULL, NULL);
	if (IS_ERR(ta->ctx)) {
		ret = PTR_ERR(ta->ctx);
		if (ret == -ENOENT)
			ret = dev_err_probe(dev, -EPROBE_DEFER,
					    "waiting for OP-TEE's TEE device\n");
		else
			dev_err(dev, "cannot open an OP-TEE context (%d)\n", ret);
		goto free;
	}

	ret = uuid_parse(bsec_ta_uuid, &ta_id);
	if (ret)
		goto close_context;
	export_uuid(arg.uuid, &ta_id);
	arg.clnt_login = TEE_IOCTL_LOGIN_REE_KERNEL;
	ret = tee_client_open_session(ta->ctx, &arg, NULL);
	if (ret < 0) {
		dev_err(dev, "cannot open a session with OP-TEE (%d)\n", ret);
		goto close_context;
	}
	/*
	 * OP-TEE before 3.20 (the pseudo-TA's first release), or built
	 * without CFG_STM32_BSEC_PTA, answers TEE_ERROR_ITEM_NOT_FOUND; any
	 * refusal means the same to us: no pseudo-TA for this client.
	 */
	if (arg.ret) {
		*tee_result = arg.ret;
		ret = -EOPNOTSUPP;
		goto close_context;
	}
	ta->session = arg.session;

	ta->shm = tee_shm_alloc_kernel_buf(ta->ctx, 4 * words);
	if (IS_ERR(ta->shm)) {
		ret = PTR_ERR(ta->shm);
		dev_err(dev, "cannot allocate %u bytes of OP-TEE shared memory (%d)\n",
			4 * words, ret);
		tee_client_close_session(ta->ctx, ta->session);
		goto close_context;
	}

	ret = otp_stm32_ta_link(dev);
	if (ret) {
		otp_stm32_ta_free(ta);
		return ERR_PTR(ret);
	}
	return ta;

close_context:
	tee_client_close_context(ta->ctx);
free:
	mutex_destroy(&ta->lock);
	kfree(ta);
	return ERR_PTR(ret);
}

/**
 * otp_stm32_ta_read() - read OTP words through the pseudo-TA
 * @ta: session
 * @word: first word
 * @count: number of words, within the buffer given to otp_stm32_ta_open()
 * @access: OTP_STM32_TA_SHADOW or OTP_STM32_TA_LOCKS
 * @dst: receives @count words, least significant byte first
 *
 * One invocation.  Nothing is stored unless it succeeded.
 *
 * Return: 0, -ENODEV once the device has been unbound, or -EIO (logged,
 * rate limited) when OP-TEE failed.
 */
int otp_stm32_ta_read(struct otp_stm32_ta *ta, unsigned int word,
		      unsigned int count, u32 access, void *dst)
{
	/* value[0]: (byte offset, access type); memref[1]: the words. */
	struct tee_param param[BSEC_TA_NUM_PARAMS] = {
		{
			.attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT,
			.u.value = { .a = 4 * word, .b = access },
		}, {
			.attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT,
			.u.memref = { .shm = ta->shm, .size = 4 * count },
		},
	};
	struct tee_ioctl_invoke_arg arg = {
		.func = BSEC_TA_CMD_READ_OTP,
		.session = ta->session,
		.num_params = BSEC_TA_NUM_PARAMS,
	};
	void *buf;
	int ret;

	mutex_lock(&ta->lock);
	if (ta->closed) {
		mutex_unlock(&ta->lock);
		return -ENODEV;
	}
	ta->invocations++;
	ret = tee_client_invoke_func(ta->ctx, &arg, param);
	buf = tee_shm_get_va(ta->shm, 0);
	if (ret < 0 || arg.ret || param[1].u.memref.size != 4 * count ||
	    IS_ERR(buf)) {
		mutex_unlock(&ta->lock);
		dev_err_ratelimited(ta->dev, "OP-TEE BSEC read of words %u..%u failed (%d, TEE result 0x%x); nothing returned\n",
				    word, word + count - 1, ret, arg.ret);
		return -EIO;
	}
	memcpy(dst, buf, 4 * count);
	mutex_unlock(&ta->lock);
	return 0;
}

/**
 * otp_stm32_ta_invocations() - invocations made through a session
 * @ta: session
 *
 * Return: the count.
 */
unsigned long otp_stm32_ta_invocations(struct otp_stm32_ta *ta)
{
	return READ_ONCE(ta->invocations);
}
