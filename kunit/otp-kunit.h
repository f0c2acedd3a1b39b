/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared KUnit plumbing for the OTP provider suites: device-tree overlays
 * that create the devices under test, removed again when the test ends.
 */
#ifndef OTP_KUNIT_H
#define OTP_KUNIT_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/kmsg_dump.h>
#include <linux/ktime.h>
#include <linux/nvmem-consumer.h>
#include <linux/string.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>

#include "otp-compat.h"

struct otp_kunit_overlay {
	int ovcs_id;
};

#define OTP_KUNIT_MAX_DEVS	8

int otp_kunit_overlay_remove(int *ovcs_id);
int otp_kunit_overlay_apply(struct kunit *test,
			    const void *fdt, u32 size);
struct platform_device *otp_kunit_find_pdev(const char *path);
void otp_kunit_expect_refused(struct kunit *test,
			      struct platform_device *pdev,
			      const char *drvname, int err);
struct device *otp_kunit_nvmem_dev(struct device *provider,
				   struct nvmem_device *nvmem);
otp_bin_attribute *otp_kunit_sysfs_bin(struct device *dev,
				       const char *name,
				       umode_t *mode);
ssize_t otp_kunit_sysfs_bin_write(struct device *dev,
				  const char *name, void *buf,
				  size_t len, loff_t pos);
struct device_attribute *otp_kunit_sysfs_attr(struct device *dev,
					      const char *name,
					      bool *visible);
char *otp_kunit_debugfs_show(struct kunit *test, const char *dir,
			     const char *sub, const char *file,
			     int (*show)(struct seq_file *, void *),
			     int *ret);
u64 otp_kunit_log_mark(void);
int otp_kunit_log_count(u64 mark, const struct device *dev,
			const char *text);
int otp_kunit_harness_register(struct kunit *test,
			       struct platform_driver *drv,
			       const char *role);

#endif /* OTP_KUNIT_H */
