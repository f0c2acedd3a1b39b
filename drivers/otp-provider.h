/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Provider state that lives exactly as long as its NVMEM device.
 *
 * The nvmem core (drivers/nvmem/core.c, 6.1 and 6.12) keeps an NVMEM
 * device, its sysfs file and its reg_read/reg_write callbacks alive while
 * a consumer holds one of its cells: nvmem_unregister() only drops the
 * registration's reference, and the core calls the callbacks with the
 * provider's priv until the last cell is put.  A provider unbound under
 * such a consumer must therefore neither free what priv points to nor let
 * a callback reach registers, clocks or sessions it has released.
 *
 * Each provider embeds a struct otp_provider in its state and registers
 * through otp_provider_register():
 *  - the state is freed when the NVMEM device is released: a devres action
 *    on that device, armed again when device_del() runs it, so that the
 *    driver core runs it from device_release() once the last reference
 *    (the consumer's, a sysfs reader's) is gone;
 *  - removal marks the state gone before the provider's other
 *    device-managed resources are released; later callbacks see it
 *    (otp_provider_gone()) and answer -ENODEV.  A callback already past
 *    that test must still be safe, in one of two ways:
 *    - the provider serialises its callbacks under a lock of its own, tests
 *      @gone under that lock, and gives a @quiesce that takes the lock, so
 *      that removal waits for the callback in flight;
 *    - or everything the callbacks touch lives until @release (register
 *      mappings, sessions' memory), and @quiesce closes what must go at
 *      unbind (a session with a device that may go next) under the lock
 *      its users take.  No other wait is needed: a callback always runs
 *      for a holder of the NVMEM device (a sysfs reader, which
 *      device_del() drains, or a consumer's reference), so the state
 *      cannot be released under it.
 *  - module exit waits until every state of the module has been freed.
 *
 * otp-provider.c is compiled into each module that uses it (Kbuild), so
 * the count of live states is the module's own.
 */
#ifndef OTP_PROVIDER_H
#define OTP_PROVIDER_H

#include <linux/compiler.h>
#include <linux/mod_devicetable.h>
#include <linux/types.h>

struct dentry;
struct device;
struct nvmem_config;
struct nvmem_device;

/**
 * struct otp_provider - lifetime of one provider's state
 * @nvmem: the NVMEM device
 * @ndev: the NVMEM device's struct device, which holds the release
 * @gone: the provider has been removed; callbacks answer -ENODEV
 * @release: frees the state this is embedded in
 * @quiesce: called at removal once @gone is set: stops the callbacks in
 *	flight from reaching what the unbind releases (takes the lock they
 *	run under, closes sessions under theirs); may be NULL
 */
struct otp_provider {
	struct nvmem_device *nvmem;
	struct device *ndev;
	bool gone;
	void (*release)(struct otp_provider *prov);
	void (*quiesce)(struct otp_provider *prov);
};

/**
 * otp_provider_gone() - has the provider been removed?
 * @prov: the provider
 *
 * Return: true once removal has started: the callback must answer -ENODEV.
 */
static inline bool otp_provider_gone(const struct otp_provider *prov)
{
	return READ_ONCE(prov->gone);
}

const void *otp_match_data(const struct of_device_id *table,
			   const char *compatible);

struct nvmem_device *otp_provider_register(struct device *dev,
					   const struct nvmem_config *cfg,
					   struct otp_provider *prov);
void otp_provider_module_init(const char *name);
void otp_provider_module_exit(void);
int otp_provider_id_get(void);
void otp_provider_id_put(int id);
struct dentry *otp_provider_debugfs_root(void);

#endif /* OTP_PROVIDER_H */
