/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register-level model of the i.MX On-Chip OTP controller, handed to the
 * provider under test as its register accessors.
 *
 * The model is keyed by fuse address (the word index the controller's
 * CTRL.ADDR selects; a bank index on the i.MX7D), and places each fuse
 * word's shadow register from its own per-SoC map (ocotp-emu.c), taken
 * from sources other than the driver's.
 */
#ifndef OCOTP_EMU_H
#define OCOTP_EMU_H

#include <linux/types.h>

#include "imx-ocotp-io.h"

struct device;

#define OCOTP_EMU_LOCKED	0xbadabada
#define OCOTP_EMU_MAX_BANKS	96
#define OCOTP_EMU_OPS		16
#define OCOTP_EMU_DATA_SEQ	8

/**
 * struct ocotp_emu_lock - a field of the LOCK fuse word (fuse word 0), or
 *	one run of the words it guards
 * @name: the field, as its source names it; NULL ends a table
 * @prog: its bits that make the controller refuse programming
 * @shadow: its bits that stop only shadow writes
 * @read: its bits that stop reads
 * @addr: first fuse address it guards
 * @count: number of fuse addresses; 0 where the source places none
 */
struct ocotp_emu_lock {
	const char *name;
	u32 prog;
	u32 shadow;
	u32 read;
	u16 addr;
	u16 count;
};

/**
 * struct ocotp_emu_cfg - silicon variant to model
 * @compatible: DT compatible of the variant
 * @banks: fuse banks as the reference manual numbers them
 * @bank_words: words per bank in the reference manual's fuse map
 * @bank_reg: register offset of the shadow of word 0 of each bank; a
 *	bank's words follow every 0x10 bytes
 * @addr_bits: width of CTRL.ADDR
 * @mx8mp_ctrl: CTRL status bits one higher (BUSY 9, ERROR 10, RELOAD 11)
 * @bank_program: CTRL.ADDR selects a bank of four words, DATA0..3 hold
 *	them and the write of DATA0 starts programming (i.MX7D)
 * @ulp: i.MX7ULP register set: 0x10 is PDN, OUT_STATUS at 0x70
 * @locks: write-lock fields of the LOCK word (fuse address 0), ending
 *	with a zero @count; NULL for none
 * @field_return: fuse address of FIELD_RETURN, locked by SW_STICKY bit 2
 *	(0: no SW_STICKY register)
 * @srk_revoke: fuse address of SRK_REVOKE, locked by SW_STICKY bit 1
 * @sticky_reg: register offset of SW_STICKY (0: 0x50)
 * @fsb: the block is an i.MX9 fuse shadow block: one 32-bit shadow per
 *	word from 0x8000, no controller registers at all
 * @fsb95: the i.MX95's block, as NXP's own kernel reads it (ocotp-emu.c)
 */
struct ocotp_emu_cfg {
	const char *compatible;
	unsigned int banks;
	unsigned int bank_words;
	u16 bank_reg[OCOTP_EMU_MAX_BANKS];
	unsigned int addr_bits;
	bool mx8mp_ctrl;
	bool bank_program;
	bool ulp;
	const struct ocotp_emu_lock *locks;
	u16 field_return;
	u16 srk_revoke;
	u16 sticky_reg;
	bool fsb;
	bool fsb95;
};

/**
 * struct ocotp_emu_op - one program request the controller accepted
 * @addr: CTRL.ADDR
 * @data: DATA0..3 as latched when the request started
 * @seq: DATA registers (0..3) in the order they were written since the
 *	previous request, the starting DATA0 write last
 * @nseq: number of DATA writes since the previous request (may exceed
 *	OCOTP_EMU_DATA_SEQ; only the first ones are in @seq)
 * @timing: TIMING when the request started
 */
struct ocotp_emu_op {
	u32 addr;
	u32 data[4];
	u8 seq[OCOTP_EMU_DATA_SEQ];
	unsigned int nseq;
	u32 timing;
};

/**
 * struct ocotp_emu - emulated controller state
 * @io: register accessors handed to the provider
 * @cfg: modelled variant
 * @naddrs: number of fuse addresses (@cfg banks * bank_words)
 * @fuse: fuse array, by fuse address
 * @shadow: shadow registers, by fuse address, loaded from @fuse only by a
 *	reload
 * @read_locked: per fuse address: shadow reads 0xbadabada and raises ERROR
 * @write_locked: per fuse address: programming raises ERROR and blows
 *	nothing (on top of the LOCK word's regions)
 * @ctrl: CTRL register (ADDR, status bits, WR_UNLOCK)
 * @timing: TIMING register (PDN on the i.MX7ULP)
 * @out_status: i.MX7ULP OUT_STATUS
 * @sw_sticky: SW_STICKY (0x50), bits can only be set
 * @ded: per fuse address: a shadow read sets OUT_STATUS.DED (i.MX7ULP)
 * @data: DATA0..3 latches
 * @busy_cycles: register accesses that BUSY stays set after a request
 * @stuck_busy: BUSY never clears while set
 * @stuck_reload: a shadow reload never finishes while set
 * @no_stick: fuses ignore programming (the request still completes)
 * @busy_left: accesses left until the pending request completes
 * @pending: request in flight: 0 none, 1 program, 2 reload
 * @pending_addr: CTRL.ADDR latched with the program request
 * @pending_data: DATA latched with the program request
 * @reads: register reads
 * @writes: register writes
 * @shadow_reads: reads of shadow registers
 * @blocked_reads: shadow reads refused because ERROR was still set
 * @busy_reads: shadow reads while a program or reload request was in
 *	flight (the silicon gives no stable value then)
 * @busy_data_writes: DATA register writes while a program or reload
 *	request was in flight (BUSY set): they would change a latch the
 *	running operation may still use, so a driver must wait
 * @stray: accesses outside the register block or not on a register, and
 *	writes to offsets that hold no writable register
 * @hole_reads: reads of offsets in the shadow area with no fuse behind them
 * @shadow_writes: writes to shadow registers (never expected)
 * @programs: program requests that reached the fuses
 * @reloads: completed shadow reloads
 * @rejected: requests refused with ERROR
 * @last_addr: CTRL.ADDR of the last accepted program request
 * @last_data: DATA0..3 of the last accepted program request
 * @last_timing: TIMING when the last program request was accepted
 * @ops: the first OCOTP_EMU_OPS accepted program requests, as they reached
 *	the bus
 * @nops: accepted program requests recorded in @ops (at most
 *	OCOTP_EMU_OPS; @programs counts them all)
 * @data_seq: DATA registers written since the last request, in order
 * @data_nseq: number of DATA writes since the last request
 * @timing_writes: writes to TIMING
 */
struct ocotp_emu {
	struct otp_imx_ocotp_io io;
	struct ocotp_emu_cfg cfg;
	unsigned int naddrs;
	u32 *fuse;
	u32 *shadow;
	bool *read_locked;
	bool *write_locked;
	u32 ctrl;
	u32 timing;
	u32 out_status;
	u32 sw_sticky;
	bool *ded;
	u32 data[4];
	unsigned int busy_cycles;
	bool stuck_busy;
	bool stuck_reload;
	bool no_stick;
	unsigned int busy_left;
	int pending;
	u32 pending_addr;
	u32 pending_data[4];
	unsigned long reads;
	unsigned long writes;
	unsigned long shadow_reads;
	unsigned long blocked_reads;
	unsigned long busy_reads;
	unsigned long busy_data_writes;
	unsigned long stray;
	unsigned long hole_reads;
	unsigned long shadow_writes;
	unsigned long programs;
	unsigned long reloads;
	unsigned long rejected;
	u32 last_addr;
	u32 last_data[4];
	u32 last_timing;
	struct ocotp_emu_op ops[OCOTP_EMU_OPS];
	unsigned int nops;
	u8 data_seq[OCOTP_EMU_DATA_SEQ];
	unsigned int data_nseq;
	unsigned long timing_writes;
};

const struct ocotp_emu_cfg *ocotp_emu_variant(const char *compatible);
struct ocotp_emu *ocotp_emu_create(struct device *dev,
				   const struct ocotp_emu_cfg *cfg);
void ocotp_emu_load(struct ocotp_emu *emu, const u32 *words,
		    unsigned int count);
int ocotp_emu_shadow_reg(const struct ocotp_emu *emu, unsigned int addr);
bool ocotp_emu_region_locked(const struct ocotp_emu *emu, unsigned int addr);
bool ocotp_emu_fsb_serves(const struct ocotp_emu *emu, unsigned int addr);
u32 ocotp_emu_fsb_expect(const struct ocotp_emu *emu, unsigned int addr);
u32 ocotp_emu_busy(const struct ocotp_emu *emu);
u32 ocotp_emu_error(const struct ocotp_emu *emu);
u32 ocotp_emu_addr_shift(const struct ocotp_emu *emu);

#endif /* OCOTP_EMU_H */
