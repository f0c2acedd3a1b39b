/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AArch32 Monitor-mode entry of the bench firmware (qemu-system-arm -M
 * virt,secure=on -cpu cortex-a7 -bios): every CPU starts here at 0 in
 * Secure SVC mode with the MMU off, and switches to Monitor mode for good.
 * CPU 0 clears .bss and runs fw_main(); the others wait in fw_secondary()
 * for PSCI CPU_ON.  SMCs arrive at MVBAR + 0x08 and go to fw_smc().
 *
 * Register facts: ARM DDI 0406C (SCR, NSACR, MVBAR, the Monitor vector
 * table, "MOVS PC, LR" as exception return, CPSR mode numbers); Cortex-A7
 * TRM (ACTLR.SMP, bit 6).  SMCCC 1.1 (ARM DEN 0028): results in r0-r3,
 * r4-r14 preserved.
 */
#include "fw.h"

#define MODE_SVC		0x13
#define MODE_MON		0x16
#define PSR_F			(1 << 6)
#define PSR_I			(1 << 7)
#define PSR_A			(1 << 8)
#define SCR_NS			(1 << 0)
#define SCR_FW			(1 << 4)	/* NS may set CPSR.F */
#define SCR_AW			(1 << 5)	/* NS may set CPSR.A */
#define NSACR_CP10_CP11		(3 << 10)	/* NS may use VFP/NEON */
#define NSACR_NS_SMP		(1 << 18)	/* NS may write ACTLR.SMP */
#define ACTLR_SMP		(1 << 6)

	.arm
	.section .text.entry, "ax"
	.global _start
_start:
	/* Secure vectors at 0 (VBAR resets to 0): reset, then traps. */
	b	reset
	.rept	7
	b	bad_exception
	.endr

reset:
	cpsid	aif, #MODE_MON
	mrc	p15, 0, r0, c0, c0, 5		/* MPIDR */
	and	r0, r0, #0xff
	cmp	r0, #FW_MAX_CPUS
	bhs	park
	bl	set_stack
	ldr	r1, =fw_mon_vectors
	mcr	p15, 0, r1, c12, c0, 1		/* MVBAR */
	ldr	r1, =(NSACR_CP10_CP11 | NSACR_NS_SMP)
	mcr	p15, 0, r1, c1, c1, 2		/* NSACR */
	mrc	p15, 0, r1, c1, c0, 1		/* ACTLR */
	orr	r1, r1, #ACTLR_SMP
	mcr	p15, 0, r1, c1, c0, 1
	isb
	cmp	r0, #0
	bne	2f
	ldr	r1, =__bss_start
	ldr	r2, =__bss_end
	mov	r3, #0
1:	cmp	r1, r2
	strlo	r3, [r1], #4
	blo	1b
	bl	fw_main
2:	bl	fw_secondary
park:	wfi
	b	park

/* sp = top of this CPU's stack (r0 = CPU number); clobbers r1, r2 */
set_stack:
	ldr	r1, =fw_stacks
	add	r2, r0, #1
	add	sp, r1, r2, lsl #FW_STACK_SHIFT
	bx	lr

/* fw_enter_ns(entry, arg0, arg1, arg2): leave for Non-secure SVC */
	.global fw_enter_ns
fw_enter_ns:
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	mov	r7, r3
	mrc	p15, 0, r0, c0, c0, 5
	and	r0, r0, #0xff
	bl	set_stack			/* SMCs start from an empty stack */
	mov	lr, r4
	ldr	r1, =(MODE_SVC | PSR_A | PSR_I | PSR_F)
	msr	spsr_cxsf, r1
	ldr	r1, =(SCR_NS | SCR_FW | SCR_AW)
	mcr	p15, 0, r1, c1, c1, 0		/* SCR: the next mode is NS */
	isb
	mov	r0, r5
	mov	r1, r6
	mov	r2, r7
	mov	r3, #0
	movs	pc, lr

/* Normal world SMC: r0-r3 in and out through the frame, the rest kept. */
smc_entry:
	push	{r4-r12, lr}
	push	{r0-r3}
	mov	r0, sp
	bl	fw_smc
	pop	{r0-r3}
	pop	{r4-r12, lr}
	movs	pc, lr

bad_exception:
	mrs	r0, cpsr			/* the mode tells which trap */
	cps	#MODE_MON			/* the stack that is set up */
	bl	fw_panic

/* MVBAR: 8 entries, 32-byte aligned; SMC at +0x08 */
	.balign	32
fw_mon_vectors:
	b	bad_exception
	b	bad_exception
	b	smc_entry
	b	bad_exception
	b	bad_exception
	b	bad_exception
	b	bad_exception
	b	bad_exception
	.ltorg

	.section .stacks, "aw", %nobits
	.balign	8
	.global	fw_stacks
fw_stacks:
	.space	FW_MAX_CPUS << FW_STACK_SHIFT
