// SPDX-License-Identifier: GPL-2.0
/*
 * otp-imx-ocotp: every SoC's description as data (fuse maps, lock maps,
 * controller variants), each table with its source, and the match table.
 */
#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>

#include <kunit/visibility.h>

#include "imx-ocotp.h"

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

const struct of_device_id ocotp_of_match[] = {
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
const struct ocotp_soc *ocotp_machine_soc(struct device *dev,
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
