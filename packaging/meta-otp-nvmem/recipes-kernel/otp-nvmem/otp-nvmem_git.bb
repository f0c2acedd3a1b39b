SUMMARY = "NVMEM providers for STM32MP15 BSEC and i.MX OCOTP fuses"
DESCRIPTION = "Out-of-tree kernel modules otp-stm32-romem and otp-imx-ocotp: \
read the one-time-programmable fuses through /sys/bus/nvmem and DT cells; \
the i.MX one programs fuses word by word only where the DT allows it."
LICENSE = "GPL-2.0-only"
LIC_FILES_CHKSUM = "file://COPYING;md5=e6a75371ba4d16749254a51215d13f97"

inherit module

# Point this at your mirror of the repository (or use a bbappend).
OTP_NVMEM_URI ?= "git://git.example.org/otp-nvmem.git;protocol=https;branch=main"
SRC_URI = "${OTP_NVMEM_URI}"
# A pinned commit, so that an image is rebuilt from the same sources; move
# it forward on purpose (never AUTOREV: a fuse driver must not change under
# a factory image unnoticed).
SRCREV ?= "559312e04db863e3101e72b7b63dacf1906d16d3"
PV = "0.2+git${SRCPV}"
S = "${WORKDIR}/git"

# module.bbclass passes KERNEL_SRC, O, and for do_install MODLIB /
# INSTALL_MOD_PATH to our Makefile, which forwards them to Kbuild.
MAKE_TARGETS = "modules"
MODULES_INSTALL_TARGET = "modules_install"

RPROVIDES:${PN} += "kernel-module-otp-stm32-romem kernel-module-otp-imx-ocotp"

# The image gets the two providers and nothing else: the KUnit suites and
# test modules are built only with OTP_TESTS=1, which this recipe never sets.
COMPATIBLE_MACHINE ?= "(stm32mp1common|mx6-generic-bsp|mx7-generic-bsp|mx8m-generic-bsp|qemuarm|qemuarm64)"
