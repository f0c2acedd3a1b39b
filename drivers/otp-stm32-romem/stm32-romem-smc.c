// SPDX-License-Identifier: GPL-2.0
/*
 * otp-stm32-romem: the ways to the secure monitor's SiP service (SMCCC
 * 1.1 smc or hvc, SMCCC 1.0 through the PSCI node's method, or none).
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
const struct otp_stm32_secure_ops *otp_stm32_call_setup(void)
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
