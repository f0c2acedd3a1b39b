/* SPDX-License-Identifier: GPL-2.0 */
/*
 * otp-imx-ocotp, private to the module: the registers, the SoC
 * description (struct ocotp_soc, filled in by imx-ocotp-socs.c), one
 * controller instance, the register accessors every file reads through,
 * and the calls between the module's files.  The files call downwards
 * only: imx-ocotp-main.c (bus glue, the platform drivers) -> imx-ocotp.c
 * (the controller) and imx-ocotp-scu.c -> imx-ocotp-locks.c,
 * imx-ocotp-fsb.c, imx-ocotp-socs.c (data and rules, no calls back) ->
 * this header's accessors and otp-provider.c.
 */
#ifndef OTP_IMX_OCOTP_H
#define OTP_IMX_OCOTP_H

#include <linux/bits.h>
#include <linux/mod_devicetable.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include "imx-ocotp-io.h"
#include "otp-provider.h"

struct clk;
struct dentry;
struct device;
struct seq_file;

/*
 * Controller registers; CTRL has the usual SET/CLR aliases.  Offsets and
 * fields: i.MX6DQ/6UL/6ULL, i.MX7D and i.MX8MM/8MP reference manuals
 * (OCOTP memory map), as U-Boot drivers/misc/mxc_ocotp.c and barebox
 * drivers/nvmem/ocotp.c use them.
 */
#define OCOTP_CTRL		0x000
#define OCOTP_CTRL_SET		0x004
#define OCOTP_CTRL_CLR		0x008
#define OCOTP_TIMING		0x010
/* DATA0; the i.MX7D has DATA1..3 at the next 0x10 steps. */
#define OCOTP_DATA(n)		(0x020 + 0x10 * (n))
/*
 * SW_STICKY: 0x50 on the i.MX6 and i.MX8M (i.MX6ULL RM Rev. 1 sec. 37.5.6;
 * NXP MCUXpresso i.MX8MM PERI_OCOTP.h); 0xB0 on the i.MX7D, where 0x50 is
 * DATA3 (U-Boot arch/arm/include/asm/arch-mx7/imx-regs.h struct ocotp_regs
 * member sw_sticky; NetBSD sys/arch/arm/imx/imx7_ocotpreg.h).
 */
#define OCOTP_SW_STICKY		0x050
#define OCOTP_MX7_SW_STICKY	0x0b0
#define OCOTP_SHADOW_STEP	0x10
/*
 * i.MX7ULP: OUT_STATUS and its CLR alias, and the double-error (DED) flag a
 * read sets (U-Boot arch/arm/include/asm/arch-mx7ulp/imx-regs.h struct
 * ocotp_regs, BM_OUT_STATUS_DED in mxc_ocotp.c).
 */
#define OCOTP_ULP_OUT_STATUS	0x070
#define OCOTP_ULP_OUT_STATUS_CLR 0x078
#define OCOTP_ULP_DED		BIT(10)

#define OCOTP_CTRL_UNLOCK	GENMASK(31, 16)
#define OCOTP_UNLOCK_KEY	0x3e77

/* The LOCK fuse word: fuse address 0 (bank 0 word 0) on every part. */
#define OCOTP_LOCK_ADDR		0

/* i.MX6-style TIMING fields; WAIT is left as the boot firmware set it. */
#define OCOTP_T6_STROBE_PROG	GENMASK(11, 0)
#define OCOTP_T6_RELAX		GENMASK(15, 12)
#define OCOTP_T6_STROBE_READ	GENMASK(21, 16)
#define OCOTP_T6_WAIT		GENMASK(27, 22)
/*
 * i.MX7D TIMING fields.  FSOURCE is 7 bits wide, [18:12] (U-Boot
 * BM_TIMING_FSOURCE 0x0007f000); a wider value would set bit 19.  Only
 * these two fields are changed, the rest of the register is kept (U-Boot
 * set_timing() under CONFIG_MX7: clrsetbits_le32() of BM_TIMING_FSOURCE
 * and BM_TIMING_PROG).
 */
#define OCOTP_T7_STROBE_PROG	GENMASK(11, 0)
#define OCOTP_T7_FSOURCE	GENMASK(18, 12)

/* Minimum fuse timings, in nanoseconds. */
#define OCOTP_PROG_NS		10000
#define OCOTP_READ_NS		37
#define OCOTP_RELAX_NS		17
/*
 * i.MX7D: FSOURCE covers 1001 ns, "> 1000 ns" (U-Boot BV_TIMING_FSOURCE_NS,
 * Linux 6.12 drivers/nvmem/imx-ocotp.c DEF_FSOURCE).
 */
#define OCOTP_FSOURCE_NS	1001
/* Quiet time the array needs after a programming operation. */
#define OCOTP_POSTAMBLE_US	2

/* Clock rates for which the timing fields are trusted. */
#define OCOTP_RATE_MIN		1000000UL
#define OCOTP_RATE_MAX		400000000UL

#define OCOTP_POLL_US		5
#define OCOTP_TIMEOUT_US	100000

/**
 * struct ocotp_ctrl - bit layout of HW_OCOTP_CTRL
 * @addr: address field: a fuse word, or a bank on the i.MX7D
 * @busy: controller busy
 * @error: sticky error flag, cleared through CTRL_CLR
 * @reload: RELOAD_SHADOWS request, self-clearing
 *
 * ADDR widths: 7 bits on the i.MX6 (U-Boot BM_CTRL_ADDR 0x7f), 4 on the
 * i.MX7D (a bank of four words, 0xf), 8 on the i.MX7ULP and i.MX8MQ/MM/MN
 * (0xff), 9 on the i.MX8MP, whose status bits also move up by one (U-Boot
 * and barebox OCOTP_CTRL_*_8MP, i.MX8MP RM 6.3.5.1.2.4).
 */
struct ocotp_ctrl {
	u32 addr;
	u32 busy;
	u32 error;
	u32 reload;
};

/**
 * enum ocotp_timing_style - layout of HW_OCOTP_TIMING
 * @IMX_OCOTP_TIMING_MX6: STROBE_PROG, RELAX, STROBE_READ (and WAIT)
 * @IMX_OCOTP_TIMING_MX7: STROBE_PROG and FSOURCE
 */
enum ocotp_timing_style {
	IMX_OCOTP_TIMING_MX6,
	IMX_OCOTP_TIMING_MX7,
};

/**
 * struct ocotp_span - fuse words whose shadow registers are consecutive
 * @pos: word position of the first one: NVMEM offset / 4
 * @count: number of words
 * @addr: fuse address (the CTRL.ADDR word index) of the first one
 * @shadow: register offset of the first one's shadow
 *
 * Word @pos + i is fuse address @addr + i and its shadow sits at
 * @shadow + 0x10 * i.  A position in no span has no fuse behind it.
 */
struct ocotp_span {
	u16 pos;
	u16 count;
	u16 addr;
	u16 shadow;
};

/**
 * enum ocotp_lock_kind - what the bits of a LOCK field stop
 * @OCOTP_LK_PAIR: two bits: the low one programming, the high one shadow
 *	writes
 * @OCOTP_LK_ONE: one bit: programming and shadow writes
 * @OCOTP_LK_ONE_READ: one bit: programming, shadow writes and reads
 * @OCOTP_LK_CRC: two bits: the low one shadow writes and programming, the
 *	high one programming and reads
 * @OCOTP_LK_SHADOW: one bit: shadow writes only
 * @OCOTP_LK_READ: one bit: reads only
 * @OCOTP_LK_NONE: one bit that guards no fuse word
 */
enum ocotp_lock_kind {
	OCOTP_LK_PAIR,
	OCOTP_LK_ONE,
	OCOTP_LK_ONE_READ,
	OCOTP_LK_CRC,
	OCOTP_LK_SHADOW,
	OCOTP_LK_READ,
	OCOTP_LK_NONE,
};

/**
 * struct ocotp_lock_field - one field of the LOCK fuse word (fuse address 0)
 * @name: the field, as its source names it
 * @shift: its lowest bit in the LOCK word
 * @kind: what its bits stop
 * @addr: first fuse address of the region
 * @count: fuse words in the region; 0 where no public source places it
 *	(then a set bit that stops programming refuses every word no placed
 *	field covers)
 */
struct ocotp_lock_field {
	const char *name;
	u8 shift;
	u8 kind;
	u16 addr;
	u16 count;
};

/**
 * struct ocotp_sticky - a volatile write lock in SW_STICKY
 * @name: the fuse word it guards
 * @bit: its bit in SW_STICKY
 * @addr: the fuse address of that word
 */
struct ocotp_sticky {
	const char *name;
	u8 bit;
	u16 addr;
};

/**
 * enum ocotp_fsb_kind - how the fuse shadow block serves a fuse word
 * @OCOTP_FSB_WORD: its shadow holds the word
 * @OCOTP_FSB_ECC: its shadow holds the word in bits 15:0, ECC above
 * @OCOTP_FSB_ELE: only the EdgeLock Secure Enclave reads it
 */
enum ocotp_fsb_kind {
	OCOTP_FSB_WORD = 1,
	OCOTP_FSB_ECC,
	OCOTP_FSB_ELE,
};

/**
 * struct ocotp_fsb_run - fuse words the FSB serves one way
 * @word: the first fuse word (bank * 8 + word)
 * @count: how many
 * @kind: how (enum ocotp_fsb_kind); 0 ends a table
 */
struct ocotp_fsb_run {
	u16 word;
	u16 count;
	u8 kind;
};

/**
 * struct ocotp_fsb - the fuse shadow block of the i.MX93/95 OCOTP
 * @reg: offset of fuse word 0's shadow; word n is at @reg + 4 * n
 * @runs: the words it serves, in ascending @word order without overlap
 *	(a read walks them once, see ocotp_fsb_kind()), ending with a zero
 *	@kind; others have no fuse a normal-world read can see and read 0
 */
struct ocotp_fsb {
	unsigned int reg;
	const struct ocotp_fsb_run *runs;
};

/**
 * struct ocotp_soc - one SoC's fuse map and controller
 * @name: SoC name for the log
 * @bank_words: words per bank in the offset convention: NVMEM offset / 4
 *	= bank * @bank_words + word, as U-Boot's "fuse read/prog BANK WORD"
 *	counts (its FUSE_BANK_SIZE / 0x10)
 * @banks: number of banks; the NVMEM device has @banks * @bank_words words
 * @spans: where each word's fuse and shadow are, ending with a zero
 *	@count; gaps have no fuse
 * @ctrl: CTRL register layout
 * @timing: TIMING register layout
 * @data_regs: DATA registers: 1, or 4 on the i.MX7D, where CTRL.ADDR is a
 *	bank and DATA0..3 hold its words; one program operation writes one
 *	word either way
 * @locks: the fields of the LOCK word, ending with a NULL @name; NULL
 *	when the part is not programmed.  A LOCK bit in no field is one
 *	whose meaning is not public
 * @lock_src: where @locks comes from, for the debugfs view
 * @sticky: write locks in SW_STICKY, ending with a NULL @name; NULL for
 *	none
 * @sticky_reg: offset of SW_STICKY
 * @ded: reads must check OUT_STATUS.DED (i.MX7ULP)
 * @fsb: the fuse shadow block the part is read through instead of the
 *	OCOTP controller's shadows (i.MX93/95); NULL for the others
 * @no_prog: why this part is registered read-only (@locks NULL); NULL if it can be
 *	programmed
 * @mac_in_order: the part stores its MAC first byte first, so cells named
 *	"mac-address" are not reversed (i.MX95)
 */
struct ocotp_soc {
	const char *name;
	unsigned int bank_words;
	unsigned int banks;
	const struct ocotp_span *spans;
	const struct ocotp_ctrl *ctrl;
	enum ocotp_timing_style timing;
	unsigned int data_regs;
	const struct ocotp_lock_field *locks;
	const char *lock_src;
	const struct ocotp_sticky *sticky;
	unsigned int sticky_reg;
	bool ded;
	const struct ocotp_fsb *fsb;
	const char *no_prog;
	bool mac_in_order;
};

/**
 * struct ocotp_dev - one controller instance
 * @prov: lifetime: freed with the NVMEM device (otp-provider.c)
 * @dev: device used for logging and managed resources
 * @io: controller registers
 * @clk: controller clock; NULL only for an i.MX93/95 node without one
 * @soc: SoC description
 * @locked_ack: the accessor's ERROR clear after a read-locked word
 * @size: bytes of the NVMEM device: the SoC's banks of fuse words
 * @lock: serialises every access sequence on this controller
 * @id: number taken from ocotp_ida for the NVMEM device name
 * @debugfs: its directory under otp-imx-ocotp/ in debugfs
 * @ele_told: the log has said that enclave-only words read 0
 * @ded_told: i.MX7ULP: word positions whose ECC double error the log has
 *	named, each once (under @lock); NULL on the other parts
 */
struct ocotp_dev {
	struct otp_provider prov;
	struct device *dev;
	const struct otp_imx_ocotp_io *io;
	struct clk *clk;
	const struct ocotp_soc *soc;
	struct otp_imx_ocotp_ack locked_ack;
	unsigned int size;
	struct mutex lock; /* one access sequence at a time */
	int id;
	struct dentry *debugfs;
	bool ele_told;
	unsigned long *ded_told;
};

/* The span holding word position @pos, NULL when no fuse is behind it. */
static inline const struct ocotp_span *ocotp_span(const struct ocotp_soc *soc,
						  unsigned int pos)
{
	const struct ocotp_span *sp;

	for (sp = soc->spans; sp->count; sp++)
		if (pos >= sp->pos && pos - sp->pos < sp->count)
			return sp;
	return NULL;
}

static inline unsigned int ocotp_span_shadow(const struct ocotp_span *span,
					     unsigned int pos)
{
	return span->shadow + OCOTP_SHADOW_STEP * (pos - span->pos);
}

static inline unsigned int ocotp_span_addr(const struct ocotp_span *span,
					   unsigned int pos)
{
	return span->addr + (pos - span->pos);
}

static inline u32 ocotp_rd(struct ocotp_dev *ocotp, unsigned int reg)
{
	return ocotp->io->read(ocotp->io, reg);
}

static inline void ocotp_wr(struct ocotp_dev *ocotp, unsigned int reg, u32 val)
{
	ocotp->io->write(ocotp->io, reg, val);
}

/* imx-ocotp-socs.c: every SoC's description, keyed by compatible. */
extern const struct of_device_id ocotp_of_match[];
const struct ocotp_soc *ocotp_machine_soc(struct device *dev,
					  const struct ocotp_soc *soc);

/* imx-ocotp-locks.c: what the LOCK word and SW_STICKY refuse. */
int ocotp_write_lock(struct ocotp_dev *ocotp, unsigned int pos,
		     unsigned int addr, u32 lockword, u32 sticky);
void ocotp_locks_print(struct seq_file *s, const struct ocotp_soc *soc,
		       u32 lockword, u32 sticky, bool unreadable);

/* imx-ocotp-fsb.c: the i.MX93/95 fuse shadow block. */
void ocotp_fsb_read(struct ocotp_dev *ocotp, unsigned int pos,
		    unsigned int skip, u8 *dst, size_t bytes);

#endif /* OTP_IMX_OCOTP_H */
