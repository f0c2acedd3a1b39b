// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only NVMEM consumer: reads the cells a board's drivers would (MAC
 * address, thermal and voltage calibration, part number) the way those
 * drivers do, and shows what it got in sysfs for the end-to-end tests.
 *
 * DT: compatible = "otp-test,consumer"; nvmem-cells / nvmem-cell-names
 * with any of "mac-address", "ts_cal1", "ts_cal2", "vrefint",
 * "part_number". With "otp-test,hold-cell" naming one of them, the cell
 * stays held while the device is bound, pinning its provider.
 *
 * A holder node (compatible "otp-test,holder", bound only on request
 * through driver_override) takes an NVMEM device by name instead,
 * "otp-test,hold-device" = "imx-ocotp1", the way non-DT consumers do (no
 * device link ties it to the provider), and its "held" attribute reads
 * "otp-test,hold-range" = <offset bytes> on demand: the bytes
 * ("00:04:9f:...") or "error <errno>", also after the provider's device
 * has been unbound.
 */

#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/nvmem-consumer.h>
#include <linux/of.h>
#include <linux/of_net.h>
#include <linux/platform_device.h>

static const char * const otp_consumer_u16_cells[] = {
	"ts_cal1", "ts_cal2", "vrefint",
};

struct otp_consumer {
	u8 mac[ETH_ALEN];
	int mac_err;
	u16 cal[ARRAY_SIZE(otp_consumer_u16_cells)];
	int cal_err[ARRAY_SIZE(otp_consumer_u16_cells)];
	u8 part;
	int part_err;
	struct nvmem_device *held;
	u32 range[2];
};

static bool otp_consumer_has_cell(struct device *dev, const char *name)
{
	return of_property_match_string(dev->of_node, "nvmem-cell-names",
					name) >= 0;
}

static ssize_t values_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	struct otp_consumer *c = dev_get_drvdata(dev);
	int len = 0;
	int i;

	if (c->mac_err)
		len += sysfs_emit_at(buf, len, "mac-address error %d\n",
				     c->mac_err);
	else
		len += sysfs_emit_at(buf, len, "mac-address %pM\n", c->mac);
	for (i = 0; i < ARRAY_SIZE(otp_consumer_u16_cells); i++) {
		if (c->cal_err[i] == -ENOENT)
			continue;
		if (c->cal_err[i])
			len += sysfs_emit_at(buf, len, "%s error %d\n",
					     otp_consumer_u16_cells[i],
					     c->cal_err[i]);
		else
			len += sysfs_emit_at(buf, len, "%s 0x%04x\n",
					     otp_consumer_u16_cells[i],
					     c->cal[i]);
	}
	if (c->part_err != -ENOENT) {
		if (c->part_err)
			len += sysfs_emit_at(buf, len, "part_number error %d\n",
					     c->part_err);
		else
			len += sysfs_emit_at(buf, len, "part_number 0x%02x\n",
					     c->part);
	}
	return len;
}
static DEVICE_ATTR_RO(values);

static ssize_t held_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct otp_consumer *c = dev_get_drvdata(dev);
	u8 val[16];
	int ret;

	if (!c->held)
		return sysfs_emit(buf, "error %d\n", -ENOENT);
	ret = nvmem_device_read(c->held, c->range[0], c->range[1], val);
	if (ret < 0)
		return sysfs_emit(buf, "error %d\n", ret);
	return sysfs_emit(buf, "%*phC\n", ret, val);
}
static DEVICE_ATTR_RO(held);

static struct attribute *otp_consumer_attrs[] = {
	&dev_attr_values.attr,
	&dev_attr_held.attr,
	NULL
};
ATTRIBUTE_GROUPS(otp_consumer);

static int otp_consumer_probe(struct platform_device *pdev)
{
	struct device *cdev = &pdev->dev;
	struct otp_consumer *c;
	struct nvmem_cell *cell;
	const char *hold;
	int i;

	c = devm_kzalloc(cdev, sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;

	/* The ethernet drivers' way: -EPROBE_DEFER until the provider is up. */
	c->mac_err = of_get_mac_address(cdev->of_node, c->mac);
	if (c->mac_err == -EPROBE_DEFER)
		return dev_err_probe(cdev, c->mac_err, "mac-address provider not ready\n");

	for (i = 0; i < ARRAY_SIZE(otp_consumer_u16_cells); i++) {
		if (!otp_consumer_has_cell(cdev, otp_consumer_u16_cells[i])) {
			c->cal_err[i] = -ENOENT;
			continue;
		}
		c->cal_err[i] = nvmem_cell_read_u16(cdev, otp_consumer_u16_cells[i],
						    &c->cal[i]);
		if (c->cal_err[i] == -EPROBE_DEFER)
			return dev_err_probe(cdev, -EPROBE_DEFER, "%s provider not ready\n",
					     otp_consumer_u16_cells[i]);
	}

	c->part_err = -ENOENT;
	if (otp_consumer_has_cell(cdev, "part_number")) {
		c->part_err = nvmem_cell_read_u8(cdev, "part_number", &c->part);
		if (c->part_err == -EPROBE_DEFER)
			return dev_err_probe(cdev, -EPROBE_DEFER,
					     "part_number provider not ready\n");
	}

	if (!of_property_read_string(cdev->of_node, "otp-test,hold-cell", &hold)) {
		cell = devm_nvmem_cell_get(cdev, hold);
		if (IS_ERR(cell))
			return dev_err_probe(cdev, PTR_ERR(cell), "cannot hold cell %s\n", hold);
		dev_info(cdev, "holding cell %s\n", hold);
	}

	if (!of_property_read_string(cdev->of_node, "otp-test,hold-device", &hold)) {
		if (of_property_read_u32_array(cdev->of_node, "otp-test,hold-range",
					       c->range, 2) ||
		    c->range[1] > 16)
			return dev_err_probe(cdev, -EINVAL, "bad otp-test,hold-range\n");
		c->held = devm_nvmem_device_get(cdev, hold);
		if (IS_ERR(c->held))
			return dev_err_probe(cdev, PTR_ERR(c->held),
					     "cannot hold NVMEM device %s\n", hold);
		dev_info(cdev, "holding NVMEM device %s\n", hold);
	}

	platform_set_drvdata(pdev, c);
	if (c->mac_err)
		dev_info(cdev, "no MAC address from OTP (%d)\n", c->mac_err);
	else
		dev_info(cdev, "MAC address from OTP: %pM\n", c->mac);
	return 0;
}

static const struct of_device_id otp_consumer_of_match[] = {
	{ .compatible = "otp-test,consumer" },
	{ }
};
MODULE_DEVICE_TABLE(of, otp_consumer_of_match);

static struct platform_driver otp_consumer_driver = {
	.probe = otp_consumer_probe,
	.driver = {
		.name = "otp-test-consumer",
		.of_match_table = otp_consumer_of_match,
		.dev_groups = otp_consumer_groups,
	},
};
module_platform_driver(otp_consumer_driver);

MODULE_DESCRIPTION("Test-only consumer of OTP NVMEM cells");
MODULE_LICENSE("GPL");
