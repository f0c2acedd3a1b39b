#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Write and validate the LAVA jobs of make lava-jobs / make lava-check.

lava-job.py board NAME --arch A --krel R --base URL --rootfs URL -o JOB
    A job for one board of BOARDS (its LAVA device type, the upstream DT
    make lava-jobs compiled, our modules overlay, a ramdisk rootfs).
lava-job.py qemu --krel R --base URL -o JOB [--device DEVICE.yaml]
    The QEMU flavour (qemu arm64, virt), and with --device the local
    device dictionary lava-run needs without a server.
lava-job.py validate JOB...
    LAVA's own job schema (lava_common.schemas.validate, strict).
lava-job.py dispatcher JOB --templates DIR --placeholder FILE -o DIR
    What lava-run --validate needs for a board job (scripts/lava-validate.sh):
    DIR/device.yaml, the device dictionary a server renders from LAVA's own
    device-type template (DIR/<device_type>.jinja2) with the job's context
    and no-op connection and power commands, and DIR/job.yaml, the job with
    every http(s) URL pointing at FILE (the dispatcher fetches the head of
    each http URL when it validates).  Exit 2 when LAVA has no template for
    the device type.

Every job runs tests/lava/otp-e2e.yaml once per step (STEPS) from the
tests tarball; URLs are BASE/<file>, BASE being where the lab serves
make lava-jobs' output (file:// for lava-run on this machine).
"""
import argparse
import os
import sys

import yaml

# LAVA device type, architecture, kernel image type for u-boot, DT path in
# the kernel tree (the upstream device tree of the board), kernel args.
BOARDS = {
    "stm32mp157c-dk2": ("arm", "zimage", "st/stm32mp157c-dk2", "console=ttySTM0,115200"),
    "stm32mp135f-dk": ("arm", "zimage", "st/stm32mp135f-dk", "console=ttySTM0,115200"),
    "imx8mm-evk": ("arm64", "image", "freescale/imx8mm-evk", "console=ttymxc1,115200"),
    "imx6q-sabresd": ("arm", "zimage", "nxp/imx/imx6q-sabresd", "console=ttymxc0,115200"),
}


# The e2e scripts of tests/e2e, in /init's order (the glob's).
def e2e_scripts(top):
    return sorted(f for f in os.listdir(os.path.join(top, "tests/e2e"))
                  if f.endswith(".sh") and f != "lib.sh")


def steps(top):
    only = os.environ.get("LAVA_STEPS")
    if only:
        return only.split()
    return ["load"] + e2e_scripts(top) + ["kunit", "health"]


# log_buf_len: the KUnit modules' KTAP is read back from the kernel log
# (tests/lava/otp-lava.sh).  No loglevel= here: LAVA's boot waits for the
# kernel's "Linux version" line (KERN_NOTICE, the device type's
# kernel-start-message); each test step lowers the console level itself.
KARGS = "kmemleak=on kunit.enable=1 log_buf_len=4M"


def test_action(top, base, timeout_min):
    defs = []
    for s in steps(top):
        name = "otp-" + (s[:-3] if s.endswith(".sh") else s)
        defs.append({
            "from": "url",
            "repository": base + "/otp-tests.tar.gz",
            "compression": "gz",
            "path": "tests/lava/otp-e2e.yaml",
            "name": name,
            "parameters": {"STEP": s, "ALLOW_BURN": os.environ.get("LAVA_ALLOW_BURN", "no")},
        })
    return {"test": {"timeout": {"minutes": timeout_min}, "definitions": defs}}


def common(name, device_type, job_min):
    return {
        "device_type": device_type,
        "job_name": name,
        "timeouts": {
            "job": {"minutes": job_min},
            "action": {"minutes": 20},
            "connection": {"minutes": 5},
        },
        "priority": "medium",
        "visibility": "public",
    }


def board_job(args, top):
    arch, ktype, dt, console = BOARDS[args.name]
    job = common("otp-nvmem %s linux-%s" % (args.name, args.krel), args.name, 90)
    job["context"] = {"extra_kernel_args": KARGS}
    job["metadata"] = {"kernel.release": args.krel, "dtb": dt + ".dtb", "console": console}
    job["actions"] = [
        {"deploy": {
            "to": "tftp",
            "timeout": {"minutes": 10},
            "os": "oe",
            "kernel": {"url": args.base + "/" + ("Image" if arch == "arm64" else "zImage"),
                       "type": ktype},
            "dtb": {"url": args.base + "/dtbs/" + args.name + ".dtb"},
            "ramdisk": {"url": args.rootfs, "compression": "gz"},
            "modules": {"url": args.base + "/otp-modules.tar.gz", "compression": "gz"},
        }},
        {"boot": {
            "method": "u-boot",
            "commands": "ramdisk",
            "prompts": ["/ # "],
            "timeout": {"minutes": 5},
        }},
        test_action(top, args.base, 60),
    ]
    return job


# QEMU: the machine of make check's boots without firmware (the DTB is
# QEMU's own dumped for these options plus tests/dt), the emulated OTP
# blocks pre-loaded by QEMU's loader device from the register images.
QEMU_OPTIONS = ["-M virt", "-cpu cortex-a57", "-smp 2", "-m 1024",
                "-nographic", "-no-reboot", "-nic none"]
REGIMAGES = [("bsec", 0x7f000000), ("ocotp", 0x7f010000), ("ocotp-rw", 0x7f020000),
             ("ocotp-imx6q", 0x7f030000), ("ocotp-imx6ull", 0x7f034000),
             ("ocotp-imx7d", 0x7f040000), ("ocotp-imx93", 0x7f050000),
             ("scu-imx8qxp", 0x7f060000), ("ocotp-imx95", 0x7f070000)]
PROMPT = "otp-lava:/# "


def qemu_job(args, top):
    job = common("otp-nvmem qemu-arm64 linux-%s" % args.krel, "qemu", 90)
    job["context"] = {"arch": "arm64"}
    images = {
        "kernel": {"url": args.base + "/Image",
                   "image_arg": '-kernel {kernel} -append "console=ttyAMA0 panic=-1 %s"' % KARGS},
        "ramdisk": {"url": args.base + "/qemu/ramdisk.cpio",
                    "format": "cpio.newc", "image_arg": "-initrd {ramdisk}",
                    "overlays": {
                        "lava": True,
                        "otp": {"url": args.base + "/otp-modules.tar.gz",
                                "compression": "gz", "format": "tar", "path": "/"},
                    }},
        "dtb": {"url": args.base + "/qemu/otp-qemu.dtb", "image_arg": "-dtb {dtb}"},
    }
    for name, addr in REGIMAGES:
        key = name.replace("-", "_")
        images[key] = {"url": "%s/qemu/%s.bin" % (args.base, name),
                       "image_arg": "-device loader,file={%s},addr=0x%x,force-raw=on" % (key, addr)}
    job["actions"] = [
        {"deploy": {"to": "tmpfs", "timeout": {"minutes": 5}, "os": "oe", "images": images}},
        {"boot": {"method": "qemu", "media": "tmpfs", "prompts": [PROMPT],
                  "timeout": {"minutes": 5}}},
        test_action(top, args.base, 75),
    ]
    return job


def qemu_device():
    """A rendered device dictionary for device type qemu, what a server
    renders from qemu.jinja2 (and base.jinja2's constants)."""
    return {
        "device_type": "qemu",
        "available_architectures": ["arm64"],
        "constants": {
            "shutdown-message": "The system is going down for reboot NOW",
            "kernel-start-message": "Linux version [0-9]",
            "default-shell-prompt": "lava-test: # ",
            "posix": {
                "lava_test_sh_cmd": "/bin/sh",
                "lava_test_results_dir": "/lava-%s",
                "lava_test_shell_file": "~/.bashrc",
            },
            "spawn_maxread": "4092",
            "failure_retry": 1,
            "boot_retry": 1,
        },
        "parameters": {},
        "actions": {
            "deploy": {
                "methods": {"image": {"parameters": {"guest": {"size": 512}}}},
                "connections": {"serial": None},
            },
            "boot": {
                "connections": {"serial": None},
                "methods": {"qemu": {"parameters": {
                    "command": "qemu-system-aarch64",
                    "options": QEMU_OPTIONS,
                }}},
            },
        },
        "timeouts": {
            "actions": {
                "apply-overlay-image": {"minutes": 2},
                "lava-test-shell": {"minutes": 75},
            },
            "connections": {"lava-test-shell": {"minutes": 75}},
        },
    }


def dump(obj, path):
    with open(path, "w") as f:
        f.write("# Written by scripts/lava-job.py (make lava-jobs); submit with\n"
                "# lavacli jobs submit %s\n" % os.path.basename(path))
        yaml.safe_dump(obj, f, sort_keys=False, default_flow_style=False, width=1000)


def validate(paths):
    from lava_common.schemas import validate as lava_validate
    rc = 0
    for p in paths:
        with open(p) as f:
            data = yaml.safe_load(f)
        try:
            lava_validate(data, strict=True)
            print("lava-job: %s: valid (lava_common.schemas, strict)" % p)
        except Exception as exc:  # voluptuous.Invalid and friends
            print("lava-job: %s: INVALID: %s" % (p, exc))
            rc = 1
    return rc


def dispatcher_files(args):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    with open(args.name[0]) as f:
        job = yaml.safe_load(f)
    dtype = job["device_type"]
    if not os.path.exists(os.path.join(args.templates, dtype + ".jinja2")):
        print("lava-job: LAVA has no device type %s (%s)" % (dtype, args.templates))
        return 2
    # The server's device-type environment (lava_scheduler_app/environment.py)
    env = SandboxedEnvironment(loader=jinja2.FileSystemLoader([args.templates]),
                               autoescape=False, trim_blocks=True)
    # A device dictionary as a lab writes one; the commands are never run
    # by lava-run --validate, only looked up on PATH.
    device = "{%% extends '%s.jinja2' %%}\n" % dtype
    for var in ("connection_command", "hard_reset_command", "power_off_command",
                "power_on_command"):
        device += "{%% set %s = '/bin/true' %%}\n" % var
    rendered = env.from_string(device).render(**job.get("context", {}))
    yaml.safe_load(rendered)
    os.makedirs(args.output, exist_ok=True)
    with open(os.path.join(args.output, "device.yaml"), "w") as f:
        f.write(rendered)

    def local(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("url", "repository") and isinstance(v, str) and \
                        v.startswith(("http://", "https://")):
                    node[k] = "file://" + os.path.abspath(args.placeholder)
                else:
                    local(v)
        elif isinstance(node, list):
            for v in node:
                local(v)
    local(job)
    with open(os.path.join(args.output, "job.yaml"), "w") as f:
        yaml.safe_dump(job, f, sort_keys=False, width=1000)
    return 0


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["board", "qemu", "validate", "boards", "dispatcher"])
    ap.add_argument("name", nargs="*")
    ap.add_argument("--arch")
    ap.add_argument("--krel")
    ap.add_argument("--base")
    ap.add_argument("--rootfs")
    ap.add_argument("--device")
    ap.add_argument("--templates")
    ap.add_argument("--placeholder")
    ap.add_argument("-o", "--output")
    args = ap.parse_args()
    if args.what == "boards":   # NAME ARCH DT, for scripts/lava-jobs.sh
        for name, (arch, _, dt, _) in BOARDS.items():
            print(name, arch, dt)
        return 0
    if args.what == "validate":
        return validate(args.name)
    if args.what == "dispatcher":
        return dispatcher_files(args)
    if args.what == "board":
        args.name = args.name[0]
        dump(board_job(args, top), args.output)
    else:
        dump(qemu_job(args, top), args.output)
        if args.device:
            dump(qemu_device(), args.device)
    return 0


if __name__ == "__main__":
    sys.exit(main())
