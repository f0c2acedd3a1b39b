/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the supported kernels (Debian 6.1 and 6.12)
 * that the OTP providers and their KUnit suites care about lives here.
 */
#ifndef OTP_COMPAT_H
#define OTP_COMPAT_H

#include <linux/version.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>

/*
 * Since 6.7 the nvmem core only parses fixed-layout cells that sit directly
 * under the provider node when the provider asks for it; older cores always
 * do.  The field does not exist before that, hence the version check (a
 * struct member cannot be probed from the preprocessor).
 */
static inline void otp_nvmem_legacy_cells(struct nvmem_config *cfg)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	cfg->add_legacy_fixed_of_cells = true;
#endif
}

#ifdef CONFIG_OF_OVERLAY
#include <linux/of_fdt.h>
/*
 * of_overlay_fdt_apply() gained a base-node argument in 6.6; NULL keeps
 * target-path absolute.
 */
static inline int otp_overlay_apply(const void *fdt, u32 size, int *ovcs_id)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
	return of_overlay_fdt_apply(fdt, size, ovcs_id, NULL);
#else
	return of_overlay_fdt_apply(fdt, size, ovcs_id);
#endif
}
#endif

#endif /* OTP_COMPAT_H */
