// SPDX-License-Identifier: GPL-2.0
/*
 * Register-level model of the i.MX On-Chip OTP controller.
 *
 * The model follows the reference manuals' description of the block: CTRL
 * with SET/CLR aliases, a WR_UNLOCK key that is consumed by every program
 * request, fuses that only ever gain bits, shadows that change only on a
 * reload, BUSY for a while after each request, and a sticky ERROR for
 * locked words and refused requests that blocks further requests until
 * software clears it.  Programming a word whose region is write-locked in
 * the LOCK fuse word (fuse address 0) is refused with ERROR, as is a
 * CTRL.ADDR with no fuse behind it.
 *
 * Everything per SoC (which fuse addresses exist, where their shadows
 * sit, the LOCK word's regions) comes from the table below, with its own
 * sources, never from the driver's tables.
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
/* i.MX7ULP: PDN at 0x10, OUT_STATUS at 0x70 with SET/CLR at 0x74/0x78. */
#define EMU_ULP_OUT_STATUS	0x070
#define EMU_ULP_OUT_STATUS_SET	0x074
#define EMU_ULP_OUT_STATUS_CLR	0x078
#define EMU_ULP_DED		BIT(10)
/*
 * SW_STICKY: volatile locks of SRK_REVOKE (bit 1) and FIELD_RETURN (bit 2),
 * at 0x50 (Freescale's 2011 i.MX6Q OCOTP register header HW_OCOTP_SW_STICKY
 * and its SRK_REVOKE_LOCK / FIELD_RETURN_LOCK masks; MCUXpresso i.MX8MM
 * PERI_OCOTP.h).  The i.MX7D has four DATA registers at
 * 0x20..0x50 and its SW_STICKY at 0xB0 (NetBSD
 * sys/arch/arm/imx/imx7_ocotpreg.h OCOTP_SW_STICKY; U-Boot arch-mx7
 * imx-regs.h struct ocotp_regs).
 */
#define EMU_SW_STICKY		0x050
#define EMU_MX7_SW_STICKY	0x0b0

#define EMU_KEY_MASK		GENMASK(31, 16)
#define EMU_KEY			0x3e77

enum { EMU_IDLE, EMU_PROGRAM, EMU_RELOAD };

static u32 emu_addr_mask(const struct ocotp_emu *emu)
{
	return GENMASK(emu->cfg.addr_bits - 1, 0);
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

static unsigned int emu_prog_words(const struct ocotp_emu *emu)
{
	return emu->cfg.bank_program ? 4 : 1;
}

static unsigned int emu_sticky_reg(const struct ocotp_emu *emu)
{
	return emu->cfg.sticky_reg ?: EMU_SW_STICKY;
}

/* Whether @reg is SW_STICKY on this variant (which may lack one). */
static bool emu_is_sticky(const struct ocotp_emu *emu, unsigned int reg)
{
	return emu->cfg.field_return && reg == emu_sticky_reg(emu);
}

static void emu_complete(struct ocotp_emu *emu)
{
	unsigned int i, n = emu_prog_words(emu);
	unsigned int first = emu->pending_addr * n;

	if (emu->pending == EMU_PROGRAM) {
		if (!emu->no_stick)
			for (i = 0; i < n; i++)
				emu->fuse[first + i] |= emu->pending_data[i];
		emu->programs++;
	} else if (emu->pending == EMU_RELOAD) {
		memcpy(emu->shadow, emu->fuse, emu->naddrs * sizeof(*emu->fuse));
		emu->ctrl &= ~emu_reload(emu);
		emu->reloads++;
	}
	emu->pending = EMU_IDLE;
	emu->ctrl &= ~ocotp_emu_busy(emu);
}

/* Every register access is one step of an operation in flight. */
static void emu_tick(struct ocotp_emu *emu)
{
	if (emu->pending == EMU_IDLE || emu->stuck_busy ||
	    (emu->pending == EMU_RELOAD && emu->stuck_reload))
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
	if (!emu->busy_left && !emu->stuck_busy &&
	    !(what == EMU_RELOAD && emu->stuck_reload))
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

/**
 * ocotp_emu_region_locked() - LOCK fuse word write-protects a fuse address
 * @emu: emulator
 * @addr: fuse address
 *
 * Return: true when a write-lock field covering @addr is blown in fuse
 * word 0 (the fuse, not its shadow: the controller checks the fuses), or
 * SW_STICKY locks the word.
 */
bool ocotp_emu_region_locked(const struct ocotp_emu *emu, unsigned int addr)
{
	const struct ocotp_emu_lock *l;

	for (l = emu->cfg.locks; l && l->name; l++) {
		if (addr >= l->addr && addr < l->addr + l->count &&
		    (emu->fuse[0] & l->prog))
			return true;
	}
	if (!emu->cfg.field_return)
		return false;
	return (addr == emu->cfg.field_return && (emu->sw_sticky & BIT(2))) ||
	       (addr == emu->cfg.srk_revoke && (emu->sw_sticky & BIT(1)));
}

static void emu_request_program(struct ocotp_emu *emu)
{
	unsigned int i, n = emu_prog_words(emu);
	u32 key = FIELD_GET(EMU_KEY_MASK, emu->ctrl);
	u32 addr = (emu->ctrl & emu_addr_mask(emu)) >> ocotp_emu_addr_shift(emu);
	unsigned int first = addr * n;

	struct ocotp_emu_op *op;
	unsigned int nseq = emu->data_nseq;

	/* The key unlocks exactly one request. */
	emu->ctrl &= ~EMU_KEY_MASK;
	/* The next request's DATA writes are counted afresh. */
	emu->data_nseq = 0;

	if (!emu_accepts_request(emu))
		return;
	if (key != EMU_KEY || first + n > emu->naddrs) {
		emu_reject(emu);
		return;
	}
	/*
	 * Locks are checked for the words the request blows bits in: the
	 * i.MX7D's LOCK regions split banks (ANALOG is bank 3 words 2-3, GP1
	 * and GP2 the halves of bank 14, crucible IMX7D.yaml), so a lock of
	 * one half cannot stop the other.  Whether the silicon also refuses a
	 * request that holds 0 for a locked word of the bank is not in the
	 * sources used here (assumption: it does not).
	 */
	for (i = 0; i < n; i++) {
		if (n > 1 && !emu->data[i])
			continue;
		if (emu->write_locked[first + i] ||
		    ocotp_emu_region_locked(emu, first + i)) {
			emu_reject(emu);
			return;
		}
	}

	emu->pending_addr = addr;
	memcpy(emu->pending_data, emu->data, sizeof(emu->data));
	emu->last_addr = addr;
	memcpy(emu->last_data, emu->data, sizeof(emu->data));
	emu->last_timing = emu->timing;
	if (emu->nops < OCOTP_EMU_OPS) {
		op = &emu->ops[emu->nops++];
		op->addr = addr;
		memcpy(op->data, emu->data, sizeof(emu->data));
		memcpy(op->seq, emu->data_seq, sizeof(emu->data_seq));
		op->nseq = nseq;
		op->timing = emu->timing;
	}
	emu_start(emu, EMU_PROGRAM);
}

/**
 * ocotp_emu_shadow_reg() - register offset of a fuse word's shadow
 * @emu: emulator
 * @addr: fuse address
 *
 * Return: the offset, or -1 when the variant has no such fuse.
 */
int ocotp_emu_shadow_reg(const struct ocotp_emu *emu, unsigned int addr)
{
	unsigned int bw = emu->cfg.bank_words;

	if (addr >= emu->naddrs)
		return -1;
	return emu->cfg.bank_reg[addr / bw] + EMU_SHADOW_STEP * (addr % bw);
}

/* Fuse address whose shadow is at @reg, -1 for none. */
static int emu_shadow_index(const struct ocotp_emu *emu, unsigned int reg)
{
	unsigned int b, bw = emu->cfg.bank_words;

	for (b = 0; b < emu->cfg.banks; b++) {
		unsigned int base = emu->cfg.bank_reg[b];

		if (reg >= base && reg < base + EMU_SHADOW_STEP * bw &&
		    !((reg - base) % EMU_SHADOW_STEP))
			return b * bw + (reg - base) / EMU_SHADOW_STEP;
	}
	return -1;
}

/*
 * The i.MX9 fuse shadow block, as U-Boot maps it (drivers/misc/imx_ele/
 * fuse.c under CONFIG_ARCH_IMX9: FSB_OTP_SHADOW 0x8000, fsb_mapping_table):
 * shadow n, in order, holds banks 0-5 (eight words each), bank 6 (four
 * words), 260 shadows that hold no fuse, then banks 39-63.  The words of
 * U-Boot's ele_api_mapping_table (bank 7 word 7, banks 16-17, bank 22 word
 * 6, bank 23 word 4) are read through the enclave, never here.
 */
#define EMU_FSB0		0x8000
static const struct {
	s8 bank;	/* -1: shadows with no fuse */
	u16 words;
} emu_imx9_fsb[] = {
	{ 0, 8 }, { 1, 8 }, { 2, 8 }, { 3, 8 }, { 4, 8 }, { 5, 8 }, { 6, 4 },
	{ -1, 260 },
	{ 39, 8 }, { 40, 8 }, { 41, 8 }, { 42, 8 }, { 43, 8 }, { 44, 8 },
	{ 45, 8 }, { 46, 8 }, { 47, 8 }, { 48, 8 }, { 49, 8 }, { 50, 8 },
	{ 51, 8 }, { 52, 8 }, { 53, 8 }, { 54, 8 }, { 55, 8 }, { 56, 8 },
	{ 57, 8 }, { 58, 8 }, { 59, 8 }, { 60, 8 }, { 61, 8 }, { 62, 8 },
	{ 63, 8 },
};

/* The fuse (bank * 8 + word) behind FSB shadow @n, -1 for none. */
static int emu_fsb_fuse(unsigned int n)
{
	unsigned int i, first = 0;

	for (i = 0; i < ARRAY_SIZE(emu_imx9_fsb); i++) {
		if (n < first + emu_imx9_fsb[i].words)
			return emu_imx9_fsb[i].bank < 0 ? -1 :
			       8 * emu_imx9_fsb[i].bank + (n - first);
		first += emu_imx9_fsb[i].words;
	}
	return -1;
}

/**
 * ocotp_emu_fsb_serves() - a fuse word has a shadow in the FSB
 * @emu: emulator of an FSB part
 * @addr: fuse address (bank * 8 + word)
 *
 * Return: true when a shadow of the block holds it.
 */
bool ocotp_emu_fsb_serves(const struct ocotp_emu *emu, unsigned int addr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(emu_imx9_fsb); i++)
		if (emu_imx9_fsb[i].bank >= 0 &&
		    addr / 8 == emu_imx9_fsb[i].bank &&
		    addr % 8 < emu_imx9_fsb[i].words)
			return true;
	return false;
}

/*
 * The i.MX95: what NXP's vendor kernel reads from the block
 * (nxp-imx/linux-imx drivers/nvmem/imx-ocotp-fsb-s400.c,
 * fsb_s400_fuse_read() for IMX95): shadow n holds fuse word n; words 0, 7,
 * 9-11, 36-37 and 317-318 carry ECC, their fuse in bits 15:0 ("& 0xffff");
 * 12-35, 38-51, 320-326 and 328-511 are read whole; every other word (the
 * enclave's 63, 128-143 and 188 included) is not read from the block.
 * Written as that code lists them, first and last word of each run.
 */
#define EMU95_ECC	1
#define EMU95_WHOLE	2
static const struct {
	u16 first, last;
	u8 kind;
} emu_imx95_reads[] = {
	{ 0, 0, EMU95_ECC }, { 7, 7, EMU95_ECC }, { 9, 11, EMU95_ECC },
	{ 12, 35, EMU95_WHOLE }, { 36, 37, EMU95_ECC }, { 38, 51, EMU95_WHOLE },
	{ 317, 318, EMU95_ECC }, { 320, 326, EMU95_WHOLE },
	{ 328, 511, EMU95_WHOLE },
};

static unsigned int emu_imx95_kind(unsigned int n)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(emu_imx95_reads); i++)
		if (n >= emu_imx95_reads[i].first && n <= emu_imx95_reads[i].last)
			return emu_imx95_reads[i].kind;
	return 0;
}

/**
 * ocotp_emu_fsb_expect() - what a reader of fuse word @addr must get
 * @emu: emulator of an FSB part
 * @addr: fuse address (bank * 8 + word)
 *
 * Return: on the i.MX93 the fuse where the block has a shadow for it;
 * on the i.MX95 the fuse, or its bits 15:0 for an ECC word; 0 elsewhere.
 */
u32 ocotp_emu_fsb_expect(const struct ocotp_emu *emu, unsigned int addr)
{
	if (!emu->cfg.fsb95)
		return ocotp_emu_fsb_serves(emu, addr) ? emu->fuse[addr] : 0;
	switch (emu_imx95_kind(addr)) {
	case EMU95_ECC:
		return emu->fuse[addr] & 0xffff;
	case EMU95_WHOLE:
		return emu->fuse[addr];
	default:
		return 0;
	}
}

/* FSB read: the shadow's fuse, or a hole read (0xdeadbeef) where none. */
static u32 emu_fsb_read(struct ocotp_emu *emu, unsigned int reg)
{
	int fuse;

	if (reg < EMU_FSB0 || reg % 4 || reg >= EMU_FSB0 + 4 * emu->naddrs) {
		emu->stray++;
		return 0;
	}
	if (emu->cfg.fsb95) {
		fuse = emu_imx95_kind((reg - EMU_FSB0) / 4) ?
		       (reg - EMU_FSB0) / 4 : -1;
	} else {
		fuse = emu_fsb_fuse((reg - EMU_FSB0) / 4);
	}
	if (fuse < 0) {
		emu->hole_reads++;
		return 0xdeadbeef;
	}
	emu->shadow_reads++;
	return emu->fuse[fuse];
}

/* The highest register offset of the block the variant decodes. */
static unsigned int emu_last_reg(const struct ocotp_emu *emu)
{
	unsigned int b, last = 0;

	for (b = 0; b < emu->cfg.banks; b++)
		last = max_t(unsigned int, last, emu->cfg.bank_reg[b] +
			     EMU_SHADOW_STEP * (emu->cfg.bank_words - 1));
	return last;
}

static int emu_data_index(const struct ocotp_emu *emu, unsigned int reg)
{
	unsigned int n = emu_prog_words(emu);

	if (reg < EMU_DATA0 || (reg - EMU_DATA0) % EMU_DATA_STEP)
		return -1;
	reg = (reg - EMU_DATA0) / EMU_DATA_STEP;
	return reg < n ? reg : -1;
}

/* Out of the block, or between registers: the silicon gives no answer. */
static bool emu_stray(struct ocotp_emu *emu, unsigned int reg)
{
	if (reg % 4 || reg > emu_last_reg(emu)) {
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
	if (emu->cfg.fsb)
		return emu_fsb_read(emu, reg);
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
	if (emu->cfg.ulp && reg >= EMU_ULP_OUT_STATUS &&
	    reg <= EMU_ULP_OUT_STATUS_CLR)
		return emu->out_status;
	if (emu_is_sticky(emu, reg))
		return emu->sw_sticky;

	idx = emu_data_index(emu, reg);
	if (idx >= 0)
		return emu->data[idx];

	idx = emu_shadow_index(emu, reg);
	if (idx < 0) {
		if (reg >= EMU_SHADOW0)
			emu->hole_reads++;
		return 0;
	}
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
	if (emu->cfg.ulp && emu->ded[idx])
		emu->out_status |= EMU_ULP_DED;
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
	/* The FSB has no register a write reaches. */
	if (emu->cfg.fsb) {
		emu->stray++;
		return;
	}
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
		emu->timing_writes++;
		return;
	}
	if (emu_is_sticky(emu, reg)) {
		emu->sw_sticky |= val;
		return;
	}
	if (emu->cfg.ulp && reg == EMU_ULP_OUT_STATUS_SET) {
		emu->out_status |= val;
		return;
	}
	if (emu->cfg.ulp && reg == EMU_ULP_OUT_STATUS_CLR) {
		emu->out_status &= ~val;
		return;
	}

	idx = emu_data_index(emu, reg);
	if (idx >= 0) {
		/*
		 * An i.MX7D driver that writes DATA0 (which starts the
		 * operation) before DATA1..3 lands here with BUSY set.
		 */
		if (emu->pending != EMU_IDLE)
			emu->busy_data_writes++;
		emu->data[idx] = val;
		if (emu->data_nseq < OCOTP_EMU_DATA_SEQ)
			emu->data_seq[emu->data_nseq] = idx;
		emu->data_nseq++;
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

/*
 * One register read per word, each with its side effects, as on the bus,
 * and the acknowledge write the caller asked for after each word that
 * reads @ack->on.
 */
static void emu_io_read_shadows(const struct otp_imx_ocotp_io *io,
				unsigned int reg, unsigned int count, void *dst,
				const struct otp_imx_ocotp_ack *ack)
{
	struct ocotp_emu *emu = to_emu(io);
	unsigned int i;
	u32 v;

	for (i = 0; i < count; i++) {
		v = emu_reg_read(emu, reg + EMU_SHADOW_STEP * i);
		put_unaligned_le32(v, (u8 *)dst + 4 * i);
		if (v == ack->on)
			emu_reg_write(emu, ack->reg, ack->val);
	}
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
	unsigned int n = cfg->banks * cfg->bank_words;

	emu = devm_kzalloc(dev, sizeof(*emu), GFP_KERNEL);
	if (!emu)
		return ERR_PTR(-ENOMEM);
	emu->cfg = *cfg;
	emu->naddrs = n;
	emu->io.read = emu_io_read;
	emu->io.write = emu_io_write;
	emu->io.read_shadows = emu_io_read_shadows;
	emu->fuse = devm_kcalloc(dev, n, sizeof(u32), GFP_KERNEL);
	emu->shadow = devm_kcalloc(dev, n, sizeof(u32), GFP_KERNEL);
	emu->read_locked = devm_kcalloc(dev, n, sizeof(bool), GFP_KERNEL);
	emu->write_locked = devm_kcalloc(dev, n, sizeof(bool), GFP_KERNEL);
	emu->ded = devm_kcalloc(dev, n, sizeof(bool), GFP_KERNEL);
	if (!emu->fuse || !emu->shadow || !emu->read_locked ||
	    !emu->write_locked || !emu->ded)
		return ERR_PTR(-ENOMEM);
	return emu;
}

/**
 * ocotp_emu_load() - set fuses and shadows as after a reset
 * @emu: emulator
 * @words: values by fuse address; 0xbadabada marks a read- and
 *	write-locked word
 * @count: number of values; fuse addresses past the variant's are ignored
 */
void ocotp_emu_load(struct ocotp_emu *emu, const u32 *words,
		    unsigned int count)
{
	unsigned int i;

	for (i = 0; i < count && i < emu->naddrs; i++) {
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

/*
 * The variants.  Fuse addresses are the reference manuals' bank * words +
 * word (what CTRL.ADDR selects).  Shadow placement, from the manuals'
 * OCOTP memory maps as these sources reproduce them:
 *  - i.MX6Q/DL/SX: Freescale's OCOTP register header (2011, i.MX6Q family):
 *    banks 0-5 from HW_OCOTP_LOCK 0x400, HDCP_KEY0 (bank 6) at 0x800, CRC0
 *    (bank 15) at 0xD00; NXP i.MX6 Platform SDK mx6dq regsocotp.h for banks
 *    0-5.
 *  - i.MX6UL: usbarmory/crucible IMX6UL.yaml (i.MX6UL RM Rev. 1): a gap
 *    after Bank5 Word7 (0x6F0), Bank6 Word0 at 0x800, no further gap.
 *  - i.MX6ULL/6SLL: i.MX6ULL RM Rev. 1 memory map: eight banks of eight,
 *    ROM_PATCH0 (bank 6) at 0x800, GP3_0..GP4_3 (bank 7) at 0x880-0x8F0.
 *  - i.MX6SL: NXP i.MX6 Platform SDK mx6sl regsocotp.h: GP_HI7 at 0x7F0,
 *    no gap.
 *  - i.MX7D, i.MX7ULP, i.MX8M: one run from 0x400 (crucible IMX7D.yaml and
 *    NXP MCUXpresso PERI_OCOTP.h register lists; i.MX7ULP RM bank count
 *    as U-Boot's arch-mx7ulp struct ocotp_regs lays out 31 banks).
 * LOCK fields: generated from the crucible fuse maps and the i.MX6 SDK
 * (tests/gen-ocotp-emu-locks.py, ocotp-emu-locks.h), not from the
 * driver's tables.  The i.MX8MN has no public map of its own; it takes
 * the i.MX8MM's (MCUXpresso's i.MX8MN PERI_OCOTP.h places its words so,
 * and the fields the i.MX8MM map adds have no words there).
 * SW_STICKY words: i.MX6 bank 5 words 6 and 7 (FIELD_RETURN, SRK_REVOKE);
 * i.MX7D and i.MX8M bank 8 word 3 (FIELD_RETURN, NetBSD imx7_ocotpreg.h
 * shadow 0x630) and bank 9 word 3 (SRK_REVOKE, shadow 0x670), crucible
 * IMX7D.yaml and IMX8MM.yaml.
 */
#include "ocotp-emu-locks.h"

/* The generated LOCK fields of @compatible, NULL for a part without. */
static const struct ocotp_emu_lock *emu_locks_of(const char *compatible)
{
	unsigned int i;

	/* No map of its own: the i.MX8MM's, whose words its header gives. */
	if (!strcmp(compatible, "fsl,imx8mn-ocotp"))
		compatible = "fsl,imx8mm-ocotp";
	for (i = 0; i < ARRAY_SIZE(emu_gen_locks); i++)
		if (!strcmp(emu_gen_locks[i].compatible, compatible))
			return emu_gen_locks[i].locks;
	return NULL;
}

static const struct ocotp_emu_cfg emu_variants[] = {
	{
		.compatible = "fsl,imx6q-ocotp",
		.field_return = 46, .srk_revoke = 47, .banks = 16, .bank_words = 8,
		.bank_reg = { 0x400, 0x480, 0x500, 0x580, 0x600, 0x680,
			      0x800, 0x880, 0x900, 0x980, 0xa00, 0xa80,
			      0xb00, 0xb80, 0xc00, 0xd00 },
		.addr_bits = 7,
	}, {
		.compatible = "fsl,imx6sx-ocotp",
		.field_return = 46, .srk_revoke = 47, .banks = 16, .bank_words = 8,
		.bank_reg = { 0x400, 0x480, 0x500, 0x580, 0x600, 0x680,
			      0x800, 0x880, 0x900, 0x980, 0xa00, 0xa80,
			      0xb00, 0xb80, 0xc00, 0xd00 },
		.addr_bits = 7,
	}, {
		.compatible = "fsl,imx6sl-ocotp",
		.field_return = 46, .srk_revoke = 47, .banks = 8, .bank_words = 8,
		.bank_reg = { 0x400, 0x480, 0x500, 0x580, 0x600, 0x680,
			      0x700, 0x780 },
		.addr_bits = 7,
	}, {
		.compatible = "fsl,imx6ul-ocotp",
		.field_return = 46, .srk_revoke = 47, .banks = 16, .bank_words = 8,
		.bank_reg = { 0x400, 0x480, 0x500, 0x580, 0x600, 0x680,
			      0x800, 0x880, 0x900, 0x980, 0xa00, 0xa80,
			      0xb00, 0xb80, 0xc00, 0xc80 },
		.addr_bits = 7,
	}, {
		.compatible = "fsl,imx6ull-ocotp",
		.field_return = 46, .srk_revoke = 47, .banks = 8, .bank_words = 8,
		.bank_reg = { 0x400, 0x480, 0x500, 0x580, 0x600, 0x680,
			      0x800, 0x880 },
		.addr_bits = 7,
	}, {
		.compatible = "fsl,imx6sll-ocotp",
		.field_return = 46, .srk_revoke = 47, .banks = 8, .bank_words = 8,
		.bank_reg = { 0x400, 0x480, 0x500, 0x580, 0x600, 0x680,
			      0x800, 0x880 },
		.addr_bits = 7,
	}, {
		.compatible = "fsl,imx7d-ocotp", .banks = 16, .bank_words = 4,
		.addr_bits = 4, .bank_program = true,
		.field_return = 35, .srk_revoke = 39,
		.sticky_reg = EMU_MX7_SW_STICKY,
	}, {
		.compatible = "fsl,imx7ulp-ocotp", .banks = 31,
		.bank_words = 8, .addr_bits = 8, .ulp = true,
	}, {
		.compatible = "fsl,imx8mq-ocotp",
		.field_return = 35, .srk_revoke = 39, .banks = 64, .bank_words = 4,
		.addr_bits = 8,
	}, {
		.compatible = "fsl,imx8mm-ocotp",
		.field_return = 35, .srk_revoke = 39, .banks = 64, .bank_words = 4,
		.addr_bits = 8,
	}, {
		.compatible = "fsl,imx8mn-ocotp",
		.field_return = 35, .srk_revoke = 39, .banks = 64, .bank_words = 4,
		.addr_bits = 8,
	}, {
		/*
		 * i.MX93: U-Boot's ARCH_IMX9 map; i.MX95: NXP's kernel's
		 * reads; 64 banks of 8.
		 */
		.compatible = "fsl,imx93-ocotp", .banks = 64, .bank_words = 8,
		.fsb = true,
	}, {
		.compatible = "fsl,imx95-ocotp", .banks = 64, .bank_words = 8,
		.fsb = true, .fsb95 = true,
	}, {
		.compatible = "fsl,imx8mp-ocotp",
		.field_return = 35, .srk_revoke = 39, .banks = 96, .bank_words = 4,
		.addr_bits = 9, .mx8mp_ctrl = true,
	},
};

/**
 * ocotp_emu_variant() - the model of a SoC
 * @compatible: its DT compatible
 *
 * Return: the variant, with the bank bases of the one-run parts filled in
 * (0x400 + 0x10 * words per bank * bank), or NULL.
 */
const struct ocotp_emu_cfg *ocotp_emu_variant(const char *compatible)
{
	static struct ocotp_emu_cfg filled[ARRAY_SIZE(emu_variants)];
	unsigned int i, b;

	for (i = 0; i < ARRAY_SIZE(emu_variants); i++) {
		if (strcmp(emu_variants[i].compatible, compatible))
			continue;
		filled[i] = emu_variants[i];
		filled[i].locks = emu_locks_of(compatible);
		if (!filled[i].bank_reg[0])
			for (b = 0; b < filled[i].banks; b++)
				filled[i].bank_reg[b] = EMU_SHADOW0 +
					EMU_SHADOW_STEP * filled[i].bank_words * b;
		return &filled[i];
	}
	return NULL;
}
