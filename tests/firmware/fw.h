/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Facts the bench firmware needs, each with where it comes from.  Nothing
 * here is shared with the drivers or the KUnit emulators.
 */
#ifndef OTP_FW_H
#define OTP_FW_H

/*
 * QEMU "virt" machine, secure=on (QEMU hw/arm/virt.c, base_memmap[] and
 * create_secure_gpio_pwr(); checked against "-M virt,secure=on,dumpdtb"
 * of QEMU 7.2).
 */
#define VIRT_GICD		0x08000000UL	/* GICv2 distributor */
#define VIRT_GICC		0x08010000UL	/* GICv2 CPU interface */
#define VIRT_UART0		0x09000000UL	/* PL011, the kernel's console */
#define VIRT_SECURE_GPIO	0x090b0000UL	/* PL061, secure only */
#define VIRT_GPIO_POWEROFF	0		/* line to "gpio-pwr" shutdown */
#define VIRT_GPIO_RESET		1		/* line to "gpio-pwr" reset */
#define VIRT_SECURE_RAM		0x0e000000UL	/* 16 MiB, secure only */

/*
 * Where scripts/qemu-test.sh places the normal world's images (loader
 * devices).  arm64: Documentation/arch/arm64/booting.rst (2 MiB aligned,
 * text_offset 0).  arm: the zImage away from the start of RAM so that it
 * decompresses below itself; DTB and initrd above 128 MiB of RAM
 * (Documentation/arch/arm/booting.rst).
 */
#define NS_DTB			0x48000000UL
#ifdef __aarch64__
#define FW_FLAVOUR		"AArch64 EL3"
#define NS_KERNEL		0x40200000UL
/* arm64 booting.rst: x0 = DTB, x1-x3 = 0 */
#define NS_ARG0			NS_DTB
#define NS_ARG1			0UL
#define NS_ARG2			0UL
/* MPIDR_EL1 (ARM DDI 0487): Aff0 [7:0], Aff1 [15:8], Aff2 [23:16], Aff3 [39:32] */
#define MPIDR_AFF_ABOVE0	0xff00ffff00UL
#else
#define FW_FLAVOUR		"AArch32 Monitor mode"
#define NS_KERNEL		0x44000000UL
/* arm booting.rst: r0 = 0, r1 = machine type (~0: none, DT), r2 = DTB */
#define NS_ARG0			0UL
#define NS_ARG1			(~0UL)
#define NS_ARG2			NS_DTB
/* MPIDR (ARM DDI 0406C): Aff0 [7:0], Aff1 [15:8], Aff2 [23:16] */
#define MPIDR_AFF_ABOVE0	0x00ffff00UL
#endif
#define MPIDR_AFF0		0xffUL

/*
 * CPUs the firmware starts (more are parked) and 1 << FW_STACK_SHIFT bytes
 * of stack for each; plain numbers, the entry code uses them too.
 */
#define FW_MAX_CPUS		4
#define FW_STACK_SHIFT		12

/*
 * GICv2 (ARM IHI 0048B): GICD_CTLR, GICD_TYPER, GICD_IGROUPRn; GICC_PMR.
 * With the Security Extensions every interrupt resets to group 0 (secure)
 * and a Non-secure write to GICC_PMR is ignored while the mask holds a
 * secure priority (bit 7 clear): both must be opened for the kernel.
 */
#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_IGROUPR(n)		(0x080 + 4 * (n))
#define GICD_CTLR_GRP0		0x1
#define GICD_CTLR_GRP1		0x2
#define GICD_TYPER_LINES	0x1f	/* ITLinesNumber: 32 * (N + 1) IDs */
#define GICC_PMR		0x004

/* PL011 (ARM DDI 0183G): data register, flag register, TXFF */
#define UART_DR			0x000
#define UART_FR			0x018
#define UART_FR_TXFF		(1U << 5)

/* PL061 (ARM DDI 0190B): GPIODIR; GPIODATA bit n is at offset 4 << n */
#define GPIO_DIR		0x400
#define GPIO_DATA(line)		(4U << (line))

/* SMC Calling Convention (ARM DEN 0028, v1.1 and later) */
#define SMCCC_VERSION		0x80000000U
#define SMCCC_ARCH_FEATURES	0x80000001U
#define SMCCC_VERSION_1_1	0x00010001U
#define SMCCC_NOT_SUPPORTED	(-1L)

/* PSCI (ARM DEN 0022D), 32-bit ids and their SMC64 twins */
#define PSCI_VERSION		0x84000000U
#define PSCI_CPU_ON_32		0x84000003U
#define PSCI_CPU_ON_64		0xc4000003U
#define PSCI_MIGRATE_INFO_TYPE	0x84000006U
#define PSCI_SYSTEM_OFF		0x84000008U
#define PSCI_SYSTEM_RESET	0x84000009U
#define PSCI_FEATURES		0x8400000aU
#define PSCI_VERSION_1_0	0x00010000U
#define PSCI_SUCCESS		0L
#define PSCI_NOT_SUPPORTED	(-1L)
#define PSCI_INVALID_PARAMS	(-2L)
#define PSCI_ALREADY_ON		(-4L)
#define PSCI_TOS_NOT_PRESENT	2L	/* MIGRATE_INFO_TYPE: no Trusted OS */

/*
 * STM32MP1 BSEC SiP service as TF-A serves it (TF-A
 * plat/st/stm32mp1/include/stm32mp1_smc.h, services/bsec_svc.c and
 * stm32mp1_svc_setup.c): function id in x0/r0, service in x1/r1, OTP word
 * in x2/r2, value to write in x3/r3; status back in x0/r0, the word read
 * in x1/r1.
 */
#define STM32_SIP_BSEC		0x82001003U
#define STM32_BSEC_READ_SHADOW	0x1
#define STM32_BSEC_PROG_OTP	0x2
#define STM32_BSEC_WRITE_SHADOW	0x3
#define STM32_BSEC_READ_OTP	0x4
#define STM32_SIP_OK		0x00000000U
#define STM32_SIP_FAILED	0xfffffffeU
#define STM32_SIP_INVALID	0xfffffffdU
#define STM32_BSEC_ERROR	0xffffffffU	/* ST OP-TEE 3.3 bsec.h */

/*
 * STM32MP15 OTP geometry and what the secure world lets the normal world
 * read: 96 words (RM0436 "BSEC"), the lower 32 always; OP-TEE's stm32mp151.dtsi marks the
 * mac@e4 cell (words 57-58) st,non-secure-otp, TF-A's STM32MP15 board DTs
 * also the board id at 0xec (word 59).
 */
#define BSEC_WORDS		96
#define BSEC_LOWER_WORDS	32	/* TF-A STM32MP1_UPPER_OTP_START */
#define BSEC_OPEN_FIRST		57
#define BSEC_OPEN_LAST		59

/*
 * i.MX8QXP OTP programming as TF-A serves it on the SCU parts (TF-A
 * plat/imx/common/include/imx_sip_svc.h IMX_SIP_OTP_WRITE, imx_sip_handler.c
 * imx_otp_handler(): word in x1, value in x2; the SCFW's sc_err_t back in
 * x0, plat/imx/common/include/sci/sci_types.h).  Here the fuses are the
 * image the emulated SCU firmware serves (scripts/qemu-test.sh loads it at
 * SCU_FUSES); the gap without fuses and the ECC words are U-Boot's
 * (drivers/misc/imx8/fuse.c, CONFIG_IMX8QXP).
 */
#define IMX_SIP_OTP_WRITE	0xc200000bU
#define SCU_FUSES		0x7f060000UL
#define SCU_WORDS		800
#define SCU_GAP_FIRST		0x110
#define SCU_GAP_LAST		0x21f
#define SC_ERR_NONE		0
#define SC_ERR_PARM		3
#define SC_ERR_LOCKED		5

/*
 * The generation of secure firmware the monitor plays (FW_GENERATION, set
 * by scripts/build-firmware.sh; tests/firmware/README.md has the sources):
 * - TF-A SP_MIN (ST's, v2.0-stm32mp-r3+) answers SMCCC_VERSION and
 *   refuses a closed word with INVALID_PARAMS, 0 in x1/r1;
 * - OP-TEE 3.9-3.19 as the monitor answers SMCCC_VERSION too, but in the
 *   registers the arguments came in: a refusal is INVALID_PARAMS with the
 *   command left in r1;
 * - ST's OP-TEE 3.3 (stm32mp) refuses with the raw BSEC_ERROR,
 *   0xffffffff, the command left in r1, and answers no SMCCC_VERSION
 *   (PSCI_FEATURES says NOT_SUPPORTED for it: SMCCC 1.0).
 */
#define FW_GEN_TFA		0
#define FW_GEN_OPTEE_3_9	1
#define FW_GEN_OPTEE_3_3	2
#ifndef FW_GENERATION
#define FW_GENERATION		FW_GEN_TFA
#endif
/*
 * FW_SMCCC_1_1: SMCCC_VERSION is answered; FW_KEEPS_R1: a refusal leaves
 * the caller's r1/x1 (the command); FW_REFUSAL: the status of a refusal.
 */
#if FW_GENERATION == FW_GEN_TFA
#define FW_GENERATION_NAME	"TF-A SP_MIN, SMCCC 1.1"
#define FW_SMCCC_1_1		1
#define FW_KEEPS_R1		0
#define FW_REFUSAL		STM32_SIP_INVALID
#elif FW_GENERATION == FW_GEN_OPTEE_3_9
#define FW_GENERATION_NAME	"OP-TEE 3.9-3.19, SMCCC 1.1"
#define FW_SMCCC_1_1		1
#define FW_KEEPS_R1		1
#define FW_REFUSAL		STM32_SIP_INVALID
#elif FW_GENERATION == FW_GEN_OPTEE_3_3
#define FW_GENERATION_NAME	"ST OP-TEE 3.3, SMCCC 1.0"
#define FW_SMCCC_1_1		0
#define FW_KEEPS_R1		1
#define FW_REFUSAL		STM32_BSEC_ERROR
#else
#error "unknown FW_GENERATION"
#endif

#ifndef __ASSEMBLER__
typedef unsigned int u32;

#define __noreturn		__attribute__((noreturn))

/* monitor.c, called from the entry code */
void __noreturn fw_main(void);
void __noreturn fw_secondary(unsigned int cpu);
void fw_smc(unsigned long *regs);
void __noreturn fw_panic(unsigned long why);

/* entry-*.S and otp-image.S */
void __noreturn fw_enter_ns(unsigned long entry, unsigned long arg0,
			    unsigned long arg1, unsigned long arg2);
extern const u32 fw_otp_image[BSEC_WORDS];
#endif

#endif /* OTP_FW_H */
