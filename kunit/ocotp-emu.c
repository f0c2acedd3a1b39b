// SPDX-License-Identifier: GPL-2.0
/*
 * Register-level model of the i.MX On-Chip OTP controller.
 *
 * The model follows the reference manuals' description of the block: CTRL
 * with SET/CLR aliases, a WR_UNLOCK key that is consumed by every program
 * request, fuses that only ever gain bits, shadows that change only on a
 * reload, BUSY for a while after each request, and a sticky ERROR for
 * locked words and refused requests that blocks further requests until
 * software clears it.
 */

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "otp-compat.h"

#include "ocotp-emu.h"

#define EMU_CTRL		0x000
#define EMU_CTRL_SET		0x004
#define EMU_CTRL_CLR		0x008
#define EMU_TIMING		0x010
#define EMU_DATA0		0x020
#define EMU_DATA_STEP		0x010
#define EMU_SHADOW0		0x400
#define EMU_SHADOW_STEP		0x010

#define EMU_KEY_MASK		GENMASK(31, 16)
#define EMU_KEY			0x3e77

enum { EMU_IDLE, EMU_PROGRAM, EMU_RELOAD };

static u32 emu_addr_mask(const struct ocotp_emu *emu)
{
	return emu->cfg.mx8mp_ctrl ? GENMASK(8, 0) : GENMASK(7, 0);
}

/**
 * ocotp_emu_busy() - BUSY bit of the modelled CTRL layout
 * @emu: emulator
 *
 * Return: the bit mask.
 */
u32 ocotp_emu_busy(const struct ocotp_emu *emu)
{
	return emu->cfg.mx8mp_ctrl ? BIT(9) : BIT(8);
}

/**
 * ocotp_emu_error() - ERROR bit of the modelled CTRL layout
 * @emu: emulator
 *
 * Return: the bit mask.
 */
u32 ocotp_emu_error(const struct ocotp_emu *emu)
{
	return emu->cfg.mx8mp_ctrl ? BIT(10) : BIT(9);
}

static u32 emu_reload(const struct ocotp_emu *emu)
{
	return emu->cfg.mx8mp_ctrl ? BIT(11) : BIT(10);
}

/**
 * ocotp_emu_addr_shift() - position of CTRL.ADDR
 * @emu: emulator
 *
 * Return: the bit position of the address field (0 on every variant).
 */
u32 ocotp_emu_addr_shift(const struct ocotp_emu *emu)
{
	return __ffs(emu_addr_mask(emu));
}

static void emu_complete(struct ocotp_emu *emu)
{
	unsigned int i, n = emu->cfg.bank_words ?: 1;
	unsigned int first = emu->pending_addr * n;

	if (emu->pending == EMU_PROGRAM) {
		if (!emu->no_stick)
			for (i = 0; i < n; i++)
				emu->fuse[first + i] |= emu->pending_data[i];
		emu->programs++;
	} else if (emu->pending == EMU_RELOAD) {
		memcpy(emu->shadow, emu->fuse,
		       emu->cfg.nwords * sizeof(*emu->fuse));
		emu->ctrl &= ~emu_reload(emu);
		emu->reloads++;
	}
	emu->pending = EMU_IDLE;
	emu->ctrl &= ~ocotp_emu_busy(emu);
}

/* Every register access is one step of an operation in flight. */
static void emu_tick(struct ocotp_emu *emu)
{
	if (emu->pending == EMU_IDLE || emu->stuck_busy)
		return;
	if (emu->busy_left)
		emu->busy_left--;
	if (!emu->busy_left)
		emu_complete(emu);
}

static void emu_start(struct ocotp_emu *emu, int what)
{
	emu->pending = what;
	emu->ctrl |= ocotp_emu_busy(emu);
	emu->busy_left = emu->busy_cycles;
	if (!emu->busy_left && !emu->stuck_busy)
		emu_complete(emu);
}

static void emu_reject(struct ocotp_emu *emu)
{
	emu->ctrl |= ocotp_emu_error(emu);
	emu->rejected++;
}

/*
 * A new request is taken only when the controller is idle and ERROR is
 * clear, as on the silicon; a refused one is counted.
 */
static bool emu_accepts_request(struct ocotp_emu *emu)
{
	if (emu->pending != EMU_IDLE) {
		emu_reject(emu);
		return false;
	}
	if (emu->ctrl & ocotp_emu_error(emu)) {
		emu->rejected++;
		return false;
	}
	return true;
}

static void emu_request_reload(struct ocotp_emu *emu)
{
	if (!emu_accepts_request(emu))
		return;
	emu->ctrl |= emu_reload(emu);
	emu_start(emu, EMU_RELOAD);
}

static void emu_request_program(struct ocotp_emu *emu)
{
	unsigned int i, n = emu->cfg.bank_words ?: 1;
	u32 key = FIELD_GET(EMU_KEY_MASK, emu->ctrl);
	u32 addr = (emu->ctrl & emu_addr_mask(emu)) >> ocotp_emu_addr_shift(emu);
	unsigned int first = addr * n;

	/* The key unlocks exactly one request. */
	emu->ctrl &= ~EMU_KEY_MASK;

	if (!emu_accepts_request(emu))
		return;
	if (key != EMU_KEY || first + n > emu->cfg.nwords) {
		emu_reject(emu);
		return;
	}
	for (i = 0; i < n; i++) {
		if (emu->write_locked[first + i]) {
			emu_reject(emu);
			return;
		}
	}

	emu->pending_addr = addr;
	memcpy(emu->pending_data, emu->data, sizeof(emu->data));
	emu->last_addr = addr;
	memcpy(emu->last_data, emu->data, sizeof(emu->data));
	emu->last_timing = emu->timing;
	emu_start(emu, EMU_PROGRAM);
}

static int emu_shadow_index(const struct ocotp_emu *emu, unsigned int reg)
{
	if (reg < EMU_SHADOW0 || (reg - EMU_SHADOW0) % EMU_SHADOW_STEP)
		return -1;
	reg = (reg - EMU_SHADOW0) / EMU_SHADOW_STEP;
	return reg < emu->cfg.nwords ? reg : -1;
}

static int emu_data_index(const struct ocotp_emu *emu, unsigned int reg)
{
	unsigned int n = emu->cfg.bank_words ?: 1;

	if (reg < EMU_DATA0 || (reg - EMU_DATA0) % EMU_DATA_STEP)
		return -1;
	reg = (reg - EMU_DATA0) / EMU_DATA_STEP;
	return reg < n ? reg : -1;
}

/* Out of the block, or between registers: the silicon gives no answer. */
static bool emu_stray(struct ocotp_emu *emu, unsigned int reg)
{
	if (reg % 4 ||
	    reg > EMU_SHADOW0 + EMU_SHADOW_STEP * (emu->cfg.nwords - 1)) {
		emu->stray++;
		return true;
	}
	return false;
}

static u32 emu_reg_read(struct ocotp_emu *emu, unsigned int reg)
{
	int idx;

	emu_tick(emu);
	emu->reads++;
	if (emu_stray(emu, reg))
		return 0;

	switch (reg) {
	case EMU_CTRL:
	case EMU_CTRL_SET:
	case EMU_CTRL_CLR:
		return emu->ctrl;
	case EMU_TIMING:
		return emu->timing;
	}

	idx = emu_data_index(emu, reg);
	if (idx >= 0)
		return emu->data[idx];

	idx = emu_shadow_index(emu, reg);
	if (idx < 0)
		return 0;
	emu->shadow_reads++;
	if (emu->pending != EMU_IDLE)
		emu->busy_reads++;
	/* Until ERROR is cleared, no shadow read succeeds. */
	if (emu->ctrl & ocotp_emu_error(emu)) {
		emu->blocked_reads++;
		return OCOTP_EMU_LOCKED;
	}
	if (emu->read_locked[idx]) {
		emu->ctrl |= ocotp_emu_error(emu);
		return OCOTP_EMU_LOCKED;
	}
	return emu->shadow[idx];
}

static void emu_reg_write(struct ocotp_emu *emu, unsigned int reg, u32 val)
{
	u32 rw = emu_addr_mask(emu) | EMU_KEY_MASK;
	u32 status = ocotp_emu_busy(emu) | ocotp_emu_error(emu) |
		     emu_reload(emu);
	int idx;

	emu_tick(emu);
	emu->writes++;
	if (emu_stray(emu, reg))
		return;

	switch (reg) {
	case EMU_CTRL:
		emu->ctrl = (emu->ctrl & status) | (val & rw);
		if (val & emu_reload(emu))
			emu_request_reload(emu);
		return;
	case EMU_CTRL_SET:
		emu->ctrl |= val & (rw | ocotp_emu_error(emu));
		if (val & emu_reload(emu))
			emu_request_reload(emu);
		return;
	case EMU_CTRL_CLR:
		emu->ctrl &= ~(val & (rw | ocotp_emu_error(emu)));
		return;
	case EMU_TIMING:
		emu->timing = val;
		return;
	}

	idx = emu_data_index(emu, reg);
	if (idx >= 0) {
		emu->data[idx] = val;
		if (idx == 0)
			emu_request_program(emu);
		return;
	}

	/* Shadows are read-only; any other offset holds nothing to write. */
	if (emu_shadow_index(emu, reg) >= 0)
		emu->shadow_writes++;
	else
		emu->stray++;
}

static struct ocotp_emu *to_emu(const struct otp_imx_ocotp_io *io)
{
	return container_of(io, struct ocotp_emu, io);
}

static u32 emu_io_read(const struct otp_imx_ocotp_io *io, unsigned int reg)
{
	return emu_reg_read(to_emu(io), reg);
}

static void emu_io_write(const struct otp_imx_ocotp_io *io, unsigned int reg,
			 u32 val)
{
	emu_reg_write(to_emu(io), reg, val);
}

/* One register read per word, each with its side effects, as on the bus. */
static unsigned int emu_io_read_shadows(const struct otp_imx_ocotp_io *io,
					unsigned int first, unsigned int count,
					void *dst)
{
	struct ocotp_emu *emu = to_emu(io);
	unsigned int i;
	u32 v;

	emu->bulk_calls++;
	for (i = 0; i < count; i++) {
		v = emu_reg_read(emu, EMU_SHADOW0 + EMU_SHADOW_STEP * (first + i));
		put_unaligned_le32(v, (u8 *)dst + 4 * i);
		if (v == OCOTP_EMU_LOCKED)
			return i + 1;
	}
	return count;
}

/**
 * ocotp_emu_create() - allocate an emulator, all fuses blank
 * @dev: owner of the (device-managed) memory
 * @cfg: variant to model
 *
 * Return: the emulator or an ERR_PTR().
 */
struct ocotp_emu *ocotp_emu_create(struct device *dev,
				   const struct ocotp_emu_cfg *cfg)
{
	struct ocotp_emu *emu;

	emu = devm_kzalloc(dev, sizeof(*emu), GFP_KERNEL);
	if (!emu)
		return ERR_PTR(-ENOMEM);
	emu->cfg = *cfg;
	emu->io.read = emu_io_read;
	emu->io.write = emu_io_write;
	emu->io.read_shadows = emu_io_read_shadows;
	emu->fuse = devm_kcalloc(dev, cfg->nwords, sizeof(u32), GFP_KERNEL);
	emu->shadow = devm_kcalloc(dev, cfg->nwords, sizeof(u32), GFP_KERNEL);
	emu->read_locked = devm_kcalloc(dev, cfg->nwords, sizeof(bool),
					GFP_KERNEL);
	emu->write_locked = devm_kcalloc(dev, cfg->nwords, sizeof(bool),
					 GFP_KERNEL);
	if (!emu->fuse || !emu->shadow || !emu->read_locked ||
	    !emu->write_locked)
		return ERR_PTR(-ENOMEM);
	return emu;
}

/**
 * ocotp_emu_load() - set fuses and shadows as after a reset
 * @emu: emulator
 * @words: values; 0xbadabada marks a read- and write-locked word
 * @count: number of values, at most the number of fuse words
 */
void ocotp_emu_load(struct ocotp_emu *emu, const u32 *words,
		    unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count && i < emu->cfg.nwords; i++) {
		if (words[i] == OCOTP_EMU_LOCKED) {
			/* Some secret the software never gets to see. */
			emu->fuse[i] = 0x5ec00000 | i;
			emu->read_locked[i] = true;
			emu->write_locked[i] = true;
		} else {
			emu->fuse[i] = words[i];
		}
		emu->shadow[i] = emu->fuse[i];
	}
}
