/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the supported kernels (Debian 6.1 and 6.12)
 * that the OTP providers and their KUnit suites care about lives here.
 */
#ifndef OTP_COMPAT_H
#define OTP_COMPAT_H

/*
 * Kbuild probes the kernel's headers for the features below and passes
 * OTP_HAVE_* flags; building without it would silently pick wrong paths.
 */
#ifndef OTP_FEATURES_PROBED
#error "build through this project's Kbuild: it probes the kernel for OTP_HAVE_* features"
#endif
#include <linux/nvmem-provider.h>
#include <linux/of.h>

/* The unaligned access helpers moved from asm/ to linux/ in 6.12. */
#ifdef OTP_HAVE_LINUX_UNALIGNED_H
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * Newer nvmem cores (6.7+) only parse fixed-layout cells that sit directly
 * under the provider node when the provider asks for it; older cores always
 * do and have no such field.
 */
static inline void otp_nvmem_legacy_cells(struct nvmem_config *cfg)
{
#ifdef OTP_HAVE_NVMEM_LEGACY_CELLS
	cfg->add_legacy_fixed_of_cells = true;
#endif
}

#ifdef CONFIG_OF_OVERLAY
#include <linux/of_fdt.h>
/*
 * of_overlay_fdt_apply() gained a base-node argument (6.6+); NULL keeps
 * target-path absolute.
 */
static inline int otp_overlay_apply(const void *fdt, u32 size, int *ovcs_id)
{
#ifdef OTP_HAVE_OVERLAY_TARGET_BASE
	return of_overlay_fdt_apply(fdt, size, ovcs_id, NULL);
#else
	return of_overlay_fdt_apply(fdt, size, ovcs_id);
#endif
}
#endif

/* ---- begin otp-imx-ocotp: byte-reversed MAC address cells ---- */
#include <linux/if_ether.h>
#include <linux/minmax.h>
#include <linux/string.h>

/*
 * The i.MX8M fuses hold the MAC address last byte first.  The provider asks
 * for cells named "mac-address" to be reversed on every cell read.  Before
 * 6.7 the core calls one provider-wide cell_post_process hook with the
 * consumer's cell id; since then the provider fixes up each DT cell and
 * hangs a read_post_process hook on the ones it cares about.
 */
static inline void otp_mac_cell_reverse(void *data, size_t bytes)
{
	u8 *buf = data;
	size_t i, n = min_t(size_t, bytes, ETH_ALEN);

	for (i = 0; i < n / 2; i++)
		swap(buf[i], buf[n - 1 - i]);
}

#ifdef OTP_HAVE_NVMEM_FIXUP_DT_CELL
static inline int otp_mac_cell_post_process(void *priv, const char *id,
					    int index, unsigned int offset,
					    void *buf, size_t bytes)
{
	otp_mac_cell_reverse(buf, bytes);
	return 0;
}

static inline void otp_mac_cell_fixup(struct nvmem_device *nvmem,
				      struct nvmem_cell_info *cell)
{
	if (cell->name && !strcmp(cell->name, "mac-address"))
		cell->read_post_process = otp_mac_cell_post_process;
}

/**
 * otp_nvmem_reversed_mac_cells() - reverse "mac-address" cells on read
 * @cfg: provider configuration, before registration
 */
static inline void otp_nvmem_reversed_mac_cells(struct nvmem_config *cfg)
{
	cfg->fixup_dt_cell_info = otp_mac_cell_fixup;
}
#else
static inline int otp_mac_cell_post_process(void *priv, const char *id,
					    unsigned int offset, void *buf,
					    size_t bytes)
{
	if (id && !strcmp(id, "mac-address"))
		otp_mac_cell_reverse(buf, bytes);
	return 0;
}

/**
 * otp_nvmem_reversed_mac_cells() - reverse "mac-address" cells on read
 * @cfg: provider configuration, before registration
 */
static inline void otp_nvmem_reversed_mac_cells(struct nvmem_config *cfg)
{
	cfg->cell_post_process = otp_mac_cell_post_process;
}
#endif
/* ---- end otp-imx-ocotp ---- */

#endif /* OTP_COMPAT_H */
