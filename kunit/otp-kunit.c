// SPDX-License-Identifier: GPL-2.0
/*
 * The KUnit harness both suite modules share (otp-kunit.h): overlays
 * applied for a test and removed with every device they made, harness
 * drivers registered for a test, sysfs and debugfs reads, and the printk
 * ring buffer counted.  Compiled into each suite module.
 */
#include "otp-kunit.h"

/* devres action of a deleted device: it has been released. */
static void otp_kunit_released(void *done)
{
	complete(done);
}

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
int otp_kunit_overlay_remove(int *ovcs_id)
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

static void otp_kunit_overlay_free(struct kunit_resource *res)
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
int otp_kunit_overlay_apply(struct kunit *test,
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
struct platform_device *otp_kunit_find_pdev(const char *path)
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
void otp_kunit_expect_refused(struct kunit *test,
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

static int otp_kunit_match_name(struct device *dev,
				otp_find_child_data *name)
{
	return !strcmp(dev_name(dev), name);
}

/**
 * otp_kunit_nvmem_dev() - the device the nvmem core made for a provider
 * @provider: the provider's device
 * @nvmem: what the provider registered
 *
 * Return: the device with a reference held (put_device() it), or NULL.
 */
struct device *otp_kunit_nvmem_dev(struct device *provider,
				   struct nvmem_device *nvmem)
{
	return device_find_child(provider, (void *)nvmem_dev_name(nvmem),
				 otp_kunit_match_name);
}

/**
 * otp_kunit_sysfs_bin() - a binary sysfs file of a device, as sysfs sees it
 * @dev: the device
 * @name: the file's name
 * @mode: set to the mode sysfs gives the file: its group's
 *	is_bin_visible(), or the attribute's own mode; 0 if it is hidden
 *
 * The unit tests ask the attribute groups the nvmem core gave the device
 * what sysfs would show; opening the files is the QEMU e2e tests' part.
 *
 * Return: the attribute, or NULL if the device has no such file.
 */
otp_bin_attribute *otp_kunit_sysfs_bin(struct device *dev,
				       const char *name,
				       umode_t *mode)
{
	const struct attribute_group *const *grp;
	otp_bin_attribute *const *battr;

	*mode = 0;
	for (grp = dev->groups; grp && *grp; grp++)
		for (battr = (*grp)->bin_attrs; battr && *battr; battr++) {
			if (strcmp((*battr)->attr.name, name))
				continue;
			*mode = (*battr)->attr.mode;
			if ((*grp)->is_bin_visible)
				*mode = (*grp)->is_bin_visible(&dev->kobj, *battr,
							       battr - (*grp)->bin_attrs);
			return *battr;
		}
	return NULL;
}

/**
 * otp_kunit_sysfs_bin_write() - a write(2) to a device's binary sysfs file
 * @dev: the device
 * @name: the file's name
 * @buf: the bytes
 * @len: how many
 * @pos: at which offset
 *
 * As sysfs (kernfs) does it: a file without a write permission or a write
 * method cannot be opened for writing (-EACCES), otherwise the
 * attribute's write method gets the bytes.
 *
 * Return: what the write returned, or -ENOENT, -EACCES.
 */
ssize_t otp_kunit_sysfs_bin_write(struct device *dev,
				  const char *name, void *buf,
				  size_t len, loff_t pos)
{
	otp_bin_attribute *battr;
	umode_t mode;

	battr = otp_kunit_sysfs_bin(dev, name, &mode);
	if (!battr || !mode)
		return -ENOENT;
	if (!(mode & 0222) || !battr->write)
		return -EACCES;
	return battr->write(NULL, &dev->kobj, battr, buf, pos, len);
}

/**
 * otp_kunit_sysfs_attr() - a device's attribute file, visible or not
 * @dev: the device
 * @name: the file's name
 * @visible: set to whether sysfs shows it (its group's is_visible())
 *
 * Return: the attribute, or NULL if the device's groups have none.
 */
struct device_attribute *otp_kunit_sysfs_attr(struct device *dev,
					      const char *name,
					      bool *visible)
{
	const struct attribute_group *const *grp;
	struct attribute **attr;

	for (grp = dev->groups; grp && *grp; grp++)
		for (attr = (*grp)->attrs; attr && *attr; attr++) {
			if (strcmp((*attr)->name, name))
				continue;
			*visible = !(*grp)->is_visible ||
				   (*grp)->is_visible(&dev->kobj, *attr,
						      attr - (*grp)->attrs);
			return container_of(*attr, struct device_attribute,
					    attr);
		}
	*visible = false;
	return NULL;
}

/**
 * otp_kunit_debugfs_show() - what a driver's debugfs file shows, without
 *	the VFS
 * @test: the test; the text lives as long as it
 * @dir: the driver's debugfs directory (under the debugfs root)
 * @sub: the device's directory in it
 * @file: the file
 * @show: the driver's seq_file show routine for that file
 * @ret: what @show returned
 *
 * Hands the file's private data (its inode's i_private, as single_open()
 * would) to @show over a buffer.
 *
 * Return: the text, NUL-terminated, or NULL when the file is not there.
 */
char *otp_kunit_debugfs_show(struct kunit *test, const char *dir,
			     const char *sub, const char *file,
			     int (*show)(struct seq_file *, void *),
			     int *ret)
{
	struct dentry *d1, *d2 = NULL, *d3 = NULL;
	struct seq_file *s = NULL;

	d1 = debugfs_lookup(dir, NULL);
	if (d1)
		d2 = debugfs_lookup(sub, d1);
	if (d2)
		d3 = debugfs_lookup(file, d2);
	if (d3)
		s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	if (s) {
		s->size = 32768;
		s->buf = kunit_kzalloc(test, s->size, GFP_KERNEL);
	}
	if (s && s->buf) {
		s->private = d_inode(d3)->i_private;
		*ret = show(s, NULL);
		s->buf[min(s->count, s->size - 1)] = 0;
	}
	dput(d3);
	dput(d2);
	dput(d1);
	return s ? s->buf : NULL;
}

/**
 * otp_kunit_log_mark() - where the kernel log ends now
 *
 * Return: the sequence number the next record of the kernel log will get,
 * for otp_kunit_log_count().
 */
u64 otp_kunit_log_mark(void)
{
	struct kmsg_dump_iter iter;

	kmsg_dump_rewind(&iter);
	return iter.next_seq;
}

/* Is @line one that dev_printk() printed for @dev ("... NAME: text")? */
static bool otp_kunit_line_of(const char *line, const struct device *dev)
{
	const char *name = dev_name(dev), *p = line;
	size_t n = strlen(name);

	while ((p = strstr(p, name))) {
		if (p[n] == ':' && p[n + 1] == ' ')
			return true;
		p++;
	}
	return false;
}

/**
 * otp_kunit_log_count() - kernel log lines since a mark that hold a text
 * @mark: from otp_kunit_log_mark()
 * @dev: only lines dev_printk() printed for this device, NULL for any line
 * @text: what the line must hold
 *
 * Reads the printk ring buffer, where a line is stored when it is printed
 * (the consoles may print it later), as dmesg would.
 *
 * Return: the number of lines, records of up to 511 bytes; -1 when no
 * buffer could be had.
 */
int otp_kunit_log_count(u64 mark, const struct device *dev,
			const char *text)
{
	const size_t size = 512;
	struct kmsg_dump_iter iter;
	int n = 0;
	size_t len;
	char *line;

	line = kmalloc(size, GFP_KERNEL);
	if (!line)
		return -1;
	kmsg_dump_rewind(&iter);
	iter.cur_seq = max(iter.cur_seq, mark);
	while (kmsg_dump_get_line(&iter, false, line, size - 1, &len)) {
		line[len] = 0;
		if (dev && !otp_kunit_line_of(line, dev))
			continue;
		n += !!strstr(line, text);
	}
	kfree(line);
	return n;
}

static void otp_kunit_harness_free(struct kunit_resource *res)
{
	platform_driver_unregister(res->data);
}

/**
 * otp_kunit_harness_register() - a harness driver that lives for one test
 * @test: the running test; the driver is unregistered when it ends
 * @drv: the driver, a member of the test's own state
 * @role: what the driver stands for, the start of its name
 *
 * The driver's probe finds the test's state from the device it is given,
 * container_of() on the device's driver, so nothing reaches it through a
 * global: a probe deferred to the deferred-probe work runs outside the
 * test's task, where kunit_get_current_test() has nothing.  Register the
 * driver before the overlay whose nodes it binds, so that the overlay is
 * removed (KUnit frees resources last first) while the driver is there.
 *
 * No owner: up to 6.2 (and in Debian's 6.1) KUnit runs a module's suites
 * while the module is still COMING, before its sysfs object exists.  Each
 * registration gets a name of its own, the role and the time: a driver's
 * name stays taken until its kobject is released, which a kernel with
 * DEBUG_KOBJECT_RELEASE delays by up to 4 s (lib/kobject.c).
 *
 * Return: 0 or an errno.
 */
int otp_kunit_harness_register(struct kunit *test,
			       struct platform_driver *drv,
			       const char *role)
{
	char *name = kunit_kmalloc(test, 64, GFP_KERNEL);
	int ret;

	if (!name)
		return -ENOMEM;
	snprintf(name, 64, "otp-kunit-%s.%llu", role, ktime_get_ns());
	drv->driver.name = name;
	ret = otp_platform_driver_register_unowned(drv);
	if (ret)
		return ret;
	if (!kunit_alloc_resource(test, NULL, otp_kunit_harness_free,
				  GFP_KERNEL, drv)) {
		platform_driver_unregister(drv);
		return -ENOMEM;
	}
	return 0;
}
