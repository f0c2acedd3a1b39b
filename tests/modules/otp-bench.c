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
 *     (what a probe routine pays once), and
 *   - nvmem_device_read() of the cell's bytes into a buffer of ours, which
 *     leaves out the core's cell buffer allocation and shows the
 *     provider's own cost most directly,
 * each as @runs loops of @iters, and prints every loop's ns per read:
 *   OTP-BENCH: cell <tag> <cell> read all=<n>,... getput all=<n>,...
 *	raw all=<n>,... bytes=<len>  (one line)
 * The module does its work in init, returns 0 and is removed afterwards.
 */

#include <linux/device.h>
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
MODULE_PARM_DESC(runs, "timed loops, each one reported (at most 32)");

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

#define OTP_BENCH_MAX_RUNS	32
#define OTP_BENCH_MAX_BYTES	16

/* Per-loop results and their text, off the stack: init runs once. */
enum { OTP_BENCH_READ, OTP_BENCH_GETPUT, OTP_BENCH_RAW, OTP_BENCH_KINDS };
static u64 otp_bench_ns[OTP_BENCH_KINDS][OTP_BENCH_MAX_RUNS];
static char otp_bench_all[OTP_BENCH_KINDS][OTP_BENCH_MAX_RUNS * 12];

static int otp_bench_match_node(struct device *dev, const void *np)
{
	return dev->of_node == np;
}

/*
 * The provider of the cell named "cell" (the module parameter) of @np and
 * the cell's offset and size, from the cell node's reg.
 */
static struct nvmem_device *otp_bench_provider(struct device_node *np,
					       u32 *offset, u32 *bytes)
{
	struct nvmem_device *nvmem = ERR_PTR(-ENODEV);
	struct device_node *cell_np, *prov_np;
	int index = of_property_match_string(np, "nvmem-cell-names", cell);

	if (index < 0)
		return nvmem;
	cell_np = of_parse_phandle(np, "nvmem-cells", index);
	if (!cell_np)
		return nvmem;
	prov_np = of_get_parent(cell_np);
	if (prov_np && !of_property_read_u32_index(cell_np, "reg", 0, offset) &&
	    !of_property_read_u32_index(cell_np, "reg", 1, bytes) &&
	    *bytes && *bytes <= OTP_BENCH_MAX_BYTES)
		nvmem = nvmem_device_find(prov_np, otp_bench_match_node);
	of_node_put(prov_np);
	of_node_put(cell_np);
	return nvmem ?: ERR_PTR(-ENODEV);
}

/* "a,b,c": each run's ns per read, for the host to take the median of. */
static void otp_bench_format(char *s, size_t size, const u64 *per,
			     unsigned int n)
{
	unsigned int r;
	int len = 0;

	s[0] = '\0';
	for (r = 0; r < n && len < size; r++)
		len += scnprintf(s + len, size - len, "%s%llu", r ? "," : "",
				 per[r]);
}

static int __init otp_bench_init(void)
{
	u8 raw[OTP_BENCH_MAX_BYTES];
	unsigned int k;
	u64 t0;
	struct nvmem_device *nvmem;
	u32 offset = 0, bytes = 0;
	struct device_node *np;
	struct nvmem_cell *c;
	unsigned int r, i;
	size_t len = 0;
	int ret = 0;

	if (!iters || !runs || runs > OTP_BENCH_MAX_RUNS)
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
		otp_bench_ns[OTP_BENCH_READ][r] = div_u64(ktime_get_ns() - t0, iters);
	}
	nvmem_cell_put(c);

	for (r = 0; r < runs && !ret; r++) {
		t0 = ktime_get_ns();
		for (i = 0; i < iters && !ret; i++)
			ret = otp_bench_getput(np, &len);
		otp_bench_ns[OTP_BENCH_GETPUT][r] = div_u64(ktime_get_ns() - t0, iters);
	}

	nvmem = otp_bench_provider(np, &offset, &bytes);
	if (IS_ERR(nvmem) && !ret) {
		ret = PTR_ERR(nvmem);
		pr_err("OTP-BENCH: error cell %s %s: no provider (%d)\n", tag,
		       cell, ret);
		goto out;
	}
	for (r = 0; r < runs && !ret; r++) {
		t0 = ktime_get_ns();
		for (i = 0; i < iters && ret >= 0; i++)
			ret = nvmem_device_read(nvmem, offset, bytes, raw);
		otp_bench_ns[OTP_BENCH_RAW][r] = div_u64(ktime_get_ns() - t0, iters);
		ret = ret == bytes ? 0 : ret < 0 ? ret : -EIO;
	}
	if (!IS_ERR(nvmem))
		nvmem_device_put(nvmem);

	if (ret) {
		pr_err("OTP-BENCH: error cell %s %s: read %d\n", tag, cell, ret);
	} else {
		for (k = 0; k < OTP_BENCH_KINDS; k++)
			otp_bench_format(otp_bench_all[k],
					 sizeof(otp_bench_all[k]),
					 otp_bench_ns[k], runs);
		pr_info("OTP-BENCH: cell %s %s read all=%s getput all=%s raw all=%s bytes=%zu\n",
			tag, cell, otp_bench_all[OTP_BENCH_READ],
			otp_bench_all[OTP_BENCH_GETPUT],
			otp_bench_all[OTP_BENCH_RAW], len);
	}
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
