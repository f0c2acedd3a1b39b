// SPDX-License-Identifier: GPL-2.0
/*
 * NVMEM provider for the On-Chip OTP controller (OCOTP) of the NXP i.MX6,
 * i.MX7 and i.MX8M families.
 *
 * The fuse array is exposed as one byte-addressable NVMEM device in which
 * offset / 4 = bank * words-per-bank + word, U-Boot's "fuse read/prog BANK
 * WORD" numbering.  A per-SoC fuse map (struct ocotp_soc) turns each such
 * word into its fuse address (CTRL.ADDR) and its shadow register, so that
 * reading and programming an offset touch the same fuse; positions with no
 * fuse behind them read 0 and cannot be written.
 *
 * Reads go through the shadow registers the controller loads at reset.
 * Programming is guarded: every rule (fuse present, read lock, write lock
 * in the LOCK word, no bit cleared, usable clock) is checked for every word
 * before the first fuse is blown, only the missing bits are programmed,
 * and every word is read back after the shadows were reloaded.  Writes are
 * whole words, and each word is one program operation, also on the i.MX7D
 * whose controller programs by bank.
 *
 * Every register access goes through struct otp_imx_ocotp_io, so that the
 * KUnit suite can put an emulated controller where the MMIO block would be.
 */

#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/bits.h>
#include <linux/clk.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/idr.h>
#include <linux/if_ether.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time64.h>

#include <kunit/visibility.h>

#include "otp-compat.h"
#include "imx-ocotp-io.h"
#include "imx-ocotp-scu.h"
#include "otp-provider.h"

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

static const struct ocotp_ctrl ocotp_ctrl_mx6 = {
	.addr = GENMASK(6, 0), .busy = BIT(8), .error = BIT(9),
	.reload = BIT(10),
};

static const struct ocotp_ctrl ocotp_ctrl_mx7d = {
	.addr = GENMASK(3, 0), .busy = BIT(8), .error = BIT(9),
	.reload = BIT(10),
};

static const struct ocotp_ctrl ocotp_ctrl_mx8m = {
	.addr = GENMASK(7, 0), .busy = BIT(8), .error = BIT(9),
	.reload = BIT(10),
};

static const struct ocotp_ctrl ocotp_ctrl_mx8mp = {
	.addr = GENMASK(8, 0), .busy = BIT(9), .error = BIT(10),
	.reload = BIT(11),
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

/*
 * Fuse maps.  Source: U-Boot drivers/misc/mxc_ocotp.c (v2026.10, commit
 * 6073c36b): FUSE_BANK_SIZE and FUSE_BANKS give the banks;
 * fuse_bank_physical() and fuse_word_physical() give where a bank's
 * shadows sit; setup_direct_access() gives the CTRL.ADDR of (bank, word).
 *
 * i.MX6Q/DL/QP/SX: shadows of banks 0-5 from 0x400, a 0x100 hole, banks
 * 6-14 from 0x800, a 0x80 hole, bank 15 at 0xD00.  CTRL.ADDR is
 * bank * 8 + word.  (barebox drivers/nvmem/ocotp.c, commit dd1d839c,
 * models only the first hole: imx6q_addr_to_offset() adds 0x100 above
 * fuse address 47, and its 128 registers include bank 15, whose shadow
 * reads therefore come from 0xC80-0xCF0 instead of 0xD00-0xD70.)
 */
static const struct ocotp_span imx6q_spans[] = {
	{ .pos = 0, .count = 48, .addr = 0, .shadow = 0x400 },
	{ .pos = 48, .count = 72, .addr = 48, .shadow = 0x800 },
	{ .pos = 120, .count = 8, .addr = 120, .shadow = 0xd00 },
	{ /* sentinel */ }
};

/* i.MX6UL: the first hole only; 16 banks. */
static const struct ocotp_span imx6ul_spans[] = {
	{ .pos = 0, .count = 48, .addr = 0, .shadow = 0x400 },
	{ .pos = 48, .count = 80, .addr = 48, .shadow = 0x800 },
	{ /* sentinel */ }
};

/*
 * i.MX6ULL/6SLL: nine banks; banks 7 and 8 have four words each.  Bank 7
 * is fuse addresses 56-59 (shadows 0x880-0x8b0), bank 8 is fuse addresses
 * 60-63, the upper half of the same eight-word shadow slot (0x8c0-0x8f0);
 * words 4-7 of banks 7 and 8 do not exist.
 */
static const struct ocotp_span imx6ull_spans[] = {
	{ .pos = 0, .count = 48, .addr = 0, .shadow = 0x400 },
	{ .pos = 48, .count = 12, .addr = 48, .shadow = 0x800 },
	{ .pos = 64, .count = 4, .addr = 60, .shadow = 0x8c0 },
	{ /* sentinel */ }
};

/* No hole: i.MX6SL (8 banks), i.MX7D (16 x 4), i.MX7ULP (31 x 8), i.MX8M. */
static const struct ocotp_span linear64_spans[] = {
	{ .pos = 0, .count = 64, .addr = 0, .shadow = 0x400 },
	{ /* sentinel */ }
};

static const struct ocotp_span imx7ulp_spans[] = {
	{ .pos = 0, .count = 248, .addr = 0, .shadow = 0x400 },
	{ /* sentinel */ }
};

static const struct ocotp_span imx8m_spans[] = {
	{ .pos = 0, .count = 256, .addr = 0, .shadow = 0x400 },
	{ /* sentinel */ }
};

static const struct ocotp_span imx8mp_spans[] = {
	{ .pos = 0, .count = 384, .addr = 0, .shadow = 0x400 },
	{ /* sentinel */ }
};

/*
 * Write locks.  The LOCK fuse word (fuse address 0; it has no lock bit of
 * its own, i.MX6ULL RM Rev. 1 sec. 37.3.1.3) holds one field per region.
 * What a field's bits stop, in the words of the sources:
 *  - a two-bit field: "When bit 1 is set, the writing of this region's
 *    shadow register is blocked.  When bit 0 is set, the writing of this
 *    region's OTP fuse word is blocked" (NXP i.MX6 Platform SDK
 *    regsocotp.h, e.g. mx6dq LOCK.TESTER; i.MX6ULL RM sec. 37.5.12): the
 *    low bit stops programming, the high bit shadow writes (PAIR);
 *  - a one-bit field stops both (SDK LOCK.SRK: "the writing of this
 *    region's shadow register and OTP fuse word are blocked", ONE),
 *    some reads as well (SDK LOCK.SJC_RESP, OTPMK: "The read of this
 *    region's shadow register and OTP fuse word are also blocked",
 *    ONE_READ);
 *  - a CRC field: bit 0 stops shadow writes and programming, bit 1
 *    programming and reads (SDK mx6dq LOCK.CRC_GP_LO_LOCK, mx6sl
 *    LOCK.CRC_GP_LOCK: "When bit 1 is set, the reading and writing of this
 *    region's OTP fuse and reading of shadow register are blocked",
 *    CRC).  Where a part's sources give a CRC field's width but
 *    not its meaning (i.MX7D), it is taken the same way: both bits refuse.
 * A field whose region no public source places has @count 0; a LOCK bit
 * in no field is one whose meaning is not public.  Either, when set,
 * refuses every word outside the placed regions.  SW_STICKY holds volatile
 * locks of the SRK_REVOKE and FIELD_RETURN words until the next power-on
 * reset (RM sec. 37.5.6; barebox imx_field_return_locked()).
 */
#define OCOTP_FIELD(nm, b, k, a, n) \
	{ .name = nm, .shift = b, .kind = OCOTP_LK_##k, .addr = a, .count = n }

/* i.MX6 families: SW_STICKY locks of bank 5 words 6 and 7. */
static const struct ocotp_sticky imx6_sticky[] = {
	{ .name = "SRK_REVOKE", .bit = 1, .addr = 47 },
	{ .name = "FIELD_RETURN", .bit = 2, .addr = 46 },
	{ /* sentinel */ }
};

/*
 * i.MX7D and i.MX8M: FIELD_RETURN is bank 8 word 3, SRK_REVOKE bank 9 word
 * 3 (crucible fusemaps IMX7D.yaml, IMX8MM.yaml; NetBSD imx7_ocotpreg.h
 * places their shadows at 0x630 and 0x670).  The bits are the family's:
 * SRK_REVOKE_LOCK 1, FIELD_RETURN_LOCK 2.
 */
static const struct ocotp_sticky imx8m_sticky[] = {
	{ .name = "SRK_REVOKE", .bit = 1, .addr = 39 },
	{ .name = "FIELD_RETURN", .bit = 2, .addr = 35 },
	{ /* sentinel */ }
};

/*
 * i.MX6Q/DL: NXP i.MX6 Platform SDK sdk/include/mx6dq/registers/regsocotp.h
 * (the public fields; the register list gives each region's words).
 * DTCP_KEY, OTPMK, HDCP_KSV, HDCP_KEYS, DTCP_DEV_CERT and CRC_GP_LO/HI,
 * shown reserved there, from the OCOTP register header of the same SDK
 * with every field described (HW_OCOTP_LOCK field comments): CRC_GP_LO
 * guards the "lower 128 bits" of the CRC bank 15, CRC_GP_HI the upper.
 * DTCP_DEV_CERT's words are not listed.  Bits 7, 15 and 24 are reserved,
 * 31:30 unallocated.
 */
static const struct ocotp_lock_field imx6q_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 4),		/* CFG0..3 */
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 5, 3),	/* CFG4..6 */
	OCOTP_FIELD("MEM_TRIM", 4, PAIR, 8, 5),	/* MEM0..4 */
	OCOTP_FIELD("SJC_RESP", 6, ONE_READ, 32, 2),
	OCOTP_FIELD("MAC_ADDR", 8, PAIR, 34, 2),
	OCOTP_FIELD("GP1", 10, PAIR, 38, 1),
	OCOTP_FIELD("GP2", 12, PAIR, 39, 1),
	OCOTP_FIELD("SRK", 14, ONE, 24, 8),
	OCOTP_FIELD("DTCP_KEY", 16, ONE_READ, 40, 5),
	OCOTP_FIELD("OTPMK", 17, ONE_READ, 16, 8),
	OCOTP_FIELD("ANALOG", 18, PAIR, 13, 3),	/* ANA0..2 */
	OCOTP_FIELD("HDCP_KSV", 20, ONE, 36, 2),
	OCOTP_FIELD("HDCP_KEYS", 21, ONE_READ, 48, 72),	/* shadow reads blocked */
	OCOTP_FIELD("MISC_CONF", 22, ONE, 45, 1),
	OCOTP_FIELD("DTCP_DEV_CERT", 23, ONE, 0, 0),
	OCOTP_FIELD("PIN", 25, NONE, 0, 0),
	OCOTP_FIELD("CRC_GP_LO", 26, CRC, 120, 4),
	OCOTP_FIELD("CRC_GP_HI", 28, CRC, 124, 4),
	{ /* sentinel */ }
};

/*
 * i.MX6SL: NXP i.MX6 Platform SDK sdk/include/mx6sl/registers/regsocotp.h
 * (HW_OCOTP_LOCK fields, the register list for the words).  SW_GP stops
 * only shadow writes there ("the over-riding (writing) of this region's
 * shadow bits is blocked"); CRC_GP guards CRC0/CRC1 (bank 4 words 4-5).
 */
static const struct ocotp_lock_field imx6sl_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 4),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 5, 3),
	OCOTP_FIELD("MEM_TRIM", 4, PAIR, 8, 5),
	OCOTP_FIELD("SJC_RESP", 6, ONE_READ, 32, 2),
	OCOTP_FIELD("MAC_ADDR", 8, PAIR, 34, 2),
	OCOTP_FIELD("GP1", 10, PAIR, 38, 1),
	OCOTP_FIELD("GP2", 12, PAIR, 39, 1),
	OCOTP_FIELD("SRK", 14, ONE, 24, 8),
	OCOTP_FIELD("SW_GP", 16, SHADOW, 40, 5),
	OCOTP_FIELD("DCP", 17, ONE_READ, 16, 8),
	OCOTP_FIELD("ANALOG", 18, PAIR, 13, 3),
	OCOTP_FIELD("CRC_GP", 20, CRC, 36, 2),
	OCOTP_FIELD("MISC_CONF", 22, ONE, 45, 1),
	OCOTP_FIELD("DTCP_DEV_CERT", 23, ONE, 0, 0),
	OCOTP_FIELD("PIN", 25, NONE, 0, 0),
	OCOTP_FIELD("GP_LO", 26, PAIR, 48, 8),
	OCOTP_FIELD("GP_HI", 28, PAIR, 56, 8),
	{ /* sentinel */ }
};

/*
 * i.MX6UL: usbarmory/crucible fusemaps/IMX6UL.yaml (from the i.MX6UL RM
 * Rev. 1): field widths and the register list; GP3..GP5 are two banks
 * each, GP6 bank 14, GP7 and GP8 the two halves of bank 15.  Meanings as
 * the i.MX6 SDK gives them for the same names.
 */
static const struct ocotp_lock_field imx6ul_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 4),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 5, 3),
	OCOTP_FIELD("MEM_TRIM", 4, PAIR, 8, 5),
	OCOTP_FIELD("SJC_RESP", 6, ONE_READ, 32, 2),
	OCOTP_FIELD("MAC_ADDR", 8, PAIR, 34, 3),
	OCOTP_FIELD("GP1", 10, PAIR, 38, 1),
	OCOTP_FIELD("GP2", 12, PAIR, 39, 1),
	OCOTP_FIELD("SRK", 14, ONE, 24, 8),
	OCOTP_FIELD("GP3", 15, ONE, 64, 16),
	OCOTP_FIELD("SW_GP", 16, ONE, 40, 5),
	OCOTP_FIELD("OTPMK", 17, ONE_READ, 16, 8),
	OCOTP_FIELD("ANALOG", 18, PAIR, 13, 3),
	OCOTP_FIELD("OTPMK_CRC", 20, ONE, 37, 1),
	OCOTP_FIELD("ROM_PATCH", 21, ONE, 48, 16),
	OCOTP_FIELD("MISC_CONF", 22, ONE, 45, 1),
	OCOTP_FIELD("GP4", 23, ONE, 80, 16),
	OCOTP_FIELD("GP5", 24, ONE, 96, 16),
	OCOTP_FIELD("PIN", 25, NONE, 0, 0),
	OCOTP_FIELD("GP7", 26, PAIR, 120, 4),
	OCOTP_FIELD("GP8", 28, PAIR, 124, 4),
	OCOTP_FIELD("GP6", 30, PAIR, 112, 8),
	{ /* sentinel */ }
};

/*
 * i.MX6ULL: i.MX6ULL RM Rev. 1 sec. 37.5.12 and its memory map; crucible
 * IMX6ULL.yaml has the same fields, and GP3_RLOCK (31) and GP4_RLOCK (30),
 * read locks of GP3 and GP4.
 */
static const struct ocotp_lock_field imx6ull_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 4),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 5, 3),
	OCOTP_FIELD("MEM_TRIM", 4, PAIR, 8, 5),
	OCOTP_FIELD("SJC_RESP", 6, ONE_READ, 32, 2),
	OCOTP_FIELD("MAC_ADDR", 8, PAIR, 34, 3),
	OCOTP_FIELD("GP1", 10, PAIR, 38, 1),
	OCOTP_FIELD("GP2", 12, PAIR, 39, 1),
	OCOTP_FIELD("SRK", 14, ONE, 24, 8),
	OCOTP_FIELD("GP3", 15, ONE, 56, 4),
	OCOTP_FIELD("SW_GP", 16, ONE, 40, 5),
	OCOTP_FIELD("OTPMK", 17, ONE_READ, 16, 8),
	OCOTP_FIELD("ANALOG", 18, PAIR, 13, 3),
	OCOTP_FIELD("OTPMK_CRC", 20, ONE, 37, 1),
	OCOTP_FIELD("ROM_PATCH", 21, ONE, 48, 8),
	OCOTP_FIELD("MISC_CONF", 22, ONE, 45, 1),
	OCOTP_FIELD("GP4", 23, ONE, 60, 4),
	OCOTP_FIELD("PIN", 25, NONE, 0, 0),
	OCOTP_FIELD("GP4_RLOCK", 30, READ, 60, 4),
	OCOTP_FIELD("GP3_RLOCK", 31, READ, 56, 4),
	{ /* sentinel */ }
};

/*
 * i.MX7D: usbarmory/crucible fusemaps/IMX7D.yaml (i.MX7D RM Rev. 1).  The
 * ROM_PATCH words (bit 17) are not listed there.  CRC-GP1/CRC-GP2 are two
 * bits wide with no public meaning: both bits refuse (CRC).
 */
static const struct ocotp_lock_field imx7d_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 6),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 7, 5),
	OCOTP_FIELD("MEM_TRIM", 4, PAIR, 12, 2),
	OCOTP_FIELD("ANALOG", 6, PAIR, 14, 2),
	OCOTP_FIELD("OTPMK", 8, ONE_READ, 16, 8),
	OCOTP_FIELD("SRK", 9, ONE, 24, 8),
	OCOTP_FIELD("SJC_RESP", 10, ONE_READ, 32, 2),
	OCOTP_FIELD("USB_ID", 12, PAIR, 34, 1),
	OCOTP_FIELD("MAC_ADDR", 14, PAIR, 36, 3),
	OCOTP_FIELD("MANUFACTURE_KEY", 16, ONE, 40, 8),
	OCOTP_FIELD("ROM_PATCH", 17, ONE, 0, 0),
	OCOTP_FIELD("GP1", 20, PAIR, 56, 2),
	OCOTP_FIELD("GP2", 22, PAIR, 58, 2),
	OCOTP_FIELD("CRC_GP1", 28, CRC, 60, 2),
	OCOTP_FIELD("CRC_GP2", 30, CRC, 62, 2),
	{ /* sentinel */ }
};

/*
 * i.MX8MQ: NXP MCUXpresso devices/i.MX/i.MX8M/periph/PERI_OCOTP.h (LOCK
 * fields and the register list).  OTPMK (8), ROM_PATCH (17) and the HDMI
 * and HDCP fields (24-31) have no word list there.
 */
static const struct ocotp_lock_field imx8mq_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 6),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 7, 5),
	OCOTP_FIELD("MEM_TRIM", 4, PAIR, 12, 2),
	OCOTP_FIELD("ANALOG", 6, PAIR, 14, 2),
	OCOTP_FIELD("OTPMK", 8, ONE_READ, 0, 0),
	OCOTP_FIELD("SRK", 9, ONE, 24, 8),
	OCOTP_FIELD("SJC_RESP", 10, ONE_READ, 32, 2),
	OCOTP_FIELD("GROUP_MASK", 11, ONE, 63, 1),
	OCOTP_FIELD("USB_ID", 12, PAIR, 34, 1),
	OCOTP_FIELD("MAC_ADDR", 14, PAIR, 36, 3),
	OCOTP_FIELD("MAU_KEY", 16, ONE, 40, 8),
	OCOTP_FIELD("ROM_PATCH", 17, ONE, 0, 0),
	OCOTP_FIELD("GP_CRC", 18, PAIR, 60, 3),
	OCOTP_FIELD("GP1", 20, PAIR, 56, 2),
	OCOTP_FIELD("GP2", 22, PAIR, 58, 2),
	OCOTP_FIELD("HDMI_KEY", 24, PAIR, 0, 0),
	OCOTP_FIELD("HDMI_CRC", 26, PAIR, 0, 0),
	OCOTP_FIELD("HDCP_KEY", 28, PAIR, 0, 0),
	OCOTP_FIELD("HDCP_CRC", 30, PAIR, 0, 0),
	{ /* sentinel */ }
};

/*
 * i.MX8MM: usbarmory/crucible fusemaps/IMX8MM.yaml (i.MX8MM RM Rev. 3) and
 * madisongh/imx-misc-tools otp/otp_lock.h; words from NXP MCUXpresso
 * i.MX8MM PERI_OCOTP.h.  GP5 (bits 25:24) has no public word list, and
 * MCUXpresso adds a GROUP_MASK bit 11 without one.
 */
static const struct ocotp_lock_field imx8mm_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 6),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 7, 5),
	OCOTP_FIELD("SRK", 9, ONE, 24, 8),
	OCOTP_FIELD("SJC_RESP", 10, ONE_READ, 32, 2),
	OCOTP_FIELD("GROUP_MASK", 11, ONE, 0, 0),
	OCOTP_FIELD("USB_ID", 12, PAIR, 34, 1),
	OCOTP_FIELD("MAC_ADDR", 14, PAIR, 36, 3),
	OCOTP_FIELD("MANUFACTURE_KEY", 16, ONE, 40, 8),
	OCOTP_FIELD("GP1", 20, PAIR, 56, 2),
	OCOTP_FIELD("GP2", 22, PAIR, 58, 2),
	OCOTP_FIELD("GP5", 24, PAIR, 0, 0),
	{ /* sentinel */ }
};

/*
 * i.MX8MN: NXP MCUXpresso i.MX8MN PERI_OCOTP.h (no RM-derived map is
 * public); the word positions are the i.MX8MM's, as that header lists them.
 */
static const struct ocotp_lock_field imx8mn_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 6),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 7, 5),
	OCOTP_FIELD("SRK", 9, ONE, 24, 8),
	OCOTP_FIELD("SJC_RESP", 10, ONE_READ, 32, 2),
	OCOTP_FIELD("USB_ID", 12, PAIR, 34, 1),
	OCOTP_FIELD("MAC_ADDR", 14, PAIR, 36, 3),
	OCOTP_FIELD("GP1", 20, PAIR, 56, 2),
	OCOTP_FIELD("GP2", 22, PAIR, 58, 2),
	{ /* sentinel */ }
};

/*
 * i.MX8MP: usbarmory/crucible fusemaps/IMX8MP.yaml (i.MX8MP RM Rev. 0);
 * banks 15 and up have no public word list.
 */
static const struct ocotp_lock_field imx8mp_locks[] = {
	OCOTP_FIELD("TESTER", 0, PAIR, 1, 6),
	OCOTP_FIELD("BOOT_CFG", 2, PAIR, 7, 5),
	OCOTP_FIELD("CST_SRK", 9, ONE, 24, 8),
	OCOTP_FIELD("SJC_RESP", 10, ONE_READ, 32, 2),
	OCOTP_FIELD("USB_ID", 12, PAIR, 34, 1),
	OCOTP_FIELD("MAC_ADDR", 14, PAIR, 36, 3),
	OCOTP_FIELD("GP1", 20, PAIR, 56, 2),
	OCOTP_FIELD("GP2", 22, PAIR, 58, 2),
	{ /* sentinel */ }
};

static const struct ocotp_soc imx6q_soc = {
	.name = "i.MX6Q/DL", .bank_words = 8, .banks = 16,
	.spans = imx6q_spans, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx6q_locks,
	.lock_src = "NXP i.MX6 Platform SDK mx6dq regsocotp.h",
	.sticky = imx6_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

static const struct ocotp_soc imx6sl_soc = {
	.name = "i.MX6SL", .bank_words = 8, .banks = 8,
	.spans = linear64_spans, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx6sl_locks,
	.lock_src = "NXP i.MX6 Platform SDK mx6sl regsocotp.h",
	.sticky = imx6_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

static const struct ocotp_soc imx6sll_soc = {
	.name = "i.MX6SLL", .bank_words = 8, .banks = 9,
	.spans = imx6ull_spans, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.no_prog = "no public LOCK fuse map: write locks cannot be checked up front",
};

static const struct ocotp_soc imx6sx_soc = {
	.name = "i.MX6SX", .bank_words = 8, .banks = 16,
	.spans = imx6q_spans, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.no_prog = "no public LOCK fuse map: write locks cannot be checked up front",
};

static const struct ocotp_soc imx6ul_soc = {
	.name = "i.MX6UL", .bank_words = 8, .banks = 16,
	.spans = imx6ul_spans, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx6ul_locks,
	.lock_src = "crucible IMX6UL.yaml (i.MX6UL RM Rev. 1)",
	.sticky = imx6_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

static const struct ocotp_soc imx6ull_soc = {
	.name = "i.MX6ULL", .bank_words = 8, .banks = 9,
	.spans = imx6ull_spans, .ctrl = &ocotp_ctrl_mx6,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx6ull_locks,
	.lock_src = "i.MX6ULL RM Rev. 1 sec. 37.5.12",
	.sticky = imx6_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

static const struct ocotp_soc imx7d_soc = {
	.name = "i.MX7D", .bank_words = 4, .banks = 16,
	.spans = linear64_spans, .ctrl = &ocotp_ctrl_mx7d,
	.timing = IMX_OCOTP_TIMING_MX7, .data_regs = 4,
	.locks = imx7d_locks,
	.lock_src = "crucible IMX7D.yaml (i.MX7D RM Rev. 1)",
	.sticky = imx8m_sticky, .sticky_reg = OCOTP_MX7_SW_STICKY,
};

/*
 * The i.MX7ULP programs differently: offset 0x10 is a power-down register,
 * not TIMING, OUT_STATUS reports program failures and locks, and the
 * ECC-protected banks take one program per word (U-Boot mxc_ocotp.c under
 * CONFIG_MX7ULP).  This driver only reads it, checking DED as U-Boot does.
 */
static const struct ocotp_soc imx7ulp_soc = {
	.name = "i.MX7ULP", .bank_words = 8, .banks = 31,
	.spans = imx7ulp_spans, .ctrl = &ocotp_ctrl_mx8m,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1, .ded = true,
	.no_prog = "its program sequence (power-down, OUT_STATUS, ECC) is not implemented",
};

static const struct ocotp_soc imx8mq_soc = {
	.name = "i.MX8MQ", .bank_words = 4, .banks = 64,
	.spans = imx8m_spans, .ctrl = &ocotp_ctrl_mx8m,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx8mq_locks,
	.lock_src = "NXP MCUXpresso i.MX8M PERI_OCOTP.h",
	.sticky = imx8m_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

static const struct ocotp_soc imx8mm_soc = {
	.name = "i.MX8MM", .bank_words = 4, .banks = 64,
	.spans = imx8m_spans, .ctrl = &ocotp_ctrl_mx8m,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx8mm_locks,
	.lock_src = "crucible IMX8MM.yaml (i.MX8MM RM Rev. 3), MCUXpresso PERI_OCOTP.h",
	.sticky = imx8m_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

static const struct ocotp_soc imx8mn_soc = {
	.name = "i.MX8MN", .bank_words = 4, .banks = 64,
	.spans = imx8m_spans, .ctrl = &ocotp_ctrl_mx8m,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx8mn_locks,
	.lock_src = "NXP MCUXpresso i.MX8MN PERI_OCOTP.h",
	.sticky = imx8m_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

static const struct ocotp_soc imx8mp_soc = {
	.name = "i.MX8MP", .bank_words = 4, .banks = 96,
	.spans = imx8mp_spans, .ctrl = &ocotp_ctrl_mx8mp,
	.timing = IMX_OCOTP_TIMING_MX6, .data_regs = 1,
	.locks = imx8mp_locks,
	.lock_src = "crucible IMX8MP.yaml (i.MX8MP RM Rev. 0)",
	.sticky = imx8m_sticky, .sticky_reg = OCOTP_SW_STICKY,
};

/*
 * i.MX93 and i.MX95: the fuses are read through the fuse shadow block at
 * 0x8000 (64 banks of 8 words, 2048 bytes), one 32-bit shadow per word;
 * some words only the EdgeLock Secure Enclave reads, and on the i.MX95 some
 * are ECC-protected, with the data in bits 15:0.  Source: Linux 6.12
 * drivers/nvmem/imx-ocotp-ele.c, imx93_ocotp_data and imx95_ocotp_data
 * (reg_off, size, entry[]).  Programming goes through the enclave.
 */
static const struct ocotp_fsb_run imx93_fsb_runs[] = {
	{ .word = 0, .count = 52, .kind = OCOTP_FSB_WORD },
	{ .word = 63, .count = 1, .kind = OCOTP_FSB_ELE },
	{ .word = 128, .count = 16, .kind = OCOTP_FSB_ELE },
	{ .word = 182, .count = 1, .kind = OCOTP_FSB_ELE },
	{ .word = 188, .count = 1, .kind = OCOTP_FSB_ELE },
	{ .word = 312, .count = 200, .kind = OCOTP_FSB_WORD },
	{ /* sentinel */ }
};

static const struct ocotp_fsb_run imx95_fsb_runs[] = {
	{ .word = 0, .count = 1, .kind = OCOTP_FSB_ECC },
	{ .word = 7, .count = 1, .kind = OCOTP_FSB_ECC },
	{ .word = 9, .count = 3, .kind = OCOTP_FSB_ECC },
	{ .word = 12, .count = 24, .kind = OCOTP_FSB_WORD },
	{ .word = 36, .count = 2, .kind = OCOTP_FSB_ECC },
	{ .word = 38, .count = 14, .kind = OCOTP_FSB_WORD },
	{ .word = 63, .count = 1, .kind = OCOTP_FSB_ELE },
	{ .word = 128, .count = 16, .kind = OCOTP_FSB_ELE },
	{ .word = 188, .count = 1, .kind = OCOTP_FSB_ELE },
	{ .word = 317, .count = 2, .kind = OCOTP_FSB_ECC },
	{ .word = 320, .count = 7, .kind = OCOTP_FSB_WORD },
	{ .word = 328, .count = 184, .kind = OCOTP_FSB_WORD },
	{ /* sentinel */ }
};

#define OCOTP_FSB_NO_PROG \
	"its fuses are programmed through the EdgeLock Secure Enclave, which this driver does not drive"

static const struct ocotp_fsb imx93_fsb = { .reg = 0x8000, .runs = imx93_fsb_runs };
static const struct ocotp_fsb imx95_fsb = { .reg = 0x8000, .runs = imx95_fsb_runs };

static const struct ocotp_soc imx93_soc = {
	.name = "i.MX93", .bank_words = 8, .banks = 64, .fsb = &imx93_fsb,
	.no_prog = OCOTP_FSB_NO_PROG,
};

/*
 * The i.MX95 keeps its MAC in bank 40 words 5-6 first byte first: U-Boot
 * arch/arm/mach-imx/imx9/scmi/soc.c imx_get_mac_from_fuse() takes byte 0
 * from bits 7:0 of word 5, and NXP's kernel (imx-ocotp-fsb-s400.c) does
 * not reverse the cell there.
 */
static const struct ocotp_soc imx95_soc = {
	.name = "i.MX95", .bank_words = 8, .banks = 64, .fsb = &imx95_fsb,
	.no_prog = OCOTP_FSB_NO_PROG, .mac_in_order = true,
};

static const struct of_device_id ocotp_of_match[] = {
	{ .compatible = "fsl,imx6q-ocotp", .data = &imx6q_soc },
	{ .compatible = "fsl,imx6sl-ocotp", .data = &imx6sl_soc },
	{ .compatible = "fsl,imx6sll-ocotp", .data = &imx6sll_soc },
	{ .compatible = "fsl,imx6sx-ocotp", .data = &imx6sx_soc },
	{ .compatible = "fsl,imx6ul-ocotp", .data = &imx6ul_soc },
	{ .compatible = "fsl,imx6ull-ocotp", .data = &imx6ull_soc },
	{ .compatible = "fsl,imx7d-ocotp", .data = &imx7d_soc },
	{ .compatible = "fsl,imx7ulp-ocotp", .data = &imx7ulp_soc },
	{ .compatible = "fsl,imx8mq-ocotp", .data = &imx8mq_soc },
	{ .compatible = "fsl,imx8mm-ocotp", .data = &imx8mm_soc },
	{ .compatible = "fsl,imx8mn-ocotp", .data = &imx8mn_soc },
	{ .compatible = "fsl,imx8mp-ocotp", .data = &imx8mp_soc },
	{ .compatible = "fsl,imx93-ocotp", .data = &imx93_soc },
	{ .compatible = "fsl,imx95-ocotp", .data = &imx95_soc },
	{ /* sentinel */ }
};
MODULE_DEVICE_TABLE(of, ocotp_of_match);

/*
 * The part a machine is, by the root compatible every board tree of it
 * ends with (Linux arch/arm64/boot/dts/freescale/imx8m{q,m,n}-*.dts:
 * "fsl,imx8mq", "fsl,imx8mm", "fsl,imx8mn"), and that part's OCOTP.
 */
static const struct {
	const char *machine;
	const struct ocotp_soc *soc;
} ocotp_machine_parts[] = {
	{ .machine = "fsl,imx8mq", .soc = &imx8mq_soc },
	{ .machine = "fsl,imx8mm", .soc = &imx8mm_soc },
	{ .machine = "fsl,imx8mn", .soc = &imx8mn_soc },
};

/*
 * Some board trees give an i.MX8M Mini's OCOTP the i.MX8MQ's compatible
 * first (Digi's ConnectCore 8M Mini: "fsl,imx8mq-ocotp", "fsl,imx7d-ocotp").
 * The parts read alike but their LOCK words mean different things, so the
 * part the machine says it is decides, when it has the same registers and
 * fuse layout as the part the node names.
 */
static const struct ocotp_soc *ocotp_machine_soc(struct device *dev,
						 const struct ocotp_soc *soc)
{
	const struct ocotp_soc *part;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ocotp_machine_parts); i++) {
		if (!of_machine_is_compatible(ocotp_machine_parts[i].machine))
			continue;
		part = ocotp_machine_parts[i].soc;
		if (part == soc || part->spans != soc->spans ||
		    part->ctrl != soc->ctrl || part->banks != soc->banks ||
		    part->bank_words != soc->bank_words)
			return soc;
		dev_info(dev, "%s OCOTP on an %s machine: %s fuse locks\n",
			 soc->name, part->name, part->name);
		return part;
	}
	return soc;
}

static DEFINE_IDA(ocotp_ida);
static struct dentry *ocotp_debugfs_root;

int otp_imx_ocotp_id_get(void)
{
	return ida_alloc(&ocotp_ida, GFP_KERNEL);
}

void otp_imx_ocotp_id_put(int id)
{
	ida_free(&ocotp_ida, id);
}

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

/**
 * otp_imx_ocotp_soc() - the SoC description bound to a compatible
 * @compatible: one of the driver's match table
 *
 * What the platform driver gets as match data, for a caller that binds
 * the provider to other registers (the KUnit suite).
 *
 * Return: the description, NULL for an unknown compatible.
 */
const struct ocotp_soc *otp_imx_ocotp_soc(const char *compatible)
{
	return otp_match_data(ocotp_of_match, compatible);
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_ocotp_soc);

/* The span holding word position @pos, NULL when no fuse is behind it. */
static const struct ocotp_span *ocotp_span(const struct ocotp_soc *soc,
					   unsigned int pos)
{
	const struct ocotp_span *sp;

	for (sp = soc->spans; sp->count; sp++)
		if (pos >= sp->pos && pos - sp->pos < sp->count)
			return sp;
	return NULL;
}

static unsigned int ocotp_span_shadow(const struct ocotp_span *span,
				      unsigned int pos)
{
	return span->shadow + OCOTP_SHADOW_STEP * (pos - span->pos);
}

static unsigned int ocotp_span_addr(const struct ocotp_span *span,
				    unsigned int pos)
{
	return span->addr + (pos - span->pos);
}

static u32 ocotp_rd(struct ocotp_dev *ocotp, unsigned int reg)
{
	return ocotp->io->read(ocotp->io, reg);
}

static void ocotp_wr(struct ocotp_dev *ocotp, unsigned int reg, u32 val)
{
	ocotp->io->write(ocotp->io, reg, val);
}

static void ocotp_clear_error(struct ocotp_dev *ocotp)
{
	ocotp_wr(ocotp, OCOTP_CTRL_CLR, ocotp->soc->ctrl->error);
}

/*
 * i.MX7ULP: a read that hit an uncorrectable ECC error sets DED; clear it
 * and fail the read, as U-Boot's fuse_read() does.  The log names each
 * such word the first time only: every later read of it fails the same
 * way, and a reader that retries must not flood the log.
 */
static int ocotp_check_ded(struct ocotp_dev *ocotp, unsigned int pos)
{
	if (!ocotp->soc->ded ||
	    !(ocotp_rd(ocotp, OCOTP_ULP_OUT_STATUS) & OCOTP_ULP_DED))
		return 0;
	ocotp_wr(ocotp, OCOTP_ULP_OUT_STATUS_CLR, OCOTP_ULP_DED);
	if (!__test_and_set_bit(pos, ocotp->ded_told))
		dev_err(ocotp->dev, "offset %#x: uncorrectable ECC error in the fuses (OUT_STATUS.DED); the word cannot be trusted, and every read of it fails with EIO (logged once)\n",
			4 * pos);
	return -EIO;
}

/* Shadow of the word at position @pos in @span; ERROR is the caller's. */
static u32 ocotp_shadow(struct ocotp_dev *ocotp, const struct ocotp_span *span,
			unsigned int pos)
{
	return ocotp_rd(ocotp, ocotp_span_shadow(span, pos));
}

/*
 * Shadows of up to @count words from position @pos, all in @span, stored
 * little-endian at @dst, in one accessor call.  A read-locked word reads
 * OTP_IMX_OCOTP_LOCKED and raises ERROR, which blocks every later shadow
 * read until it is cleared: @ocotp->locked_ack has the accessor clear it
 * straight after such a word.  Returns the number of words stored or -EIO.
 */
static int ocotp_shadows(struct ocotp_dev *ocotp, const struct ocotp_span *span,
			 unsigned int pos, unsigned int count, u8 *dst)
{
	count = min(count, span->pos + span->count - pos);
	if (ocotp->soc->ded)
		count = 1;
	ocotp->io->read_shadows(ocotp->io, ocotp_span_shadow(span, pos), count,
				dst, &ocotp->locked_ack);
	return ocotp_check_ded(ocotp, pos + count - 1) ?: count;
}

/*
 * Words at positions @pos.. into @dst, little-endian: a run inside one
 * span, zeros where no fuse is behind a position.
 * Returns the number of words stored (at least 1) or -EIO.
 */
static int ocotp_words(struct ocotp_dev *ocotp, unsigned int pos,
		       unsigned int count, u8 *dst)
{
	const struct ocotp_span *span = ocotp_span(ocotp->soc, pos);
	unsigned int n;

	if (span)
		return ocotp_shadows(ocotp, span, pos, count, dst);
	for (n = 0; n < count && !ocotp_span(ocotp->soc, pos + n); n++)
		put_unaligned_le32(0, dst + 4 * n);
	return n;
}

/* One word for a partial read, in one register read; 0 for a hole. */
static int ocotp_word(struct ocotp_dev *ocotp, unsigned int pos, u32 *val)
{
	const struct ocotp_span *span = ocotp_span(ocotp->soc, pos);

	*val = 0;
	if (!span)
		return 0;
	*val = ocotp_shadow(ocotp, span, pos);
	if (*val == OTP_IMX_OCOTP_LOCKED)
		ocotp_clear_error(ocotp);
	return ocotp_check_ded(ocotp, pos);
}

/**
 * ocotp_wait_idle() - wait until the controller is ready for a request
 * @ocotp: controller
 * @also: further CTRL bits that must read back as zero
 *
 * Polls CTRL until BUSY and @also are clear, bounded in time, and clears a
 * pending ERROR so that the next request is accepted.
 *
 * Return: 0 or -ETIMEDOUT.
 */
static int ocotp_wait_idle(struct ocotp_dev *ocotp, u32 also)
{
	const struct ocotp_ctrl *c = ocotp->soc->ctrl;
	u32 ctrl;
	int ret;

	/* Mostly idle already: no clock read for a deadline then. */
	ctrl = ocotp_rd(ocotp, OCOTP_CTRL);
	if (ctrl & (c->busy | also)) {
		ret = read_poll_timeout(ocotp_rd, ctrl,
					!(ctrl & (c->busy | also)),
					OCOTP_POLL_US, OCOTP_TIMEOUT_US, false,
					ocotp, OCOTP_CTRL);
		if (ret)
			return ret;
	}
	if (ctrl & c->error)
		ocotp_clear_error(ocotp);
	return 0;
}

/*
 * How the FSB serves fuse word @word, 0 when it has no fuse to read.  The
 * runs are in ascending order and a read asks for ascending words, so
 * @run, where the previous word was found, moves forward only: a whole
 * read looks at each run once.
 */
static enum ocotp_fsb_kind ocotp_fsb_kind(const struct ocotp_fsb_run **run,
					  unsigned int word)
{
	const struct ocotp_fsb_run *r = *run;

	while (r->kind && word >= r->word + r->count)
		r++;
	*run = r;
	return r->kind && word >= r->word ? r->kind : 0;
}

/*
 * i.MX93/95: the word at position @pos through the fuse shadow block, @run
 * as for ocotp_fsb_kind().  A word only the enclave reads, or with no fuse
 * behind it, reads 0 and its register is not touched; an ECC-protected
 * word gives its 16 data bits.
 */
static u32 ocotp_fsb_word(struct ocotp_dev *ocotp,
			  const struct ocotp_fsb_run **run, unsigned int pos)
{
	const struct ocotp_fsb *fsb = ocotp->soc->fsb;

	switch (ocotp_fsb_kind(run, pos)) {
	case OCOTP_FSB_WORD:
		return ocotp_rd(ocotp, fsb->reg + 4 * pos);
	case OCOTP_FSB_ECC:
		return ocotp_rd(ocotp, fsb->reg + 4 * pos) & GENMASK(15, 0);
	case OCOTP_FSB_ELE:
		if (!ocotp->ele_told) {
			ocotp->ele_told = true;
			dev_info(ocotp->dev, "offset %#x and the other words only the EdgeLock Secure Enclave serves read as 0; read them with U-Boot's 'fuse read'\n",
				 4 * pos);
		}
		return 0;
	default:
		return 0;
	}
}

/**
 * ocotp_read() - nvmem reg_read callback
 * @context: controller
 * @offset: first byte
 * @val: destination
 * @bytes: number of bytes, any alignment
 *
 * Reads the shadow of every word the range touches, once.  Whole words go
 * straight into @val, one call to the register accessors per run of
 * consecutive shadows.  A read-locked word reads 0xbadabada and raises
 * ERROR, which is cleared straight away so that later accesses are
 * accepted.  A position with no fuse behind it
 * (a hole in the fuse map) reads 0.
 *
 * Return: 0 or a negative errno.
 */
static int ocotp_read(void *context, unsigned int offset, void *val,
		      size_t bytes)
{
	struct ocotp_dev *ocotp = context;
	unsigned int size = ocotp->size;
	unsigned int pos = offset / 4, skip = offset % 4, len, i;
	u8 *dst = val;
	int ret, n;
	u32 word;

	if (!bytes)
		return 0;
	if (offset >= size || bytes > size - offset)
		return -EINVAL;

	mutex_lock(&ocotp->lock);
	if (otp_provider_gone(&ocotp->prov)) {
		ret = -ENODEV;
		goto unlock;
	}
	if (ocotp->soc->fsb) {
		const struct ocotp_fsb_run *run = ocotp->soc->fsb->runs;

		for (; bytes; pos++, skip = 0) {
			word = ocotp_fsb_word(ocotp, &run, pos);
			len = min_t(size_t, 4 - skip, bytes);
			if (len == 4)
				put_unaligned_le32(word, dst);
			else
				for (i = 0; i < len; i++)
					dst[i] = word >> (8 * (skip + i));
			dst += len;
			bytes -= len;
		}
		ret = 0;
		goto unlock;
	}
	ret = clk_prepare_enable(ocotp->clk);
	if (ret) {
		dev_err(ocotp->dev, "cannot enable the OCOTP clock (%d); check the clocks property\n",
			ret);
		goto unlock;
	}

	ret = ocotp_wait_idle(ocotp, 0);
	if (ret) {
		dev_err(ocotp->dev, "controller busy, read abandoned (%d); retry later\n",
			ret);
		goto disable;
	}

	while (bytes) {
		if (!skip && bytes >= 4) {
			n = ocotp_words(ocotp, pos, bytes / 4, dst);
			len = 4 * n;
		} else {
			n = ocotp_word(ocotp, pos, &word) ?: 1;
			len = min_t(size_t, 4 - skip, bytes);
			for (i = 0; i < len; i++)
				dst[i] = word >> (8 * (skip + i));
			skip = 0;
		}
		if (n < 0) {
			ret = n;
			break;
		}
		pos += n;
		dst += len;
		bytes -= len;
	}

disable:
	clk_disable_unprepare(ocotp->clk);
unlock:
	mutex_unlock(&ocotp->lock);
	return ret;
}

/**
 * ocotp_timing() - TIMING value for programming at the current clock
 * @ocotp: controller
 * @timing: in: current TIMING register; out: value to program
 *
 * Every field is rounded towards a longer period.  i.MX6 style, with f the
 * clock rate: tRELAX = (RELAX + 1) / f,
 * tPGM = (STROBE_PROG + 1 - 2 * (RELAX + 1)) / f and
 * tRD = (STROBE_READ + 1 - 2 * (RELAX + 1)) / f, with RELAX at least 1.
 * i.MX7 style: STROBE_PROG and FSOURCE count clock cycles, computed as
 * U-Boot's set_timing() and Linux 6.12's imx_ocotp_set_imx7_timing() do:
 * FSOURCE = ceil(f * 1001 ns) + 1, STROBE_PROG = round(f * 10 us) + 1
 * (68 and 661 at 66 MHz); the other bits of TIMING are kept, as U-Boot
 * keeps them.
 *
 * Return: 0, or -EINVAL (logged) when the rate is unknown, implausible or
 * does not fit the fields.
 */
static int ocotp_timing(struct ocotp_dev *ocotp, u32 *timing)
{
	unsigned long rate = clk_get_rate(ocotp->clk);
	u64 relax, prog, read, fsource;

	if (rate < OCOTP_RATE_MIN || rate > OCOTP_RATE_MAX) {
		dev_err(ocotp->dev, "programming refused: OCOTP clock rate %lu Hz is not within 1..400 MHz; give the node a working clocks property\n",
			rate);
		return -EINVAL;
	}

	switch (ocotp->soc->timing) {
	case IMX_OCOTP_TIMING_MX7:
		prog = DIV_ROUND_CLOSEST_ULL((u64)rate * OCOTP_PROG_NS,
					     NSEC_PER_SEC) + 1;
		fsource = DIV_ROUND_UP_ULL((u64)rate * OCOTP_FSOURCE_NS,
					   NSEC_PER_SEC) + 1;
		if (prog > FIELD_MAX(OCOTP_T7_STROBE_PROG) ||
		    fsource > FIELD_MAX(OCOTP_T7_FSOURCE))
			goto overflow;
		*timing = (*timing & ~(OCOTP_T7_STROBE_PROG | OCOTP_T7_FSOURCE)) |
			  FIELD_PREP(OCOTP_T7_STROBE_PROG, prog) |
			  FIELD_PREP(OCOTP_T7_FSOURCE, fsource);
		return 0;
	case IMX_OCOTP_TIMING_MX6:
	default:
		/* RELAX + 1 cycles must cover the relax time; never 0. */
		relax = DIV_ROUND_UP_ULL((u64)rate * OCOTP_RELAX_NS,
					 NSEC_PER_SEC);
		relax = max_t(u64, relax, 2) - 1;
		prog = DIV_ROUND_UP_ULL((u64)rate * OCOTP_PROG_NS,
					NSEC_PER_SEC) + 2 * (relax + 1) - 1;
		read = DIV_ROUND_UP_ULL((u64)rate * OCOTP_READ_NS,
					NSEC_PER_SEC) + 2 * (relax + 1) - 1;
		if (relax > FIELD_MAX(OCOTP_T6_RELAX) ||
		    prog > FIELD_MAX(OCOTP_T6_STROBE_PROG) ||
		    read > FIELD_MAX(OCOTP_T6_STROBE_READ))
			goto overflow;
		*timing = (*timing & OCOTP_T6_WAIT) |
			  FIELD_PREP(OCOTP_T6_STROBE_PROG, prog) |
			  FIELD_PREP(OCOTP_T6_RELAX, relax) |
			  FIELD_PREP(OCOTP_T6_STROBE_READ, read);
		return 0;
	}

overflow:
	dev_err(ocotp->dev, "programming refused: fuse timings for a %lu Hz clock do not fit the TIMING register; run the OCOTP clock slower\n",
		rate);
	return -EINVAL;
}

/**
 * struct ocotp_target - one word of a write
 * @span: where its fuse and shadow are
 * @pos: its position (NVMEM offset / 4)
 * @want: requested value
 * @have: value before programming
 */
struct ocotp_target {
	const struct ocotp_span *span;
	unsigned int pos;
	u32 want;
	u32 have;
};

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
static int ocotp_write_lock(struct ocotp_dev *ocotp, unsigned int pos,
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

/**
 * ocotp_check() - every refusal that can be known before programming
 * @ocotp: controller
 * @t: the words of the write, in order; @have is filled in
 * @count: number of words
 *
 * Reads every target word, the LOCK word and SW_STICKY, then refuses the
 * whole write when any word is read-locked, write-locked (ocotp_write_lock())
 * or would need a bit cleared.  Nothing is programmed
 * here.  Each refusal is logged with one line.
 *
 * Return: the number of words that need new bits (0: nothing to do),
 * -EPERM for a read- or write-locked word, or -EINVAL when a bit would have
 * to be cleared.
 */
static int ocotp_check(struct ocotp_dev *ocotp, struct ocotp_target *t,
		       unsigned int count)
{
	const struct ocotp_soc *soc = ocotp->soc;
	const struct ocotp_span *lspan = ocotp_span(soc, OCOTP_LOCK_ADDR);
	unsigned int i, changed = 0;
	u32 lockword, sticky;
	int ret;

	for (i = 0; i < count; i++) {
		t[i].have = ocotp_shadow(ocotp, t[i].span, t[i].pos);
		if (t[i].have != OTP_IMX_OCOTP_LOCKED)
			continue;
		/* A fuse may hold 0xbadabada; only ERROR tells a lock. */
		if (ocotp_rd(ocotp, OCOTP_CTRL) & soc->ctrl->error) {
			ocotp_clear_error(ocotp);
			dev_err(ocotp->dev, "offset %#x is read-locked and cannot be programmed; nothing written, leave it out of the write\n",
				4 * t[i].pos);
			return -EPERM;
		}
	}

	lockword = ocotp_shadow(ocotp, lspan, OCOTP_LOCK_ADDR);
	if (lockword == OTP_IMX_OCOTP_LOCKED &&
	    (ocotp_rd(ocotp, OCOTP_CTRL) & soc->ctrl->error)) {
		ocotp_clear_error(ocotp);
		dev_err(ocotp->dev, "the LOCK fuse word cannot be read, so write locks are unknown; nothing written\n");
		return -EPERM;
	}
	/*
	 * A write that programs the LOCK word is checked against the locks it
	 * adds too: the controller may apply them to the words that follow.
	 */
	for (i = 0; i < count; i++)
		if (ocotp_span_addr(t[i].span, t[i].pos) == OCOTP_LOCK_ADDR)
			lockword |= t[i].want;
	sticky = soc->sticky ? ocotp_rd(ocotp, soc->sticky_reg) : 0;
	for (i = 0; i < count; i++) {
		ret = ocotp_write_lock(ocotp, t[i].pos,
				       ocotp_span_addr(t[i].span, t[i].pos),
				       lockword, sticky);
		if (ret)
			return ret;
	}

	for (i = 0; i < count; i++) {
		if (t[i].have & ~t[i].want) {
			dev_err(ocotp->dev, "offset %#x: 0x%08x -> 0x%08x would clear bits 0x%08x; nothing written, fuses can only be set\n",
				4 * t[i].pos, t[i].have, t[i].want,
				t[i].have & ~t[i].want);
			return -EINVAL;
		}
		if (t[i].have != t[i].want)
			changed++;
	}
	return changed;
}

/**
 * ocotp_program() - blow the new bits of one word
 * @ocotp: controller
 * @t: the word
 * @timing: TIMING register value
 *
 * On the i.MX7D, CTRL.ADDR is the word's bank; the word's own DATA
 * register (DATA0..3 for words 0..3 of the bank) gets the new bits and the
 * other three get 0, written DATA1, DATA2, DATA3, DATA0: the write of DATA0
 * starts the operation (U-Boot drivers/misc/mxc_ocotp.c fuse_prog() under
 * CONFIG_MX7, and Linux 6.12 imx_ocotp_write(), program one word so).
 *
 * Return: 0, -EPERM when the controller refused (ERROR is cleared) or
 * -ETIMEDOUT.  Each failure is logged once.
 */
static int ocotp_program(struct ocotp_dev *ocotp,
			 const struct ocotp_target *t, u32 timing)
{
	const struct ocotp_ctrl *c = ocotp->soc->ctrl;
	unsigned int n = ocotp->soc->data_regs;
	unsigned int addr = ocotp_span_addr(t->span, t->pos) / n;
	unsigned int own = ocotp_span_addr(t->span, t->pos) % n;
	unsigned int i, reg;
	u32 ctrl;

	/* Also clears a pending ERROR, which would make the controller ignore us. */
	if (ocotp_wait_idle(ocotp, 0))
		goto timeout;
	ocotp_wr(ocotp, OCOTP_TIMING, timing);
	ocotp_wr(ocotp, OCOTP_CTRL,
		 FIELD_PREP(OCOTP_CTRL_UNLOCK, OCOTP_UNLOCK_KEY) |
		 (addr << __ffs(c->addr)));
	for (i = 1; i <= n; i++) {
		reg = i % n;
		ocotp_wr(ocotp, OCOTP_DATA(reg),
			 reg == own ? t->want & ~t->have : 0);
	}

	if (read_poll_timeout(ocotp_rd, ctrl,
			      !(ctrl & c->busy) || (ctrl & c->error),
			      OCOTP_POLL_US, OCOTP_TIMEOUT_US, false,
			      ocotp, OCOTP_CTRL))
		goto timeout;
	if (ctrl & c->error) {
		ocotp_clear_error(ocotp);
		dev_err(ocotp->dev, "offset %#x: the controller refused to program it (locked); earlier words of this write may be programmed, read them back\n",
			4 * t->pos);
		return -EPERM;
	}
	udelay(OCOTP_POSTAMBLE_US);
	return 0;

timeout:
	dev_err(ocotp->dev, "offset %#x: controller stayed busy for %u ms, programming stopped; check the OCOTP clock and retry\n",
		4 * t->pos, OCOTP_TIMEOUT_US / 1000);
	return -ETIMEDOUT;
}

/**
 * ocotp_reload() - refresh the shadow registers from the fuses
 * @ocotp: controller
 *
 * Return: 0 or -ETIMEDOUT (logged).
 */
static int ocotp_reload(struct ocotp_dev *ocotp)
{
	const struct ocotp_ctrl *c = ocotp->soc->ctrl;
	int ret;

	ret = ocotp_wait_idle(ocotp, 0);
	if (!ret) {
		ocotp_wr(ocotp, OCOTP_CTRL_SET, c->reload);
		ret = ocotp_wait_idle(ocotp, c->reload);
	}
	if (ret)
		dev_err(ocotp->dev, "shadow reload did not finish within %u ms; read the fuses again before trusting them\n",
			OCOTP_TIMEOUT_US / 1000);
	return ret;
}

/**
 * ocotp_verify() - compare the reloaded shadows with the request
 * @ocotp: controller
 * @t: the words of the write
 * @count: number of words
 *
 * Return: 0, or -EIO when a word differs (each one logged).
 */
static int ocotp_verify(struct ocotp_dev *ocotp, const struct ocotp_target *t,
			unsigned int count)
{
	unsigned int i;
	int ret = 0;
	u32 data;

	for (i = 0; i < count; i++) {
		data = ocotp_shadow(ocotp, t[i].span, t[i].pos);
		if (data == OTP_IMX_OCOTP_LOCKED)
			ocotp_clear_error(ocotp);
		if (data != t[i].want) {
			dev_err(ocotp->dev, "offset %#x reads 0x%08x after programming 0x%08x; the fuses did not take the value\n",
				4 * t[i].pos, data, t[i].want);
			ret = -EIO;
		}
	}
	return ret;
}

/**
 * ocotp_write_locked() - program words, controller lock and clock held
 * @ocotp: controller
 * @t: the words of the write
 * @count: number of words
 *
 * Every word that needs new bits is one program operation; the others are
 * not touched.
 *
 * Return: 0 or a negative errno.
 */
static int ocotp_write_locked(struct ocotp_dev *ocotp, struct ocotp_target *t,
			      unsigned int count)
{
	unsigned int i, programmed = 0;
	u32 timing;
	int ret;

	ret = ocotp_wait_idle(ocotp, 0);
	if (ret) {
		dev_err(ocotp->dev, "controller busy, nothing programmed; retry later\n");
		return ret;
	}

	ret = ocotp_check(ocotp, t, count);
	if (ret <= 0)
		return ret;

	timing = ocotp_rd(ocotp, OCOTP_TIMING);
	ret = ocotp_timing(ocotp, &timing);
	if (ret)
		return ret;

	for (i = 0; i < count; i++) {
		if (t[i].want == t[i].have)
			continue;
		ret = ocotp_program(ocotp, &t[i], timing);
		if (ret)
			break;
		programmed++;
	}

	/* A controller that never finished will not reload either. */
	if (ret == -ETIMEDOUT || !programmed)
		return ret;

	if (!ret) {
		ret = ocotp_reload(ocotp);
		if (!ret)
			ret = ocotp_verify(ocotp, t, count);
	} else {
		/* Keep the shadows in step with what was blown so far. */
		ocotp_reload(ocotp);
	}
	return ret;
}

/**
 * ocotp_targets() - map a write onto fuse words, refusing what has no fuse
 * @ocotp: controller
 * @offset: first byte
 * @val: new values, little-endian words
 * @bytes: number of bytes
 *
 * Return: the words of the write, or an ERR_PTR(): -EINVAL (logged) when
 * the range is not made of whole words, runs past the device or covers a
 * position with no fuse behind it.
 */
static struct ocotp_target *ocotp_targets(struct ocotp_dev *ocotp,
					  unsigned int offset, const u8 *val,
					  size_t bytes)
{
	const struct ocotp_soc *soc = ocotp->soc;
	unsigned int size = ocotp->size;
	unsigned int i, pos;
	struct ocotp_target *t;

	if (!bytes || offset % 4 || bytes % 4) {
		dev_err(ocotp->dev, "write of %zu bytes at offset %#x refused: fuses are programmed in whole 4-byte words; nothing written, use an offset and length that are multiples of 4\n",
			bytes, offset);
		return ERR_PTR(-EINVAL);
	}
	if (offset >= size || bytes > size - offset) {
		dev_err(ocotp->dev, "write of %zu bytes at offset %#x refused: the fuse array has %u bytes; nothing written\n",
			bytes, offset, size);
		return ERR_PTR(-EINVAL);
	}

	t = kcalloc(bytes / 4, sizeof(*t), GFP_KERNEL);
	if (!t)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < bytes / 4; i++) {
		pos = offset / 4 + i;
		t[i].pos = pos;
		t[i].span = ocotp_span(soc, pos);
		t[i].want = get_unaligned_le32(val + 4 * i);
		if (!t[i].span ||
		    ocotp_span_addr(t[i].span, pos) / soc->data_regs >
		    soc->ctrl->addr >> __ffs(soc->ctrl->addr)) {
			dev_err(ocotp->dev, "offset %#x (bank %u word %u) has no fuse behind it on the %s; nothing written\n",
				4 * pos, pos / soc->bank_words,
				pos % soc->bank_words, soc->name);
			kfree(t);
			return ERR_PTR(-EINVAL);
		}
	}
	return t;
}

/**
 * ocotp_write() - nvmem reg_write callback
 * @context: controller
 * @offset: first byte, multiple of 4
 * @val: new values, little-endian words
 * @bytes: number of bytes, a multiple of 4
 *
 * Fuses are programmed in whole 32-bit words, with no hidden merge of a
 * partial word: the caller states the value of every word it writes.  Every refusal that can be
 * known beforehand (no fuse at an offset, a read lock, a write lock in the
 * LOCK word, a bit that would have to be cleared, an unusable clock)
 * refuses the whole write before the first fuse is blown; only a refusal
 * that the controller alone knows can stop a write half-way.
 *
 * Return: 0 (nvmem core then reports @bytes written) or a negative errno;
 * see ocotp_write_locked().
 */
static int ocotp_write(void *context, unsigned int offset, void *val,
		       size_t bytes)
{
	struct ocotp_dev *ocotp = context;
	struct ocotp_target *t;
	int ret;

	mutex_lock(&ocotp->lock);
	if (otp_provider_gone(&ocotp->prov)) {
		mutex_unlock(&ocotp->lock);
		return -ENODEV;
	}
	t = ocotp_targets(ocotp, offset, val, bytes);
	if (IS_ERR(t)) {
		mutex_unlock(&ocotp->lock);
		return PTR_ERR(t);
	}

	ret = clk_prepare_enable(ocotp->clk);
	if (ret) {
		dev_err(ocotp->dev, "cannot enable the OCOTP clock (%d); check the clocks property\n",
			ret);
	} else {
		ret = ocotp_write_locked(ocotp, t, bytes / 4);
		clk_disable_unprepare(ocotp->clk);
	}
	mutex_unlock(&ocotp->lock);

	kfree(t);
	return ret;
}

/*
 * The i.MX parts up to the i.MX93 hold a MAC address last byte first:
 * U-Boot arch/arm/mach-imx/mac.c imx_get_mac_from_fuse() takes MAC byte 0
 * from the top of the highest fuse word on the i.MX6, i.MX7 and i.MX8MP
 * alike.  Linux 6.12 imx-ocotp.c and imx-ocotp-ele.c hang
 * imx_ocotp_cell_pp() on every cell of every compatible they serve, and it
 * reverses the bytes when the consumer asked for the cell as
 * "mac-address" (the FEC's nvmem-cell-names), whatever the cell's node is
 * called: imx6qdl.dtsi and imx6ul.dtsi name theirs "mac-addr@88".  Not the
 * i.MX95 (@mac_in_order).
 */
static bool ocotp_cell_reversed(const char *id)
{
	return id && !strcmp(id, "mac-address");
}

static int ocotp_reverse(void *priv, void *buf, size_t bytes)
{
	u8 *b = buf;
	size_t i, n = min_t(size_t, bytes, ETH_ALEN);

	for (i = 0; i < n / 2; i++)
		swap(b[i], b[n - 1 - i]);
	return 0;
}

OTP_NVMEM_CELL_FIXUP(ocotp_reversed_mac_cells, ocotp_cell_reversed,
		     ocotp_reverse)

/* Removal: the read and write callbacks test @gone under the lock. */
static void ocotp_quiesce(struct otp_provider *prov)
{
	struct ocotp_dev *ocotp = container_of(prov, struct ocotp_dev, prov);

	mutex_lock(&ocotp->lock);
	mutex_unlock(&ocotp->lock);
}

static void ocotp_release(struct otp_provider *prov)
{
	struct ocotp_dev *ocotp = container_of(prov, struct ocotp_dev, prov);

	if (ocotp->id >= 0)
		otp_imx_ocotp_id_put(ocotp->id);
	bitmap_free(ocotp->ded_told);
	mutex_destroy(&ocotp->lock);
	kfree(ocotp);
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
 * otp_imx_ocotp_locks_show() - the lock state of a controller, one line
 *	per lock region
 * @s: where to print
 * @unused: unused
 *
 * For each field of the LOCK fuse word: its bits, the fuse words it guards
 * (fuse addresses as CTRL.ADDR counts them, NVMEM offsets of their first
 * and last word), its value, and what it blocks now (programming, shadow
 * writes, reads); then LOCK bits whose meaning or region is not public,
 * and the SW_STICKY locks.  s->private is the controller.
 *
 * Return: 0, or the errno of a failed register access.
 */
int otp_imx_ocotp_locks_show(struct seq_file *s, void *unused)
{
	struct ocotp_dev *ocotp = s->private;
	const struct ocotp_soc *soc = ocotp->soc;
	const struct ocotp_span *lspan = ocotp_span(soc, OCOTP_LOCK_ADDR);
	const struct ocotp_lock_field *f;
	const struct ocotp_sticky *st;
	u32 lockword = 0, sticky = 0, unplaced;
	bool unreadable = false;
	int ret;

	mutex_lock(&ocotp->lock);
	ret = otp_provider_gone(&ocotp->prov) ? -ENODEV :
	      clk_prepare_enable(ocotp->clk);
	if (ret)
		goto unlock;
	ret = ocotp_wait_idle(ocotp, 0);
	if (!ret) {
		lockword = ocotp_shadow(ocotp, lspan, OCOTP_LOCK_ADDR);
		if (lockword == OTP_IMX_OCOTP_LOCKED &&
		    (ocotp_rd(ocotp, OCOTP_CTRL) & soc->ctrl->error)) {
			ocotp_clear_error(ocotp);
			unreadable = true;
		}
		if (soc->sticky)
			sticky = ocotp_rd(ocotp, soc->sticky_reg);
	}
	clk_disable_unprepare(ocotp->clk);
unlock:
	mutex_unlock(&ocotp->lock);
	if (ret)
		return ret;

	seq_printf(s, "%s LOCK fuse word (fuse word 0, offset 0x000): ",
		   soc->name);
	if (unreadable) {
		seq_puts(s, "read-locked: write locks unknown, every write refused\n");
		return 0;
	}
	seq_printf(s, "0x%08x\n", lockword);
	if (!soc->locks) {
		seq_printf(s, "read-only here: %s\n", soc->no_prog);
		return 0;
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
		return 0;
	seq_printf(s, "SW_STICKY (register 0x%03x): 0x%08x, until the next power-on reset\n",
		   soc->sticky_reg, sticky);
	for (st = soc->sticky; st->name; st++) {
		seq_printf(s, "%-6u %-16s ", st->bit, st->name);
		ocotp_locks_region(s, soc, st->addr, 1);
		seq_printf(s, "%-4u ", !!(sticky & BIT(st->bit)));
		seq_puts(s, sticky & BIT(st->bit) ? "programming\n" : "-\n");
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_ocotp_locks_show);

/* debugfs' full proxy keeps the file safe against removal mid-read. */
DEFINE_SHOW_ATTRIBUTE(otp_imx_ocotp_locks);

static void ocotp_debugfs_remove(void *data)
{
	struct ocotp_dev *ocotp = data;

	debugfs_remove_recursive(ocotp->debugfs);
}

/**
 * otp_imx_ocotp_register() - register the NVMEM device of one controller
 * @dev: device that owns the controller; resources are device-managed
 * @io: controller registers, up to the last shadow of the SoC's fuse words
 * @clk: controller clock (the platform glue requires one but on the
 *	i.MX93/95), or NULL (then programming is refused)
 * @soc: the SoC's description, the match data of its compatible
 * @read_only: register without a write path
 *
 * Everything of the probe that does not depend on the bus: NVMEM device
 * numbering and registration, DT cells and the MAC cell byte order.
 *
 * Return: the NVMEM device, or an ERR_PTR().
 */
struct nvmem_device *otp_imx_ocotp_register(struct device *dev,
					    const struct otp_imx_ocotp_io *io,
					    struct clk *clk,
					    const struct ocotp_soc *soc,
					    bool read_only)
{
	struct nvmem_config cfg = { };
	struct nvmem_device *nvmem;
	struct ocotp_dev *ocotp;
	int id, ret;

	ocotp = kzalloc(sizeof(*ocotp), GFP_KERNEL);
	if (!ocotp)
		return ERR_PTR(-ENOMEM);
	ocotp->prov.release = ocotp_release;
	ocotp->prov.quiesce = ocotp_quiesce;
	ocotp->soc = soc;
	/*
	 * A read-locked word raised ERROR: clear it before the next read (the
	 * OCOTP controller; the FSB parts have none).
	 */
	if (soc->ctrl) {
		ocotp->locked_ack.on = OTP_IMX_OCOTP_LOCKED;
		ocotp->locked_ack.reg = OCOTP_CTRL_CLR;
		ocotp->locked_ack.val = soc->ctrl->error;
	}
	ocotp->size = soc->banks * soc->bank_words * 4;
	ocotp->dev = dev;
	ocotp->io = io;
	ocotp->clk = clk;
	mutex_init(&ocotp->lock);
	if (soc->ded) {
		ocotp->ded_told = bitmap_zalloc(ocotp->size / 4, GFP_KERNEL);
		if (!ocotp->ded_told) {
			ocotp->id = -1;
			ocotp_release(&ocotp->prov);
			return ERR_PTR(-ENOMEM);
		}
	}

	ocotp->id = otp_imx_ocotp_id_get();
	if (ocotp->id < 0) {
		id = ocotp->id;
		ocotp_release(&ocotp->prov);
		return ERR_PTR(id);
	}

	cfg.dev = dev;
	cfg.name = "imx-ocotp";
	cfg.id = ocotp->id;
	cfg.owner = THIS_MODULE;
	cfg.type = NVMEM_TYPE_OTP;
	cfg.size = ocotp->size;
	cfg.word_size = 1;
	cfg.stride = 1;
	cfg.priv = ocotp;
	cfg.reg_read = ocotp_read;
	if (!read_only && !ocotp->soc->locks) {
		dev_info(dev, "%s fuses registered read-only: %s\n",
			 ocotp->soc->name, ocotp->soc->no_prog);
		read_only = true;
	}
	cfg.read_only = read_only;
	if (!read_only)
		cfg.reg_write = ocotp_write;
	otp_nvmem_legacy_cells(&cfg);
	if (!ocotp->soc->mac_in_order)
		ocotp_reversed_mac_cells(&cfg);

	/* From here on @ocotp goes with the NVMEM device. */
	nvmem = otp_provider_register(dev, &cfg, &ocotp->prov);
	if (IS_ERR(nvmem))
		return nvmem;
	/* The FSB parts have no LOCK word to show. */
	if (soc->fsb)
		return nvmem;
	/* The lock view: /sys/kernel/debug/otp-imx-ocotp/imx-ocotpN/locks */
	ocotp->debugfs = debugfs_create_dir(nvmem_dev_name(nvmem),
					    ocotp_debugfs_root);
	debugfs_create_file("locks", 0444, ocotp->debugfs, ocotp,
			    &otp_imx_ocotp_locks_fops);
	ret = devm_add_action_or_reset(dev, ocotp_debugfs_remove, ocotp);
	return ret ? ERR_PTR(ret) : nvmem;
}
EXPORT_SYMBOL_IF_KUNIT(otp_imx_ocotp_register);

/**
 * struct ocotp_mmio - the controller's registers, memory mapped
 * @io: accessors handed to otp_imx_ocotp_register()
 * @base: start of the register block
 */
struct ocotp_mmio {
	struct otp_imx_ocotp_io io;
	void __iomem *base;
};

static void __iomem *ocotp_mmio_base(const struct otp_imx_ocotp_io *io)
{
	return container_of(io, struct ocotp_mmio, io)->base;
}

static u32 ocotp_mmio_read(const struct otp_imx_ocotp_io *io, unsigned int reg)
{
	return readl(ocotp_mmio_base(io) + reg);
}

static void ocotp_mmio_write(const struct otp_imx_ocotp_io *io,
			     unsigned int reg, u32 val)
{
	writel(val, ocotp_mmio_base(io) + reg);
}

/*
 * The hot path of every NVMEM read.  Relaxed accesses: nothing in memory
 * depends on their order, and the device keeps accesses to its own
 * registers in order, so the acknowledge lands before the next load.
 */
static void ocotp_mmio_read_shadows(const struct otp_imx_ocotp_io *io,
				    unsigned int reg, unsigned int count,
				    void *dst, const struct otp_imx_ocotp_ack *ack)
{
	void __iomem *base = ocotp_mmio_base(io);
	void __iomem *addr = base + reg;
	const u32 on = ack->on;
	unsigned int i;
	u32 v;

	/* @on in a register: the stores to @dst could alias @ack. */
	for (i = 0; i < count; i++, addr += OCOTP_SHADOW_STEP) {
		v = readl_relaxed(addr);
		put_unaligned_le32(v, dst + 4 * i);
		if (unlikely(v == on))
			writel_relaxed(ack->val, base + ack->reg);
	}
}

/* Bytes of register space the SoC's shadows need from the block's start. */
static unsigned int ocotp_block_size(const struct ocotp_soc *soc)
{
	const struct ocotp_span *sp;
	unsigned int end = 0;

	if (soc->fsb)
		return soc->fsb->reg + 4 * soc->banks * soc->bank_words;
	for (sp = soc->spans; sp->count; sp++)
		end = max(end, ocotp_span_shadow(sp, sp->pos + sp->count - 1) + 4);
	return end;
}

/**
 * ocotp_map() - map the register block described by the DT node
 * @dev: the OCOTP device
 * @res: its first memory resource, NULL when the node has no reg
 * @soc: SoC description, for the size the block must have
 *
 * The size is checked before anything is mapped, so a wrong node never
 * leads to an access outside the block.
 *
 * Return: the accessors, or an ERR_PTR() (-EINVAL logged for a bad reg).
 */
static const struct otp_imx_ocotp_io *ocotp_map(struct device *dev,
						struct resource *res,
						const struct ocotp_soc *soc)
{
	unsigned int need = ocotp_block_size(soc);
	struct ocotp_mmio *mmio;

	if (!res) {
		dev_err(dev, "no reg property: the DT node must give the OCOTP register block (reg = <base 0x10000>)\n");
		return ERR_PTR(-EINVAL);
	}
	if (resource_size(res) < need) {
		dev_err(dev, "reg %pR is too small: the DT node must cover at least %#x bytes (the %s fuse shadows)\n",
			res, need, soc->name);
		return ERR_PTR(-EINVAL);
	}

	mmio = devm_kzalloc(dev, sizeof(*mmio), GFP_KERNEL);
	if (!mmio)
		return ERR_PTR(-ENOMEM);
	mmio->base = devm_ioremap_resource(dev, res);
	if (IS_ERR(mmio->base))
		return ERR_CAST(mmio->base);
	mmio->io.read = ocotp_mmio_read;
	mmio->io.write = ocotp_mmio_write;
	mmio->io.read_shadows = ocotp_mmio_read_shadows;
	return &mmio->io;
}

/**
 * ocotp_get_clk() - the controller clock the DT node names
 * @dev: the OCOTP device
 * @soc: SoC description
 *
 * The OCOTP controller of the i.MX6/7/8M parts is clocked by the SoC's
 * clock controller, and its registers are read with that clock running:
 * Linux 6.12 drivers/nvmem/imx-ocotp.c requires the node's clock
 * (devm_clk_get()) and enables it around every read, and the SoC trees
 * name it (imx8mm.dtsi: clocks = <&clk IMX8MM_CLK_OCOTP_ROOT>).  A node
 * without "clocks" would bind and read the block while nothing keeps its
 * clock on, so it is refused.  The i.MX93/95 fuse shadow block has no
 * clock of its own (Linux 6.12 imx-ocotp-ele.c takes none): one is
 * optional there.
 *
 * Return: the clock (NULL for an FSB node without one), or an ERR_PTR()
 * (logged; -EPROBE_DEFER while the clock's provider is not there yet).
 */
static struct clk *ocotp_get_clk(struct device *dev,
				 const struct ocotp_soc *soc)
{
	struct clk *clk;

	if (!soc->fsb && !of_find_property(dev->of_node, "clocks", NULL)) {
		dev_err(dev, "%pOF has no clocks property: the %s OCOTP controller is read with its clock running, so the node must name it (clocks = <&clk ...>)\n",
			dev->of_node, soc->name);
		return ERR_PTR(-EINVAL);
	}
	clk = soc->fsb ? devm_clk_get_optional(dev, NULL) :
			 devm_clk_get(dev, NULL);
	if (IS_ERR(clk))
		dev_err_probe(dev, PTR_ERR(clk), "cannot get the OCOTP clock\n");
	return clk;
}

/*
 * Platform glue: everything the DT node provides (registers, clock,
 * read-only) is gathered here and handed to otp_imx_ocotp_register().
 */
static int ocotp_bind(struct device *dev, struct resource *res)
{
	const struct of_device_id *match;
	const struct otp_imx_ocotp_io *io;
	const struct ocotp_soc *soc;
	struct nvmem_device *nvmem;
	struct clk *clk;

	/* Bound through driver_override to a node that is not an OCOTP. */
	match = of_match_device(ocotp_of_match, dev);
	if (!match) {
		dev_err(dev, "%pOF is no OCOTP this driver knows: its compatible must be one of the fsl,imx*-ocotp strings\n",
			dev->of_node);
		return -ENODEV;
	}

	soc = ocotp_machine_soc(dev, match->data);
	io = ocotp_map(dev, res, soc);
	if (IS_ERR(io))
		return PTR_ERR(io);

	clk = ocotp_get_clk(dev, soc);
	if (IS_ERR(clk))
		return PTR_ERR(clk);

	nvmem = otp_imx_ocotp_register(dev, io, clk, soc,
				       of_property_read_bool(dev->of_node,
							     "read-only"));
	return PTR_ERR_OR_ZERO(nvmem);
}

static int ocotp_platform_probe(struct platform_device *pdev)
{
	return ocotp_bind(&pdev->dev,
			  platform_get_resource(pdev, IORESOURCE_MEM, 0));
}

static struct platform_driver otp_imx_ocotp_driver = {
	.probe = ocotp_platform_probe,
	.driver = {
		.name = "otp-imx-ocotp",
		.of_match_table = ocotp_of_match,
	},
};

static int __init otp_imx_ocotp_init(void)
{
	int ret;

	ocotp_debugfs_root = debugfs_create_dir("otp-imx-ocotp", NULL);
	ret = platform_driver_register(&otp_imx_ocotp_driver);
	if (ret)
		goto err_debugfs;
	ret = otp_imx_scu_init();
	if (ret)
		goto err_ocotp;
	return 0;

err_ocotp:
	platform_driver_unregister(&otp_imx_ocotp_driver);
err_debugfs:
	debugfs_remove_recursive(ocotp_debugfs_root);
	return ret;
}
module_init(otp_imx_ocotp_init);

static void __exit otp_imx_ocotp_exit(void)
{
	otp_imx_scu_exit();
	platform_driver_unregister(&otp_imx_ocotp_driver);
	/* A consumer may have held a cell until just now. */
	otp_provider_wait_all_released();
	debugfs_remove_recursive(ocotp_debugfs_root);
}
module_exit(otp_imx_ocotp_exit);

MODULE_DESCRIPTION("i.MX6/7/8M/9 On-Chip OTP and i.MX8QXP/8QM SCU fuse NVMEM provider");
MODULE_LICENSE("GPL");
