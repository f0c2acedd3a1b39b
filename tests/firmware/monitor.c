// SPDX-License-Identifier: GPL-2.0
/*
 * The secure monitor of the QEMU bench, architecture independent part:
 * hands the GIC to the normal world, starts the kernel and answers its
 * SMCs (SMCCC_VERSION, PSCI 1.0, the STM32 BSEC SiP service over an OTP
 * image built in).  entry-aarch64.S (EL3) and entry-aarch32.S (Monitor
 * mode) catch the SMC and call fw_smc() with the caller's registers.
 * Runs with the MMU off: every access is a naturally aligned word.
 */
#include "fw.h"

/* Where a CPU that PSCI CPU_ON starts goes; written by another CPU. */
struct fw_cpu_start {
	volatile unsigned long entry;
	volatile unsigned long context;
	volatile u32 on;
};

static struct fw_cpu_start fw_cpus[FW_MAX_CPUS];

static inline void mmio_write(unsigned long addr, u32 val)
{
	*(volatile u32 *)addr = val;
}

static inline u32 mmio_read(unsigned long addr)
{
	return *(volatile u32 *)addr;
}

static void uart_puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			uart_puts("\r");
		while (mmio_read(VIRT_UART0 + UART_FR) & UART_FR_TXFF)
			;
		mmio_write(VIRT_UART0 + UART_DR, (unsigned char)*s);
	}
}

static void uart_hex(unsigned long val)
{
	char buf[2 * sizeof(val) + 1];
	int i;

	for (i = 2 * sizeof(val) - 1; i >= 0; i--, val >>= 4)
		buf[i] = "0123456789abcdef"[val & 0xf];
	buf[2 * sizeof(val)] = '\0';
	uart_puts(buf);
}

/* The banked part of the GIC: this CPU's SGIs/PPIs and priority mask. */
static void gic_cpu_init(void)
{
	mmio_write(VIRT_GICD + GICD_IGROUPR(0), ~0U);
	mmio_write(VIRT_GICC + GICC_PMR, 0xff);
}

static void gic_init(void)
{
	u32 regs = (mmio_read(VIRT_GICD + GICD_TYPER) & GICD_TYPER_LINES) + 1;
	u32 n;

	for (n = 1; n < regs; n++)
		mmio_write(VIRT_GICD + GICD_IGROUPR(n), ~0U);
	mmio_write(VIRT_GICD + GICD_CTLR, GICD_CTLR_GRP0 | GICD_CTLR_GRP1);
	gic_cpu_init();
}

static void __noreturn power_gpio(unsigned int line)
{
	mmio_write(VIRT_SECURE_GPIO + GPIO_DIR, 1U << line);
	mmio_write(VIRT_SECURE_GPIO + GPIO_DATA(line), 1U << line);
	for (;;)
		__asm__ volatile("wfi");
}

/*
 * STM32 BSEC SiP service: reads of the lower words and of the opened
 * upper words; everything else, and every write, is refused.  The word
 * goes back in regs[1]; on a refusal regs[1] keeps the command under
 * OP-TEE, 0 under TF-A.
 */
static u32 bsec_call(unsigned long *regs)
{
	unsigned long service = regs[1], word = regs[2];
	int open = word < BSEC_LOWER_WORDS ||
		   (word >= BSEC_OPEN_FIRST && word <= BSEC_OPEN_LAST);

	if (!FW_KEEPS_R1)
		regs[1] = 0;
	if (!open)
		return FW_REFUSAL;
	switch (service) {
	case STM32_BSEC_READ_SHADOW:
	case STM32_BSEC_READ_OTP:
		regs[1] = fw_otp_image[word];
		return STM32_SIP_OK;
	case STM32_BSEC_PROG_OTP:
	case STM32_BSEC_WRITE_SHADOW:
		return STM32_SIP_FAILED;
	default:
		return STM32_SIP_INVALID;
	}
}

/*
 * i.MX8QXP OTP programming: the fuses take the value's 1 bits; an ECC word
 * (0x10-0x10f, 0x220-0x31f) takes one value, once.
 */
static long scu_otp_write(unsigned long word, unsigned long val)
{
	u32 *fuse = (u32 *)SCU_FUSES;
	int ecc = (word >= 0x10 && word <= 0x10f) ||
		  (word >= 0x220 && word <= 0x31f);

	if (word >= SCU_WORDS || (word >= SCU_GAP_FIRST && word <= SCU_GAP_LAST))
		return SC_ERR_PARM;
	if (ecc && fuse[word])
		return SC_ERR_LOCKED;
	fuse[word] |= (u32)val;
	return SC_ERR_NONE;
}

static long psci_cpu_on(unsigned long mpidr, unsigned long entry,
			unsigned long context)
{
	unsigned long cpu = mpidr & MPIDR_AFF0;

	if ((mpidr & MPIDR_AFF_ABOVE0) || cpu >= FW_MAX_CPUS)
		return PSCI_INVALID_PARAMS;
	if (fw_cpus[cpu].on)
		return PSCI_ALREADY_ON;
	fw_cpus[cpu].on = 1;
	fw_cpus[cpu].context = context;
	fw_cpus[cpu].entry = entry;
	__asm__ volatile("dsb sy\n\tsev" ::: "memory");
	return PSCI_SUCCESS;
}

static long psci_features(u32 fid)
{
	switch (fid) {
	case SMCCC_VERSION:
		return FW_SMCCC_1_1 ? PSCI_SUCCESS : PSCI_NOT_SUPPORTED;
	case PSCI_VERSION:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
		return PSCI_SUCCESS;
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

/*
 * One SMC: regs[0..3] are the caller's x0-x3 (r0-r3) on entry and what it
 * gets back on return; the entry code preserves every other register.
 */
void fw_smc(unsigned long *regs)
{
	u32 fid = (u32)regs[0];
	long ret;

	switch (fid) {
	case SMCCC_VERSION:
		ret = FW_SMCCC_1_1 ? (long)SMCCC_VERSION_1_1 :
				     SMCCC_NOT_SUPPORTED;
		break;
	case SMCCC_ARCH_FEATURES:
		ret = (u32)regs[1] == SMCCC_VERSION ? 0 : SMCCC_NOT_SUPPORTED;
		break;
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_0;
		break;
	case PSCI_FEATURES:
		ret = psci_features((u32)regs[1]);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT;
		break;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = psci_cpu_on(regs[1], regs[2], regs[3]);
		break;
	case PSCI_SYSTEM_OFF:
		power_gpio(VIRT_GPIO_POWEROFF);
	case PSCI_SYSTEM_RESET:
		power_gpio(VIRT_GPIO_RESET);
	case STM32_SIP_BSEC:
		regs[0] = bsec_call(regs);
		return;
	case IMX_SIP_OTP_WRITE:
		ret = scu_otp_write(regs[1], regs[2]);
		break;
	default:
		ret = SMCCC_NOT_SUPPORTED;
		break;
	}
	regs[0] = (unsigned long)ret;
	regs[1] = 0;
	regs[2] = 0;
	regs[3] = 0;
}

void fw_main(void)
{
	gic_init();
	fw_cpus[0].on = 1;
	uart_puts("otp-fw: " FW_FLAVOUR " secure monitor as " FW_GENERATION_NAME ", PSCI 1.0, ");
	uart_puts("STM32 BSEC SiP (words 0-31 and 57-59 open), i.MX8QXP OTP SiP; kernel at 0x");
	uart_hex(NS_KERNEL);
	uart_puts(", DTB at 0x");
	uart_hex(NS_DTB);
	uart_puts("\n");
	fw_enter_ns(NS_KERNEL, NS_ARG0, NS_ARG1, NS_ARG2);
}

void fw_secondary(unsigned int cpu)
{
	gic_cpu_init();
	while (!fw_cpus[cpu].entry)
		__asm__ volatile("wfe" ::: "memory");
	fw_enter_ns(fw_cpus[cpu].entry, fw_cpus[cpu].context, 0, 0);
}

void fw_panic(unsigned long why)
{
	uart_puts("otp-fw: unexpected exception, syndrome 0x");
	uart_hex(why);
	uart_puts("\n");
	for (;;)
		__asm__ volatile("wfi");
}
