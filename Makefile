# SPDX-License-Identifier: GPL-2.0
#
# OTP NVMEM providers (STM32MP15 BSEC, i.MX OCOTP), built out of tree.
#
#   make [KDIR=<kernel build dir>] [ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-]
#   make modules_install [INSTALL_MOD_PATH=<staging>]
#   make clean
#   make demo     build the 6.12 test kernel, boot QEMU, show what a user sees
#   make check    everything that must pass, on 6.1 and 6.12
#   make bench    time the in-tree drivers against ours in QEMU (6.12)
#   make qemu KVER=6.12 [MODE=check|absent|optee] [ARCH=arm64|arm]
#                 one QEMU boot (check: KUnit + end to end, through the
#                 bench firmware)
#   make fresh-check      the two commands above on a fresh debootstrapped
#                         bookworm (root; as long as a cold run)
#   make lava-jobs [KERNEL="<kernel build dir>..."]
#                 LAVA jobs per board (and QEMU) in build/lava/jobs, with
#                 the artefacts they download (docs/lava.md)
#   make lava-check       the QEMU job through Debian's lava-run, locally
#                         (not part of make check)
#
# KERNEL_SRC is accepted as an alias of KDIR (Yocto's module.bbclass passes
# it, together with O= for a separate kernel build directory).

KERNEL_SRC ?= /lib/modules/$(shell uname -r)/build
KDIR ?= $(KERNEL_SRC)
KVER ?= 6.12
MODE ?= check
ARCH_QEMU ?= $(if $(filter arm,$(ARCH)),arm,arm64)

all: modules

modules modules_install clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) $@

demo:
	sh scripts/setup.sh
	sh scripts/demo.sh

check:
	sh scripts/setup.sh
	sh scripts/check.sh

bench:
	sh scripts/setup.sh
	sh scripts/bench.sh

soak:
	sh scripts/setup.sh
	sh scripts/soak.sh

qemu:
	sh scripts/qemu-test.sh $(KVER) $(MODE) $(ARCH_QEMU)

fresh-check:
	sh scripts/fresh-check.sh

lava-jobs:
	sh scripts/setup.sh
	sh scripts/lava-setup.sh
	sh scripts/lava-jobs.sh $(KERNEL)

lava-check:
	sh scripts/setup.sh
	sh scripts/lava-check.sh

.PHONY: all modules modules_install clean demo check bench soak qemu fresh-check \
	lava-jobs lava-check
