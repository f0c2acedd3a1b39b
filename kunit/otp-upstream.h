/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cases made from a kernel tree's own SoC device trees by
 * tests/gen-upstream-cells.py: the OTP node's cells as the SoC's .dtsi
 * declares them, its consumers' nvmem-cells / nvmem-cell-names pairs, a
 * fuse image, and what each consumer reads from it.
 */
#ifndef OTP_UPSTREAM_H
#define OTP_UPSTREAM_H

#include <linux/types.h>

/**
 * enum otp_upstream_kind - how the consumer reads its cell
 * @OTP_UPSTREAM_MAC: of_get_mac_address() (an ethernet controller)
 * @OTP_UPSTREAM_RAW: nvmem_cell_read(), the whole cell
 * @OTP_UPSTREAM_U8: nvmem_cell_read_u8()
 * @OTP_UPSTREAM_U16: nvmem_cell_read_u16()
 * @OTP_UPSTREAM_U32: nvmem_cell_read_u32()
 * @OTP_UPSTREAM_U64: nvmem_cell_read_u64()
 */
enum otp_upstream_kind {
	OTP_UPSTREAM_MAC,
	OTP_UPSTREAM_RAW,
	OTP_UPSTREAM_U8,
	OTP_UPSTREAM_U16,
	OTP_UPSTREAM_U32,
	OTP_UPSTREAM_U64,
};

/**
 * struct otp_upstream_read - one consumer's read of one cell
 * @consumer: the consumer's node in the overlay
 * @con_id: the name it asks for (its nvmem-cell-names entry)
 * @cell: the cell's node name, as the SoC tree has it
 * @upstream: the consumer's node in the SoC tree
 * @kind: how it reads
 * @len: bytes of @want
 * @want: what it must get (little endian for the integer reads)
 */
struct otp_upstream_read {
	const char *consumer;
	const char *con_id;
	const char *cell;
	const char *upstream;
	enum otp_upstream_kind kind;
	unsigned int len;
	u8 want[32];
};

/**
 * struct otp_upstream_soc - one SoC tree's OTP node and its consumers
 * @dtsi: the SoC tree, relative to the kernel sources
 * @compatible: the node's compatible the harness stands in for
 * @dtbo: the overlay: the cells under the harness node, the consumers
 * @dtbo_size: bytes of @dtbo
 * @words: the fuse image, word n at bytes 4n..4n+3
 * @nwords: words of @words
 * @reads: what the consumers read
 * @nreads: entries of @reads
 */
struct otp_upstream_soc {
	const char *dtsi;
	const char *compatible;
	const unsigned char *dtbo;
	size_t dtbo_size;
	const u32 *words;
	unsigned int nwords;
	const struct otp_upstream_read *reads;
	unsigned int nreads;
};

struct kunit;
void otp_upstream_expect(struct kunit *test, const struct otp_upstream_read *r);
void otp_upstream_desc(const struct otp_upstream_soc *u, char *desc);

#endif /* OTP_UPSTREAM_H */
