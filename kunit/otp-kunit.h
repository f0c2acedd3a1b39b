/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared KUnit plumbing for the OTP provider suites: device-tree overlays
 * that create the devices under test, removed again when the test ends.
 */
#ifndef OTP_KUNIT_H
#define OTP_KUNIT_H

#include <kunit/test.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

#include "otp-compat.h"

struct otp_kunit_overlay {
	int ovcs_id;
};

static inline void otp_kunit_overlay_free(struct kunit_resource *res)
{
	struct otp_kunit_overlay *ov = res->data;

	of_overlay_remove(&ov->ovcs_id);
	kfree(ov);
}

/**
 * otp_kunit_overlay_apply() - apply an overlay for the rest of the test
 * @test: the running test; the overlay is removed when it ends
 * @fdt: flattened overlay blob
 * @size: size of @fdt in bytes
 *
 * Return: 0, or the errno of_overlay_fdt_apply() returned.
 */
static inline int otp_kunit_overlay_apply(struct kunit *test,
					  const void *fdt, u32 size)
{
	struct otp_kunit_overlay *ov;
	int ret;

	ov = kzalloc(sizeof(*ov), GFP_KERNEL);
	if (!ov)
		return -ENOMEM;
	ret = otp_overlay_apply(fdt, size, &ov->ovcs_id);
	if (ret) {
		of_overlay_remove(&ov->ovcs_id);
		kfree(ov);
		return ret;
	}
	if (!kunit_alloc_resource(test, NULL, otp_kunit_overlay_free,
				  GFP_KERNEL, ov)) {
		of_overlay_remove(&ov->ovcs_id);
		kfree(ov);
		return -ENOMEM;
	}
	return 0;
}

/**
 * otp_kunit_find_pdev() - platform device created for a DT node
 * @path: absolute node path
 *
 * Return: the device with a reference held (put_device() it), or NULL.
 */
static inline struct platform_device *otp_kunit_find_pdev(const char *path)
{
	struct device_node *np = of_find_node_by_path(path);
	struct platform_device *pdev;

	if (!np)
		return NULL;
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	return pdev;
}

/**
 * otp_kunit_register_harness() - register a suite's harness driver
 * @drv: the harness platform driver
 *
 * Up to 6.2 (and in Debian's 6.1) KUnit runs a module's suites while the
 * module is still COMING, before its sysfs object exists, so a driver that
 * names the module as owner cannot be registered then.  The harness lives
 * only while its suite runs, so it needs no owner on any kernel.
 *
 * Return: 0 or the errno from driver registration.
 */
static inline int otp_kunit_register_harness(struct platform_driver *drv)
{
	return __platform_driver_register(drv, NULL);
}

#endif /* OTP_KUNIT_H */
