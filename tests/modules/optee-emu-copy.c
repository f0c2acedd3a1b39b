// SPDX-License-Identifier: GPL-2.0
/* The emulated OP-TEE of the KUnit suite, built into the guest module. */
#include "../../kunit/optee-emu.c"
