// SPDX-License-Identifier: GPL-2.0
/* The BSEC register model, linked a second time into the OP-TEE suite. */
#include "bsec-emu.c"
