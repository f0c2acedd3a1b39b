// SPDX-License-Identifier: GPL-2.0
/*
 * Provider state that lives exactly as long as its NVMEM device: see
 * otp-provider.h.  Compiled into each provider module.
 */
#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/idr.h>
#include <linux/nvmem-consumer.h>
#include <linux/nvmem-provider.h>
#include <linux/of.h>
#include <linux/string.h>
#include <linux/wait_bit.h>

#include "otp-provider.h"

/* States of this module not yet released. */
static atomic_t otp_provider_live = ATOMIC_INIT(0);

/* The module's NVMEM device numbers and its debugfs directory. */
static DEFINE_IDA(otp_provider_ida);
static struct dentry *otp_provider_debugfs;

/**
 * otp_provider_id_get() - a number for an NVMEM device name of the module
 *
 * Return: the lowest free number, or a negative errno.
 */
int otp_provider_id_get(void)
{
	return ida_alloc(&otp_provider_ida, GFP_KERNEL);
}

/**
 * otp_provider_id_put() - give back a number of otp_provider_id_get()
 * @id: the number
 */
void otp_provider_id_put(int id)
{
	ida_free(&otp_provider_ida, id);
}

/**
 * otp_provider_debugfs_root() - the module's debugfs directory
 *
 * Return: the directory made by otp_provider_module_init() (an error
 * pointer debugfs calls accept where debugfs is off).
 */
struct dentry *otp_provider_debugfs_root(void)
{
	return otp_provider_debugfs;
}

/**
 * otp_provider_module_init() - at module init, before any driver registers
 * @name: the module's debugfs directory
 */
void otp_provider_module_init(const char *name)
{
	otp_provider_debugfs = debugfs_create_dir(name, NULL);
}

/*
 * Second devres action of the NVMEM device, run from device_release():
 * the last reference to it is gone and its sysfs directory with it.
 */
static void otp_provider_released(void *data)
{
	struct otp_provider *prov = data;

	prov->release(prov);
	if (atomic_dec_and_test(&otp_provider_live))
		wake_up_var(&otp_provider_live);
}

/*
 * First devres action of the NVMEM device, run from device_del().  That
 * releases devres before kobject_del(), and only kobject_del() drains the
 * readers of files outside the device's attribute groups: the cells/
 * directory the 6.12+ core adds.  A cells/ read in flight there still
 * calls the provider, so the state must outlive device_del(): the release
 * is armed again, for device_release() (the driver core releases devres
 * added after device_del() there).
 */
static void otp_provider_deleted(void *data)
{
	struct otp_provider *prov = data;

	if (devm_add_action(prov->ndev, otp_provider_released, prov))
		otp_provider_released(prov);
}

/* devres action of the provider's device, on unbind. */
static void otp_provider_remove(void *data)
{
	struct otp_provider *prov = data;
	struct nvmem_device *nvmem = prov->nvmem;

	WRITE_ONCE(prov->gone, true);
	if (prov->quiesce)
		prov->quiesce(prov);
	/* May free @prov, when no consumer holds a cell. */
	nvmem_unregister(nvmem);
}

/*
 * A fixed cell's reg is one 32-bit offset and one 32-bit size: the nvmem
 * binding (Documentation/devicetree/bindings/nvmem/nvmem.yaml, and
 * layouts/fixed-layout.yaml from 6.5) makes #address-cells and
 * #size-cells const 1, and the core (nvmem_add_cells_from_dt(), 6.1 and
 * 6.12) takes the first two numbers of reg whatever they say.  Under
 * other values a cell would read other bytes than its author meant, so
 * such a node is refused.  Absent properties are left to the DT checkers.
 *
 * A cell's bits = <offset count> must lie within its reg bytes, with at
 * least one bit (the binding's words; the 6.12 core refuses the node
 * otherwise, and 6.1 silently widens the cell to the bits instead).
 *
 * A cell past the end of the @size bytes is kept, as the core keeps it,
 * but named once: its consumer's reads fail with EINVAL, and a board
 * engineer should learn why at bind rather than from a random MAC.  The
 * i.MX95 trees of later kernels write the Ethernet port in bits 15:12 of
 * the reg offset (mac-address@1 at 0x1514), which this driver does not
 * decode.
 */
static int otp_provider_check_cell_node(struct device *dev,
					struct device_node *np,
					unsigned int size)
{
	struct device_node *child;
	u32 ac = 1, sc = 1, reg[2], bits[2];
	bool cells = false;

	for_each_child_of_node(np, child)
		cells |= !!of_find_property(child, "reg", NULL);
	if (!cells)
		return 0;
	of_property_read_u32(np, "#address-cells", &ac);
	of_property_read_u32(np, "#size-cells", &sc);
	if (ac != 1 || sc != 1) {
		dev_err(dev, "%pOF: #address-cells = <%u> and #size-cells = <%u>, but NVMEM cells are <offset size>: set both to <1> in the device tree\n",
			np, ac, sc);
		return -EINVAL;
	}
	for_each_child_of_node(np, child) {
		if (of_property_read_u32_array(child, "reg", reg, 2))
			continue;
		if ((u64)reg[0] + reg[1] > size)
			dev_warn(dev, "%pOF: reg = <%#x %u> ends past the %u bytes of fuses, so reading this cell fails: fix its reg in the device tree\n",
				 child, reg[0], reg[1], size);
		if (of_property_read_u32_array(child, "bits", bits, 2))
			continue;
		if (bits[1] && (u64)bits[0] + bits[1] <= 8ULL * reg[1])
			continue;
		dev_err(dev, "%pOF: bits = <%u %u> do not fit in the cell's %u bytes: give at least one bit, all within reg, in the device tree\n",
			child, bits[0], bits[1], reg[1]);
		of_node_put(child);
		return -EINVAL;
	}
	return 0;
}

/* The provider's node and its fixed layout, if it has one. */
static int otp_provider_check_cells(struct device *dev, unsigned int size)
{
	struct device_node *layout;
	int ret;

	ret = otp_provider_check_cell_node(dev, dev->of_node, size);
	if (ret)
		return ret;
	layout = of_get_child_by_name(dev->of_node, "nvmem-layout");
	if (!layout)
		return 0;
	ret = otp_provider_check_cell_node(dev, layout, size);
	of_node_put(layout);
	return ret;
}

/**
 * otp_match_data() - the match data a driver's table gives a compatible
 * @table: the driver's of_device_id table
 * @compatible: a compatible string
 *
 * What the platform driver gets as match data, for a caller that binds a
 * provider without a device node of that compatible (the KUnit suites).
 *
 * Return: the data, NULL for a compatible the table does not list.
 */
const void *otp_match_data(const struct of_device_id *table,
			   const char *compatible)
{
	for (; table->compatible[0]; table++)
		if (!strcmp(table->compatible, compatible))
			return table->data;
	return NULL;
}

/**
 * otp_provider_register() - register an NVMEM device tied to @prov
 * @dev: the provider's device (@cfg->dev)
 * @cfg: NVMEM configuration; @cfg->priv is the state embedding @prov
 * @prov: lifetime of that state, @prov->release set
 *
 * Refuses a node whose cells the core would read at other offsets than
 * meant (otp_provider_check_cells()).  The nvmem file and the cells/ files
 * are root's alone (0400, 0600 where the device programs) unless the node
 * says "world-readable": fuses hold keys and lock state, and in-kernel
 * consumers do not go through sysfs.  Takes ownership of the state: on
 * failure it has been released, on success it is released with the NVMEM
 * device.  Register @prov after
 * every device-managed resource the callbacks use, so that removal stops
 * the callbacks before those go.
 *
 * Return: the NVMEM device, or an ERR_PTR().
 */
struct nvmem_device *otp_provider_register(struct device *dev,
					   const struct nvmem_config *cfg,
					   struct otp_provider *prov)
{
	struct nvmem_config config = *cfg;
	struct nvmem_device *nvmem;
	struct device *ndev;
	int ret;

	ret = otp_provider_check_cells(dev, cfg->size);
	if (ret) {
		prov->release(prov);
		return ERR_PTR(ret);
	}
	config.root_only = !of_property_read_bool(dev->of_node, "world-readable");
	nvmem = nvmem_register(&config);
	if (IS_ERR(nvmem)) {
		prov->release(prov);
		return nvmem;
	}
	/* The core names the NVMEM device and makes it a child of @dev. */
	ndev = device_find_child_by_name(dev, nvmem_dev_name(nvmem));
	prov->ndev = ndev;
	ret = ndev ? devm_add_action(ndev, otp_provider_deleted, prov) :
		     -ENODEV;
	put_device(ndev);
	if (ret) {
		nvmem_unregister(nvmem);
		prov->release(prov);
		return ERR_PTR(ret);
	}
	atomic_inc(&otp_provider_live);
	prov->nvmem = nvmem;
	ret = devm_add_action_or_reset(dev, otp_provider_remove, prov);
	return ret ? ERR_PTR(ret) : nvmem;
}

/**
 * otp_provider_module_exit() - at module exit, after the drivers are
 *	unregistered (and when module init fails after otp_provider_module_init())
 *
 * Waits until every state of the module has been freed (a consumer may
 * have held a cell until just now), then removes the debugfs directory.
 */
void otp_provider_module_exit(void)
{
	wait_var_event(&otp_provider_live, !atomic_read(&otp_provider_live));
	debugfs_remove_recursive(otp_provider_debugfs);
	ida_destroy(&otp_provider_ida);
}
