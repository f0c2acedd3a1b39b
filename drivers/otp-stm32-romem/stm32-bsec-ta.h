/* SPDX-License-Identifier: GPL-2.0 */
/*
 * OP-TEE BSEC pseudo-TA backend of the STM32 OTP provider (inside the
 * otp-stm32-romem module).
 */
#ifndef OTP_STM32_BSEC_TA_H
#define OTP_STM32_BSEC_TA_H

#include <linux/bits.h>
#include <linux/err.h>
#include <linux/types.h>

struct device;
struct device_node;
struct otp_stm32_ta;

/* What a board's DT calls its OP-TEE node */
#define OTP_STM32_OPTEE_COMPAT		"linaro,optee-tz"

/* Access types of the read command (OP-TEE pta_stm32mp_bsec.h) */
#define OTP_STM32_TA_SHADOW		0
#define OTP_STM32_TA_LOCKS		2

/* Lock flags of the LOCKS access, one word per OTP word */
#define OTP_STM32_TA_LOCK_PERM		BIT(30)
#define OTP_STM32_TA_LOCK_SHADOW_R	BIT(29)
#define OTP_STM32_TA_LOCK_SHADOW_W	BIT(28)
#define OTP_STM32_TA_LOCK_SHADOW_P	BIT(27)
#define OTP_STM32_TA_LOCK_ERROR		BIT(26)

#if IS_ENABLED(CONFIG_TEE)
struct device_node *otp_stm32_optee_node(void);
struct otp_stm32_ta *otp_stm32_ta_open(struct device *dev, unsigned int words,
				       u32 *tee_result);
void otp_stm32_ta_close(struct otp_stm32_ta *ta);
void otp_stm32_ta_free(struct otp_stm32_ta *ta);
int otp_stm32_ta_read(struct otp_stm32_ta *ta, unsigned int word,
		      unsigned int count, u32 access, void *dst);
unsigned long otp_stm32_ta_invocations(struct otp_stm32_ta *ta);
#else
/* A kernel without the TEE core cannot reach OP-TEE. */
static inline struct device_node *otp_stm32_optee_node(void)
{
	return NULL;
}

static inline struct otp_stm32_ta *otp_stm32_ta_open(struct device *dev,
						     unsigned int words,
						     u32 *tee_result)
{
	*tee_result = 0;
	return ERR_PTR(-EOPNOTSUPP);
}

static inline void otp_stm32_ta_close(struct otp_stm32_ta *ta)
{
}

static inline void otp_stm32_ta_free(struct otp_stm32_ta *ta)
{
}

static inline int otp_stm32_ta_read(struct otp_stm32_ta *ta, unsigned int word,
				    unsigned int count, u32 access, void *dst)
{
	return -EIO;
}

static inline unsigned long otp_stm32_ta_invocations(struct otp_stm32_ta *ta)
{
	return 0;
}
#endif

#endif /* OTP_STM32_BSEC_TA_H */
