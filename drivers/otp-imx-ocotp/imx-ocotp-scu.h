/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The i.MX8QXP/8QM fuse provider's one seam: the System Controller
 * firmware (SCFW).  Reads are SCFW RPCs, carried by the kernel's own
 * imx-scu driver; programming is a SiP call to the secure monitor (TF-A),
 * which forwards it to the SCFW.  The platform driver plugs in both; the
 * KUnit suite plugs in the real imx-scu over a mailbox it registers, and
 * an emulated SiP service.
 */
#ifndef OTP_IMX_OCOTP_SCU_H
#define OTP_IMX_OCOTP_SCU_H

#include <linux/types.h>

struct device;
struct nvmem_device;
struct otp_imx_scu_soc;

/**
 * struct otp_imx_scu_fw - way to the System Controller firmware
 * @call: send the RPC @msg (its header word gives its size, at most 8
 *	words) and wait for the reply, which the firmware writes over @msg
 *	(room for 8 words).  Returns 0 or the -errno the transport makes of
 *	the firmware's error code (imx_scu_call_rpc()).
 * @sip: issue SiP function @fid with @a1 and @a2 to the secure monitor and
 *	return its a0, untouched.
 *
 * Each callback gets the fw pointer back, so an implementation embeds the
 * struct in its own context.  What a reply or an a0 means is the
 * provider's business.
 */
struct otp_imx_scu_fw {
	int (*call)(const struct otp_imx_scu_fw *fw, u32 *msg);
	unsigned long (*sip)(const struct otp_imx_scu_fw *fw, unsigned long fid,
			     unsigned long a1, unsigned long a2);
};

#define OTP_IMX_SCU_MSG_WORDS	8

struct nvmem_device *otp_imx_scu_register(struct device *dev,
					  const struct otp_imx_scu_fw *fw,
					  const struct otp_imx_scu_soc *soc,
					  bool read_only);
const struct otp_imx_scu_soc *otp_imx_scu_soc(const char *compatible);

#if IS_ENABLED(CONFIG_IMX_SCU)
int otp_imx_scu_init(void);
void otp_imx_scu_exit(void);
#else
/* A kernel without the imx-scu driver has no way to the SCU parts' fuses. */
static inline int otp_imx_scu_init(void)
{
	return 0;
}

static inline void otp_imx_scu_exit(void)
{
}
#endif

#endif /* OTP_IMX_OCOTP_SCU_H */
