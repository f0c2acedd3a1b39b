/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared KUnit plumbing for the OTP provider suites: device-tree overlays
 * that create the devices under test, removed again when the test ends.
 */
#ifndef OTP_KUNIT_H
#define OTP_KUNIT_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/device.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

#include "otp-compat.h"

struct otp_kunit_overlay {
	int ovcs_id;
};

/* devres action of a deleted device: it has been released. */
static inline void otp_kunit_released(void *done)
{
	complete(done);
}

#define OTP_KUNIT_MAX_DEVS	8

/**
 * otp_kunit_overlay_remove() - remove an overlay applied by a test
 * @ovcs_id: its changeset id
 *
 * of_overlay_remove() unregisters the devices made from the overlay's nodes
 * and checks at once that nothing refers to the nodes any more.  A kernel
 * with DEBUG_KOBJECT_RELEASE releases a device, and its references on its
 * node and its parent's, 0.25 to 1 s after its last put (lib/kobject.c),
 * and a device goes only after its children and its device links.  There
 * the platform devices made from the test's nodes (named otp-kunit*, under
 * the root) are deleted first, each with a devres action that
 * device_release() runs, and their release is waited for (a message after
 * 30 s).
 *
 * Return: what of_overlay_remove() returned.
 */
static inline int otp_kunit_overlay_remove(int *ovcs_id)
{
	struct completion done[OTP_KUNIT_MAX_DEVS];
	struct device_node *root, *np;
	struct platform_device *pdev;
	unsigned int n = 0, i;

	if (!IS_ENABLED(CONFIG_DEBUG_KOBJECT_RELEASE))
		return of_overlay_remove(ovcs_id);
	root = of_find_node_by_path("/");
	for_each_child_of_node(root, np) {
		if (!of_node_name_prefix(np, "otp-kunit"))
			continue;
		pdev = of_find_device_by_node(np);
		if (!pdev)
			continue;
		of_platform_device_destroy(&pdev->dev, NULL);
		/* Only a deleted device is sure to run the action at release. */
		if (!device_is_registered(&pdev->dev) &&
		    n < OTP_KUNIT_MAX_DEVS) {
			init_completion(&done[n]);
			if (!devm_add_action(&pdev->dev, otp_kunit_released,
					     &done[n]))
				n++;
		}
		put_device(&pdev->dev);
	}
	of_node_put(root);
	for (i = 0; i < n; i++) {
		if (wait_for_completion_timeout(&done[i], 30 * HZ))
			continue;
		/* The action still points at done[i]: keep waiting. */
		pr_info("otp-kunit: a device of the overlay is not released after 30 s\n");
		wait_for_completion(&done[i]);
	}
	return of_overlay_remove(ovcs_id);
}

static inline void otp_kunit_overlay_free(struct kunit_resource *res)
{
	struct otp_kunit_overlay *ov = res->data;

	otp_kunit_overlay_remove(&ov->ovcs_id);
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
 * otp_kunit_expect_refused() - a driver is offered a device and refuses it
 * @test: the test
 * @pdev: the device, made from an overlay node, not bound
 * @drvname: the real driver's name
 * @err: the errno its probe must return
 *
 * A negative test that only finds the device unbound would also pass if
 * the probe never ran.  So: the driver's match table must match the node
 * (the kernel offered it the device), and a probe run now through
 * device_driver_attach() must return @err and leave the device unbound.
 */
static inline void otp_kunit_expect_refused(struct kunit *test,
					    struct platform_device *pdev,
					    const char *drvname, int err)
{
	struct device_driver *drv = driver_find(drvname, &platform_bus_type);

	KUNIT_ASSERT_NOT_NULL_MSG(test, drv, "driver %s", drvname);
	KUNIT_EXPECT_NOT_NULL_MSG(test,
				  of_match_device(drv->of_match_table,
						  &pdev->dev),
				  "%pOF is not offered to %s",
				  pdev->dev.of_node, drvname);
	KUNIT_EXPECT_NULL_MSG(test, READ_ONCE(pdev->dev.driver), "%pOF bound",
			      pdev->dev.of_node);
	KUNIT_EXPECT_EQ_MSG(test, device_driver_attach(drv, &pdev->dev), err,
			    "probe of %pOF by %s", pdev->dev.of_node, drvname);
	KUNIT_EXPECT_NULL_MSG(test, READ_ONCE(pdev->dev.driver),
			      "%pOF bound after the probe", pdev->dev.of_node);
}

/**
 * otp_kunit_register_harness() - register a suite's harness driver
 * @drv: the harness platform driver
 * @suite: the suite, whose name the driver takes
 *
 * Up to 6.2 (and in Debian's 6.1) KUnit runs a module's suites while the
 * module is still COMING, before its sysfs object exists, so a driver that
 * names the module as owner cannot be registered then.  The harness lives
 * only while its suite runs, so it needs no owner on any kernel.
 *
 * Each suite registers the driver under its own name: a driver's sysfs
 * directory goes with the release of its kobject, which a kernel with
 * DEBUG_KOBJECT_RELEASE delays by up to 4 s (lib/kobject.c), so the next
 * suite could not register the same name yet.
 *
 * Return: 0 or the errno from driver registration.
 */
static inline int otp_kunit_register_harness(struct platform_driver *drv,
					     struct kunit_suite *suite)
{
	drv->driver.name = suite->name;
	return __platform_driver_register(drv, NULL);
}

#endif /* OTP_KUNIT_H */
