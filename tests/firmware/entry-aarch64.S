/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AArch64 EL3 entry of the bench firmware (qemu-system-aarch64 -M
 * virt,secure=on -bios): every CPU starts here at 0 in EL3 with the MMU
 * off.  CPU 0 clears .bss and runs fw_main(); the others wait in
 * fw_secondary() for PSCI CPU_ON.  SMCs from the normal world arrive at
 * VBAR_EL3 + 0x400 (synchronous, lower EL, AArch64) and go to fw_smc().
 *
 * Register facts: ARM DDI 0487 (SCR_EL3, SPSR_EL3, ESR_EL3.EC 0x17 = SMC
 * from AArch64, vector table layout); SMCCC 1.1 (ARM DEN 0028): results in
 * x0-x3, x4-x17 preserved (all of x4-x30 are restored here).
 */
#include "fw.h"

#define SCR_EL3_NS		(1 << 0)
#define SCR_EL3_RES1		(3 << 4)
#define SCR_EL3_RW		(1 << 10)	/* EL1 is AArch64 */
#define SPSR_EL1H_DAIF		0x3c5		/* EL1h, D, A, I, F masked */
#define ESR_EC_SHIFT		26
#define ESR_EC_SMC64		0x17

	.section .text.entry, "ax"
	.global _start
_start:
	mrs	x0, mpidr_el1
	and	x0, x0, #0xff
	cmp	x0, #FW_MAX_CPUS
	b.hs	park
	bl	set_stack
	adr	x1, fw_vectors
	msr	vbar_el3, x1
	msr	cptr_el3, xzr			/* no FP/SIMD traps */
	isb
	cbnz	x0, 2f
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	3f
	str	xzr, [x1], #8
	b	1b
3:	bl	fw_main
2:	bl	fw_secondary
park:	wfi
	b	park

/* sp = top of this CPU's stack (x0 = CPU number); clobbers x1, x2 */
set_stack:
	ldr	x1, =fw_stacks
	add	x2, x0, #1
	lsl	x2, x2, #FW_STACK_SHIFT
	add	sp, x1, x2
	ret

/* fw_enter_ns(entry, arg0, arg1, arg2): leave for EL1 non-secure */
	.global fw_enter_ns
fw_enter_ns:
	mov	x9, x0
	mov	x11, x1
	mov	x12, x2
	mov	x13, x3
	mrs	x0, mpidr_el1
	and	x0, x0, #0xff
	bl	set_stack			/* SMCs start from an empty stack */
	mov	x10, #(SCR_EL3_NS | SCR_EL3_RES1 | SCR_EL3_RW)
	msr	scr_el3, x10
	mov	x10, #SPSR_EL1H_DAIF
	msr	spsr_el3, x10
	msr	elr_el3, x9
	mov	x0, x11
	mov	x1, x12
	mov	x2, x13
	mov	x3, xzr
	isb
	eret

/* Normal world SMC: x0-x3 in and out through the frame, the rest kept. */
smc_entry:
	stp	x0, x1, [sp, #-160]!
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x30, [sp, #144]
	mrs	x9, esr_el3
	lsr	x10, x9, #ESR_EC_SHIFT
	cmp	x10, #ESR_EC_SMC64
	b.ne	bad_exception
	mov	x0, sp
	bl	fw_smc
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x30, [sp, #144]
	ldp	x0, x1, [sp], #160
	eret

bad_exception:
	mrs	x0, esr_el3
	bl	fw_panic

/* VBAR_EL3: 16 entries of 0x80 bytes, 2 KiB aligned */
	.balign	2048
fw_vectors:
	.rept	8			/* current EL, SP_EL0 and SP_ELx */
	b	bad_exception
	.balign	128
	.endr
	b	smc_entry		/* lower EL, AArch64, synchronous */
	.balign	128
	.rept	7			/* the rest: IRQ/FIQ/SError, AArch32 */
	b	bad_exception
	.balign	128
	.endr

	.section .stacks, "aw", %nobits
	.balign	16
	.global	fw_stacks
fw_stacks:
	.space	FW_MAX_CPUS << FW_STACK_SHIFT
