/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Register-level model of the i.MX On-Chip OTP controller, handed to the
 * provider under test as its register accessors.
 */
#ifndef OCOTP_EMU_H
#define OCOTP_EMU_H

#include <linux/types.h>

#include "otp-imx-ocotp.h"

struct device;

#define OCOTP_EMU_LOCKED	0xbadabada

/**
 * struct ocotp_emu_cfg - silicon variant to model
 * @nwords: number of fuse words
 * @mx8mp_ctrl: CTRL uses the i.MX8MP layout (ADDR [8:0], BUSY 9, ERROR 10,
 *	RELOAD 11) instead of ADDR [7:0], BUSY 8, ERROR 9, RELOAD 10
 * @bank_words: 0 for word programming through DATA; 4 for the i.MX7D,
 *	where CTRL.ADDR selects a bank, DATA0..3 hold its words and the write
 *	of DATA0 starts programming
 */
struct ocotp_emu_cfg {
	unsigned int nwords;
	bool mx8mp_ctrl;
	unsigned int bank_words;
};

/**
 * struct ocotp_emu - emulated controller state
 * @io: register accessors handed to the provider
 * @cfg: modelled variant
 * @fuse: fuse array
 * @shadow: shadow registers, loaded from @fuse only by a reload
 * @read_locked: per word: shadow reads 0xbadabada and raises ERROR
 * @write_locked: per word: programming raises ERROR and blows nothing
 * @ctrl: CTRL register (ADDR, status bits, WR_UNLOCK)
 * @timing: TIMING register
 * @data: DATA0..3 latches
 * @busy_cycles: register accesses that BUSY stays set after a request
 * @stuck_busy: BUSY never clears while set
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
 * @stray: accesses outside the register block or not on a register, and
 *	writes to offsets that hold no writable register (DATA1..3 on the
 *	word-addressed parts, the gap before the shadows)
 * @bulk_calls: calls of the bulk shadow read
 * @shadow_writes: writes to shadow registers (never expected)
 * @programs: program requests that reached the fuses
 * @reloads: completed shadow reloads
 * @rejected: requests refused with ERROR
 * @last_addr: CTRL.ADDR of the last accepted program request
 * @last_data: DATA0..3 of the last accepted program request
 * @last_timing: TIMING when the last program request was accepted
 */
struct ocotp_emu {
	struct otp_imx_ocotp_io io;
	struct ocotp_emu_cfg cfg;
	u32 *fuse;
	u32 *shadow;
	bool *read_locked;
	bool *write_locked;
	u32 ctrl;
	u32 timing;
	u32 data[4];
	unsigned int busy_cycles;
	bool stuck_busy;
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
	unsigned long stray;
	unsigned long bulk_calls;
	unsigned long shadow_writes;
	unsigned long programs;
	unsigned long reloads;
	unsigned long rejected;
	u32 last_addr;
	u32 last_data[4];
	u32 last_timing;
};

struct ocotp_emu *ocotp_emu_create(struct device *dev,
				   const struct ocotp_emu_cfg *cfg);
void ocotp_emu_load(struct ocotp_emu *emu, const u32 *words,
		    unsigned int count);
u32 ocotp_emu_busy(const struct ocotp_emu *emu);
u32 ocotp_emu_error(const struct ocotp_emu *emu);
u32 ocotp_emu_addr_shift(const struct ocotp_emu *emu);

#endif /* OCOTP_EMU_H */
