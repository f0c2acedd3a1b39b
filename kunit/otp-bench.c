// SPDX-License-Identifier: GPL-2.0
/*
 * otp-bench: time in-kernel NVMEM cell reads for "make bench" (QEMU only,
 * never loaded by the check or demo runs).
 *
 *   insmod otp-bench.ko node=/otp-bench-imx cell=mac-address tag=ours \
 *	iters=2000 runs=5
 *
 * Looks the cell up through the DT node's nvmem-cells / nvmem-cell-names
 * (of_nvmem_cell_get()), then times
 *   - nvmem_cell_read() + kfree() with the cell held (what a driver that
 *     keeps its cell pays per read), and
 *   - of_nvmem_cell_get() + nvmem_cell_read() + kfree() + nvmem_cell_put()
 *     (what a probe routine pays once),
 * each as the best of @runs loops of @iters, and prints
 *   OTP-BENCH: cell <tag> <cell> read ns=<n> getput ns=<n> bytes=<len>
 * The module does its work in init, returns 0 and is removed afterwards.
 */

#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/nvmem-consumer.h>
#include <linux/of.h>
#include <linux/slab.h>

static char *node = "/otp-bench-imx";
module_param(node, charp, 0444);
MODULE_PARM_DESC(node, "DT path of the node holding nvmem-cells");

static char *cell = "mac-address";
module_param(cell, charp, 0444);
MODULE_PARM_DESC(cell, "nvmem-cell-names entry to read");

static char *tag = "?";
module_param(tag, charp, 0444);
MODULE_PARM_DESC(tag, "label printed with the result (provider under test)");

static unsigned int iters = 1000;
module_param(iters, uint, 0444);
MODULE_PARM_DESC(iters, "reads per timed loop");

static unsigned int runs = 5;
module_param(runs, uint, 0444);
MODULE_PARM_DESC(runs, "timed loops; the fastest is reported");

static int otp_bench_read(struct nvmem_cell *c, size_t *len)
{
	void *buf = nvmem_cell_read(c, len);

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	kfree(buf);
	return 0;
}

static int otp_bench_getput(struct device_node *np, size_t *len)
{
	struct nvmem_cell *c = of_nvmem_cell_get(np, cell);
	int ret;

	if (IS_ERR(c))
		return PTR_ERR(c);
	ret = otp_bench_read(c, len);
	nvmem_cell_put(c);
	return ret;
}

static int __init otp_bench_init(void)
{
	u64 best_read = U64_MAX, best_getput = U64_MAX, t0, dt;
	struct device_node *np;
	struct nvmem_cell *c;
	unsigned int r, i;
	size_t len = 0;
	int ret = 0;

	if (!iters || !runs)
		return -EINVAL;

	np = of_find_node_by_path(node);
	if (!np) {
		pr_err("OTP-BENCH: error %s: no such DT node\n", node);
		return -ENODEV;
	}

	c = of_nvmem_cell_get(np, cell);
	if (IS_ERR(c)) {
		ret = PTR_ERR(c);
		pr_err("OTP-BENCH: error cell %s %s: get %d\n", tag, cell, ret);
		goto out;
	}
	/* warm up */
	for (i = 0; i < iters / 10 + 1 && !ret; i++)
		ret = otp_bench_read(c, &len);
	for (r = 0; r < runs && !ret; r++) {
		t0 = ktime_get_ns();
		for (i = 0; i < iters && !ret; i++)
			ret = otp_bench_read(c, &len);
		dt = ktime_get_ns() - t0;
		best_read = min(best_read, div_u64(dt, iters));
	}
	nvmem_cell_put(c);

	for (r = 0; r < runs && !ret; r++) {
		t0 = ktime_get_ns();
		for (i = 0; i < iters && !ret; i++)
			ret = otp_bench_getput(np, &len);
		dt = ktime_get_ns() - t0;
		best_getput = min(best_getput, div_u64(dt, iters));
	}

	if (ret)
		pr_err("OTP-BENCH: error cell %s %s: read %d\n", tag, cell, ret);
	else
		pr_info("OTP-BENCH: cell %s %s read ns=%llu getput ns=%llu bytes=%zu\n",
			tag, cell, best_read, best_getput, len);
out:
	of_node_put(np);
	/* The result is in the log; loading "succeeds" either way. */
	return 0;
}
module_init(otp_bench_init);

static void __exit otp_bench_exit(void)
{
}
module_exit(otp_bench_exit);

MODULE_DESCRIPTION("In-kernel NVMEM cell read timing for the OTP bench (test only)");
MODULE_LICENSE("GPL");
