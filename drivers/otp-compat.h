/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the supported kernels (Debian 6.1, 6.12, 7.2)
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

/*
 * OTP_NVMEM_CELL_FIXUP(setup, match, fix) defines
 *	static void setup(struct nvmem_config *cfg)
 * which makes the nvmem core run
 *	int fix(void *priv, void *buf, size_t bytes)
 * on what a consumer's read of a cell returns when
 *	bool match(const char *id)
 * holds for the name the consumer asked for the cell by (its
 * nvmem-cell-names entry, e.g. "mac-address" for a node named
 * "mac-addr@88").  Reads through sysfs name no consumer (@id is NULL) and
 * get the cell's bytes as they are.  The id reaches the provider through
 * the read_post_process hook the core (6.7+) lets it hang on each DT cell
 * (fixup_dt_cell_info), which is hung on every cell, since which consumer
 * will ask is not known then; before 6.7, through the provider-wide
 * cell_post_process hook.  Neither hook carries data of its own, hence the
 * generated adaptors.
 */
#ifdef OTP_HAVE_NVMEM_FIXUP_DT_CELL
#define OTP_NVMEM_CELL_FIXUP(setup, match, fix)				\
static int setup##_read(void *priv, const char *id, int index,		\
			unsigned int offset, void *buf, size_t bytes)	\
{									\
	return match(id) ? fix(priv, buf, bytes) : 0;			\
}									\
static void setup##_cell(struct nvmem_device *nvmem,			\
			 struct nvmem_cell_info *cell)			\
{									\
	cell->read_post_process = setup##_read;				\
}									\
static void setup(struct nvmem_config *cfg)				\
{									\
	cfg->fixup_dt_cell_info = setup##_cell;				\
}
#else
#define OTP_NVMEM_CELL_FIXUP(setup, match, fix)				\
static int setup##_read(void *priv, const char *id,			\
			unsigned int offset, void *buf, size_t bytes)	\
{									\
	return match(id) ? fix(priv, buf, bytes) : 0;			\
}									\
static void setup(struct nvmem_config *cfg)				\
{									\
	cfg->cell_post_process = setup##_read;				\
}
#endif

/*
 * OTP_NVMEM_WORD_CELLS(setup, read, check, cell_priv) defines
 *	static void setup(struct nvmem_config *cfg)
 * which makes
 *	int read(void *priv, unsigned int offset, void *buf, size_t bytes)
 * the provider's reg_read, for a provider whose device-tree cells give a
 * word's index as their offset while it has word N at bytes 4N..4N+3:
 * each such cell reads from 4 x its offset.  A cell read (a consumer's,
 * or a cells/ file) then has to pass
 *	int check(void *priv, unsigned int offset, size_t bytes)
 * on the bytes it has just read through @read, at 4 x the cell's offset;
 * a non-zero return fails the cell read with that errno, while a read of
 * the whole device (the nvmem file, nvmem_device_read()) never gets there.
 * Since 6.7 the core lets the provider move each DT cell once and hang a
 * read_post_process hook on it (fixup_dt_cell_info); that hook gets the
 * cell's own priv, which
 *	void *cell_priv(struct nvmem_device *nvmem)
 * gives it while the core adds the cell (the core hands a cell hook no
 * provider data of its own).  Before, the provider-wide cell_post_process
 * hook reads the cell again from 4 x its offset, after the core has read
 * it at its offset, and checks that read.
 */
#ifdef OTP_HAVE_NVMEM_FIXUP_DT_CELL
#define OTP_NVMEM_WORD_CELLS(setup, read, check, cell_priv)		\
static int setup##_post(void *priv, const char *id, int index,		\
			unsigned int offset, void *buf, size_t bytes)	\
{									\
	return check(priv, offset, bytes);				\
}									\
static void setup##_cell(struct nvmem_device *nvmem,			\
			 struct nvmem_cell_info *cell)			\
{									\
	cell->offset *= 4;						\
	cell->read_post_process = setup##_post;				\
	cell->priv = cell_priv(nvmem);					\
}									\
static void setup(struct nvmem_config *cfg)				\
{									\
	cfg->reg_read = read;						\
	cfg->fixup_dt_cell_info = setup##_cell;				\
}
#else
#define OTP_NVMEM_WORD_CELLS(setup, read, check, cell_priv)		\
static const nvmem_reg_read_t setup##_reg = read;			\
static int setup##_read(void *priv, const char *id,			\
			unsigned int offset, void *buf, size_t bytes)	\
{									\
	int ret = setup##_reg(priv, offset * 4, buf, bytes);		\
									\
	return ret ?: check(priv, offset * 4, bytes);			\
}									\
static void setup(struct nvmem_config *cfg)				\
{									\
	(void)cell_priv; /* the hook gets the provider's priv */	\
	cfg->reg_read = setup##_reg;					\
	cfg->cell_post_process = setup##_read;				\
}
#endif

/*
 * A platform driver's void remove callback goes in .remove since 6.11; the
 * kernels before (Debian's 6.1 included) take it in .remove_new.
 */
#ifdef OTP_HAVE_VOID_PLATFORM_REMOVE
#define otp_void_remove remove
#else
#define otp_void_remove remove_new
#endif

/*
 * Binary sysfs attributes are const in attribute groups and their
 * callbacks since 6.13 (7.x): otp_bin_attribute is what a group lists.
 */
#ifdef OTP_HAVE_CONST_BIN_ATTRS
#define otp_bin_attribute const struct bin_attribute
#else
#define otp_bin_attribute struct bin_attribute
#endif

/*
 * device_find_child() hands its match function const data since 6.14
 * (7.x); before, the data is not const.
 */
#ifdef OTP_HAVE_CONST_FIND_CHILD_DATA
#define otp_find_child_data const void
#else
#define otp_find_child_data void
#endif

/*
 * __platform_driver_register() takes the module's name too in 7.x; a
 * driver registered on behalf of no module (the KUnit harnesses) passes
 * NULL for both.
 */
#ifdef OTP_HAVE_PLATFORM_REGISTER_MODNAME
#define otp_platform_driver_register_unowned(drv)			\
	__platform_driver_register(drv, NULL, NULL)
#else
#define otp_platform_driver_register_unowned(drv)			\
	__platform_driver_register(drv, NULL)
#endif

/*
 * A KUnit parameter generator is handed the test too since 6.17 (7.x):
 *	static const void *gen(OTP_KUNIT_GEN_ARGS)
 */
#ifdef OTP_HAVE_KUNIT_GEN_PARAMS_TEST
#define OTP_KUNIT_GEN_ARGS struct kunit *test, const void *prev, char *desc
#else
#define OTP_KUNIT_GEN_ARGS const void *prev, char *desc
#endif

/*
 * Symbol namespaces are string literals since 6.13 (7.x); before, bare
 * names the macros stringify.
 */
#ifdef OTP_HAVE_STRING_NAMESPACES
#define OTP_IMPORT_KUNIT_NS() MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#else
#define OTP_IMPORT_KUNIT_NS() MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#endif

/*
 * The TEE core's provider-side API (tee_device_alloc(), struct tee_desc,
 * shared memory pools) moved from linux/tee_drv.h to linux/tee_core.h in
 * 6.10; the client API stays in linux/tee_drv.h.
 */
#if IS_ENABLED(CONFIG_TEE)
#ifdef OTP_HAVE_TEE_CORE_H
#include <linux/tee_core.h>
#endif
#include <linux/tee_drv.h>
#endif

#endif /* OTP_COMPAT_H */
