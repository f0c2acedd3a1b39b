// SPDX-License-Identifier: GPL-2.0
/*
 * otp-imx-ocotp: the LOCK fuse word and SW_STICKY, as rules on their
 * values: which fuse words a write may not touch, and the debugfs view of
 * what each lock field blocks.  Nothing here touches the hardware.
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/seq_file.h>

#include "imx-ocotp.h"

/*
 * What each kind of field stops, as masks of the field's own bits (bit 0
 * its lowest); @width gives all its bits.
 */
static const struct {
	u8 prog, shadow, read, width;
} ocotp_lock_kinds[] = {
	[OCOTP_LK_PAIR] = { .prog = 1, .shadow = 2, .width = 2 },
	[OCOTP_LK_ONE] = { .prog = 1, .shadow = 1, .width = 1 },
	[OCOTP_LK_ONE_READ] = { .prog = 1, .shadow = 1, .read = 1, .width = 1 },
	[OCOTP_LK_CRC] = { .prog = 3, .shadow = 1, .read = 2, .width = 2 },
	[OCOTP_LK_SHADOW] = { .shadow = 1, .width = 1 },
	[OCOTP_LK_READ] = { .read = 1, .width = 1 },
	[OCOTP_LK_NONE] = { .width = 1 },
};

/* The LOCK word bits of @f: that stop programming, shadow writes, reads; all. */
static u32 ocotp_field_prog(const struct ocotp_lock_field *f)
{
	return (u32)ocotp_lock_kinds[f->kind].prog << f->shift;
}

static u32 ocotp_field_shadow(const struct ocotp_lock_field *f)
{
	return (u32)ocotp_lock_kinds[f->kind].shadow << f->shift;
}

static u32 ocotp_field_read(const struct ocotp_lock_field *f)
{
	return (u32)ocotp_lock_kinds[f->kind].read << f->shift;
}

static u32 ocotp_field_all(const struct ocotp_lock_field *f)
{
	return GENMASK(ocotp_lock_kinds[f->kind].width - 1, 0) << f->shift;
}

/* Whether @f has a public region and @addr is in it. */
static bool ocotp_field_covers(const struct ocotp_lock_field *f,
			       unsigned int addr)
{
	return f->count && addr >= f->addr && addr - f->addr < f->count;
}

/*
 * The bits of @lockword that refuse every word no placed field covers:
 * those in no field, and those that stop programming of a field with no
 * public region.
 */
static u32 ocotp_lock_unplaced(const struct ocotp_soc *soc, u32 lockword)
{
	const struct ocotp_lock_field *f;
	u32 known = 0, unplaced = 0;

	for (f = soc->locks; f->name; f++) {
		known |= ocotp_field_all(f);
		if (!f->count)
			unplaced |= ocotp_field_prog(f);
	}
	return lockword & (~known | unplaced);
}

/**
 * ocotp_write_lock() - is a fuse word write-locked?
 * @ocotp: controller
 * @pos: word position, for the log
 * @addr: its fuse address
 * @lockword: the LOCK fuse word
 * @sticky: the SW_STICKY register
 *
 * Return: 0, or -EPERM (logged with the lock that refuses the word).
 */
int ocotp_write_lock(struct ocotp_dev *ocotp, unsigned int pos,
		     unsigned int addr, u32 lockword, u32 sticky)
{
	const struct ocotp_soc *soc = ocotp->soc;
	const struct ocotp_lock_field *f;
	const struct ocotp_sticky *st;
	bool placed = false;
	u32 unplaced;

	if (addr == OCOTP_LOCK_ADDR)
		return 0;
	for (f = soc->locks; f->name; f++) {
		if (!ocotp_field_covers(f, addr))
			continue;
		placed = true;
		if (lockword & ocotp_field_prog(f)) {
			dev_err(ocotp->dev, "offset %#x is in the %s region, write-locked by LOCK fuse bit %u; nothing written, leave it out of the write\n",
				4 * pos, f->name,
				(unsigned int)__ffs(lockword & ocotp_field_prog(f)));
			return -EPERM;
		}
	}
	for (st = soc->sticky; st && st->name; st++) {
		if (addr == st->addr && (sticky & BIT(st->bit))) {
			dev_err(ocotp->dev, "offset %#x (%s) is write-locked by SW_STICKY bit %u until the next power-on reset; nothing written\n",
				4 * pos, st->name, st->bit);
			return -EPERM;
		}
	}
	unplaced = ocotp_lock_unplaced(soc, lockword);
	if (!placed && unplaced) {
		dev_err(ocotp->dev, "offset %#x is in no documented lock region and LOCK fuse bits %#x, whose regions are not public, are set; nothing written\n",
			4 * pos, unplaced);
		return -EPERM;
	}
	return 0;
}

/* The word position of fuse address @addr, -1 where no word shows it. */
static int ocotp_addr_pos(const struct ocotp_soc *soc, unsigned int addr)
{
	const struct ocotp_span *sp;

	for (sp = soc->spans; sp->count; sp++)
		if (addr >= sp->addr && addr - sp->addr < sp->count)
			return sp->pos + (addr - sp->addr);
	return -1;
}

/* What the bits @set of a field stop, as the debugfs view says it. */
static void ocotp_locks_blocked(struct seq_file *s, u32 set, u32 prog,
				u32 shadow, u32 read)
{
	const char *sep = "";

	if (set & prog) {
		seq_puts(s, "programming");
		sep = ", ";
	}
	if (set & shadow) {
		seq_printf(s, "%sshadow writes", sep);
		sep = ", ";
	}
	if (set & read)
		seq_printf(s, "%sreads", sep);
	if (!(set & (prog | shadow | read)))
		seq_putc(s, '-');
}

/* Fuse words and offsets of a region, or that none is public. */
static void ocotp_locks_region(struct seq_file *s, const struct ocotp_soc *soc,
			       unsigned int addr, unsigned int count)
{
	int first = ocotp_addr_pos(soc, addr);
	int last = ocotp_addr_pos(soc, addr + count - 1);
	char fuses[12], offsets[16];

	if (!count) {
		seq_printf(s, "%-9s %-13s ", "?", "not public");
		return;
	}
	if (count == 1) {
		snprintf(fuses, sizeof(fuses), "%u", addr);
		snprintf(offsets, sizeof(offsets), "0x%03x", 4 * first);
	} else {
		snprintf(fuses, sizeof(fuses), "%u-%u", addr, addr + count - 1);
		snprintf(offsets, sizeof(offsets), "0x%03x-0x%03x", 4 * first,
			 4 * last);
	}
	seq_printf(s, "%-9s %-13s ", fuses, offsets);
}

/**
 * ocotp_locks_print() - the lock state, one line per lock region
 * @s: where to print
 * @soc: the SoC
 * @lockword: the LOCK fuse word
 * @sticky: the SW_STICKY register (0 where the SoC has none)
 * @unreadable: the LOCK word is read-locked (@lockword is not its value)
 *
 * For each field of the LOCK word: its bits, the fuse words it guards
 * (fuse addresses as CTRL.ADDR counts them, NVMEM offsets of their first
 * and last word), its value, and what it blocks now (programming, shadow
 * writes, reads); then LOCK bits whose meaning or region is not public,
 * and the SW_STICKY locks.
 */
void ocotp_locks_print(struct seq_file *s, const struct ocotp_soc *soc,
		       u32 lockword, u32 sticky, bool unreadable)
{
	const struct ocotp_lock_field *f;
	const struct ocotp_sticky *st;
	u32 unplaced;

	seq_printf(s, "%s LOCK fuse word (fuse word 0, offset 0x000): ",
		   soc->name);
	if (unreadable) {
		seq_puts(s, "read-locked: write locks unknown, every write refused\n");
		return;
	}
	seq_printf(s, "0x%08x\n", lockword);
	if (!soc->locks) {
		seq_printf(s, "read-only here: %s\n", soc->no_prog);
		return;
	}
	seq_printf(s, "lock map: %s\n", soc->lock_src);
	seq_printf(s, "%-6s %-16s %-9s %-13s %-4s %s\n", "bits", "field",
		   "fuses", "offsets", "set", "blocked now");
	for (f = soc->locks; f->name; f++) {
		u32 all = ocotp_field_all(f), set = lockword & all;
		unsigned int lo = __ffs(all), hi = __fls(all);

		if (hi == lo)
			seq_printf(s, "%-6u ", lo);
		else
			seq_printf(s, "%2u:%-3u ", hi, lo);
		seq_printf(s, "%-16s ", f->name);
		ocotp_locks_region(s, soc, f->addr, f->count);
		seq_printf(s, "%-4x ", set >> lo);
		if (!f->count && (set & ocotp_field_prog(f)))
			seq_puts(s, "programming of every word outside the regions listed");
		else
			ocotp_locks_blocked(s, set, ocotp_field_prog(f),
					    ocotp_field_shadow(f),
					    ocotp_field_read(f));
		seq_putc(s, '\n');
	}
	unplaced = ocotp_lock_unplaced(soc, lockword);
	if (unplaced)
		seq_printf(s, "LOCK bits 0x%08x, whose regions are not public, are set: programming of every word outside the regions listed is refused\n",
			   unplaced);
	if (!soc->sticky)
		return;
	seq_printf(s, "SW_STICKY (register 0x%03x): 0x%08x, until the next power-on reset\n",
		   soc->sticky_reg, sticky);
	for (st = soc->sticky; st->name; st++) {
		seq_printf(s, "%-6u %-16s ", st->bit, st->name);
		ocotp_locks_region(s, soc, st->addr, 1);
		seq_printf(s, "%-4u ", !!(sticky & BIT(st->bit)));
		seq_puts(s, sticky & BIT(st->bit) ? "programming\n" : "-\n");
	}
}
