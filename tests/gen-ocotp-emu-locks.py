#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The i.MX OCOTP emulator's lock facts, generated from machine-readable
fuse maps that the driver's tables were not typed from.

The KUnit emulator (kunit/otp-imx-ocotp/ocotp-emu.c) refuses programming of
a word whose LOCK field is set, as the controller does.  Which bit guards
which words, and which bits stop programming at all, it takes from the
header this script writes (kunit/otp-imx-ocotp/ocotp-emu-locks.h), made
from:

  - usbarmory/crucible fusemaps (tests/data/ocotp-locks/*.yaml, BSD-3,
    LICENSE.crucible): the LOCK word's fields (offset, width) and every
    fuse register's bank and word.  A field guards the registers named
    after it (GP1 -> GP1, GP10, GP11; OTPMK -> OTPMK0..7), or those of
    REGISTER_ALIASES where the map names them otherwise.
  - NXP i.MX6 Platform SDK regsocotp.h (tests/data/ocotp-locks/
    sdk-mx6sl-regsocotp.txt, extracted with --extract-sdk; BSD-3,
    LICENSE.sdk): the LOCK fields of the i.MX6SL with their descriptions,
    read for what each bit blocks, and each register's bank and word.

What a bit blocks: the SDK's words where they are given (parsed from the
field description); for the crucible maps, the rule of the i.MX6ULL RM
sec. 37.5.12 for a two-bit field (bit 0 stops programming, bit 1 shadow
writes), a one-bit field stops programming, a *_RLOCK field only reads, and
a two-bit CRC field stops programming with either bit (SDK CRC_GP_LOCK).

Usage:
  gen-ocotp-emu-locks.py [-o OUT]          write the header (stdout)
  gen-ocotp-emu-locks.py --check OUT       fail if OUT is not what it writes
  gen-ocotp-emu-locks.py --extract-sdk regsocotp.h   print the excerpt
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data', 'ocotp-locks')

# Compatible -> (source kind, file).  The i.MX8MN has no public map of its
# own and the i.MX6SX/6SLL/7ULP are not programmed: none here.
SOURCES = [
    ('fsl,imx6q-ocotp', 'crucible', 'IMX6DQ.yaml'),
    ('fsl,imx6sl-ocotp', 'sdk', 'sdk-mx6sl-regsocotp.txt'),
    ('fsl,imx6ul-ocotp', 'crucible', 'IMX6UL.yaml'),
    ('fsl,imx6ull-ocotp', 'crucible', 'IMX6ULL.yaml'),
    ('fsl,imx7d-ocotp', 'crucible', 'IMX7D.yaml'),
    ('fsl,imx8mq-ocotp', 'crucible', 'IMX8M.yaml'),
    ('fsl,imx8mm-ocotp', 'crucible', 'IMX8MM.yaml'),
    ('fsl,imx8mp-ocotp', 'crucible', 'IMX8MP.yaml'),
]

# Fields whose registers the maps name otherwise: the i.MX6 maps call the
# tester and boot words CFG0..6 (regsocotp.h: CFG0-3 "become read-only
# after the HW_OCOTP_LOCK_TESTER[1] bit is set", CFG4-6 after BOOT_CFG[1]).
REGISTER_ALIASES = {
    'TESTER': r'TESTER\d*|CFG[0-3]',
    'BOOT_CFG': r'BOOT_CFG\d*|CFG[4-6]',
    'MEM_TRIM': r'MEM_TRIM\d*|MEM\d',
    'ANALOG': r'ANA\d|MEM_ANA\d',
    'MAC_ADDR': r'MAC_ADDR\d*|MAC\d*',
    'MANUFACTURE_KEY': r'MAU_KEY\d',
    'OTPMK_CRC': r'CRC',
    'CST_SRK': r'SRK\d',
    'GP3_RLOCK': r'GP3_\d',
    'GP4_RLOCK': r'GP4_\d',
    'CRC_GP_LOCK': r'CRC\d',
    'GP_LO_LOCK': r'GP_LO\d',
    'GP_HI_LOCK': r'GP_HI\d',
}


def crucible_map(path):
    """(bank_size, {register: (bank, word)}, [(field, offset, len)]) of a
    crucible fusemap.  The maps are plain nested mappings; this reads the
    subset they use rather than depend on a YAML library."""
    bank_size = None
    regs = {}
    fields = []
    reg = None
    field = None
    cur = {}
    in_fuses = False

    def flush_field():
        if reg == 'OCOTP_LOCK' and field is not None:
            fields.append((field, cur['offset'], cur['len']))

    for line in open(path, encoding='utf-8'):
        line = line.split('#', 1)[0].rstrip()
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        key, _, val = line.strip().partition(':')
        val = val.strip()
        if indent == 0:
            if key == 'bank_size':
                bank_size = int(val)
            continue
        if indent == 2:
            flush_field()
            reg, field, in_fuses, cur = key, None, False, {}
            regs[reg] = [None, None]
        elif indent == 4:
            if key == 'bank':
                regs[reg][0] = int(val)
            elif key == 'word':
                regs[reg][1] = int(val)
            elif key == 'fuses':
                in_fuses = True
        elif indent == 6 and in_fuses:
            flush_field()
            field, cur = key, {}
        elif indent == 8 and in_fuses:
            cur[key] = int(val)
    flush_field()
    return bank_size, {r.replace('OCOTP_', '', 1): tuple(bw)
                       for r, bw in regs.items()}, fields


def crucible_meaning(name, width, shift):
    """(prog, shadow, read) masks of a crucible LOCK field."""
    low, high = 1 << shift, 1 << (shift + 1)
    if name.endswith('_RLOCK'):
        return 0, 0, low
    if name == 'PIN_LOCK':
        return 0, 0, 0
    if width == 2 and 'CRC' in name:
        return low | high, low, high
    if width == 2:
        return low, high, 0
    return low, low, 0


SDK_PHRASES = [
    # (pattern, bit (None: the one-bit field), prog, shadow, read)
    (r"When bit 1 is set, the writing of this region's shadow register is blocked",
     1, 0, 1, 0),
    (r"When bit 0 is set, the writing of this region's OTP fuse word is blocked",
     0, 1, 0, 0),
    (r"When bit 1 is set, the reading and writing of this region's OTP fuse and "
     r"reading of shadow register are blocked", 1, 1, 0, 1),
    (r"When bit 0 is set, the writing of this region's shadow register and OTP "
     r"fuse are blocked", 0, 1, 1, 0),
    (r"When set, the writing of this region's shadow register and OTP fuse word "
     r"are blocked", None, 1, 1, 0),
    (r"The read of this region's shadow register and OTP fuse word are also "
     r"blocked", None, 0, 0, 1),
    (r"the over-riding \(writing\) of this region's shadow bits is blocked",
     None, 0, 1, 0),
]


def sdk_blocks(text):
    """[(register, field, bits, description)] of a regsocotp.h text."""
    out = []
    for m in re.finditer(r'Register (?:HW_)?OCOTP_(\w+), field (\w+)'
                         r'\[([0-9:]+)\][^\n]*\n((?: \*[^\n]*\n)+?) \*/', text):
        desc = ' '.join(l[3:].strip() for l in m.group(4).splitlines())
        out.append((m.group(1), m.group(2), m.group(3), desc.strip()))
    return out


def sdk_map(path):
    """(regs, fields) of an SDK excerpt, fields as (name, shift, width,
    prog, shadow, read)."""
    text = open(path, encoding='utf-8').read()
    regs = {}
    fields = []
    for reg, field, bits, desc in sdk_blocks(text):
        hi, _, lo = bits.partition(':')
        lo = int(lo or hi)
        width = int(hi) - lo + 1
        if reg == 'LOCK':
            prog = shadow = read = 0
            for pat, bit, p, s, r in SDK_PHRASES:
                if not re.search(pat, desc):
                    continue
                mask = (1 << lo) if bit is None and width == 1 else \
                       (1 << (lo + bit)) if bit is not None else 0
                prog |= mask if p else 0
                shadow |= mask if s else 0
                read |= mask if r else 0
            fields.append((field, lo, width, prog, shadow, read))
            continue
        m = re.search(r'Bank\s*(\d+),\s*word\s*(\d+)', desc, re.I)
        if m and field == 'BITS':
            regs[reg] = (int(m.group(1)), int(m.group(2)))
    return regs, fields


def region(name, regs, bank_size):
    """[(first fuse address, count)] of the registers a field guards, one
    run of consecutive words each ([(0, 0)] for none)."""
    base = re.sub(r'_R?LOCK$', '', name).replace('-', '_')
    pat = REGISTER_ALIASES.get(name) or REGISTER_ALIASES.get(base) or \
        re.escape(base) + r'(_?\d+)?'
    addrs = sorted(b * bank_size + w for r, (b, w) in regs.items()
                   if re.fullmatch(pat, r))
    runs = []
    for a in addrs:
        if runs and runs[-1][0] + runs[-1][1] == a:
            runs[-1][1] += 1
        else:
            runs.append([a, 1])
    return [tuple(r) for r in runs] or [(0, 0)]


def soc_fields(kind, fname):
    path = os.path.join(DATA, fname)
    out = []
    if kind == 'crucible':
        bank_size, regs, fields = crucible_map(path)
        for name, shift, width in fields:
            prog, shadow, read = crucible_meaning(name, width, shift)
            for run in region(name, regs, bank_size):
                out.append((name, shift, width, prog, shadow, read) + run)
    else:
        regs, fields = sdk_map(path)
        for name, shift, width, prog, shadow, read in fields:
            if name == 'UNALLOCATED':
                continue
            for run in region(name, regs, 8):
                out.append((name, shift, width, prog, shadow, read) + run)
    return out


def header():
    lines = [
        '/* SPDX-License-Identifier: GPL-2.0 */',
        '/*',
        ' * Generated by tests/gen-ocotp-emu-locks.py from the crucible fuse',
        ' * maps and the i.MX6 SDK excerpt in tests/data/ocotp-locks/; do not',
        ' * edit.  Each entry: a LOCK field, the LOCK bits that stop',
        ' * programming and shadow writes, and the fuse words it guards.',
        ' */',
        '',
    ]
    names = []
    for compat, kind, fname in SOURCES:
        var = 'emu_gen_' + re.sub(r'\W', '_', compat.split(',')[1])
        names.append((compat, var))
        lines.append('/* %s: %s */' % (compat, fname))
        lines.append('static const struct ocotp_emu_lock %s[] = {' % var)
        for name, shift, width, prog, shadow, read, addr, count in \
                soc_fields(kind, fname):
            lines.append('\t{ .name = "%s", .prog = 0x%08x, .shadow = 0x%08x,'
                         % (name, prog, shadow))
            lines.append('\t  .read = 0x%08x, .addr = %d, .count = %d },'
                         % (read, addr, count))
        lines.append('\t{ /* sentinel */ }')
        lines.append('};')
        lines.append('')
    lines.append('static const struct {')
    lines.append('\tconst char *compatible;')
    lines.append('\tconst struct ocotp_emu_lock *locks;')
    lines.append('} emu_gen_locks[] = {')
    for compat, var in names:
        lines.append('\t{ "%s", %s },' % (compat, var))
    lines.append('};')
    return '\n'.join(lines) + '\n'


def extract_sdk(path):
    """The LOCK fields and each register's location, verbatim."""
    text = open(path, encoding='utf-8').read()
    out = ['Excerpt of NXP i.MX6 Platform SDK %s' % os.path.basename(path),
           '(github.com/flit/imx6_platform_sdk, BSD-3, LICENSE.sdk):',
           'the OCOTP_LOCK field descriptions and each register\'s BITS field.',
           '']
    for m in re.finditer(r'/\*! @name Register OCOTP_(\w+), field (\w+)'
                         r'\[[0-9:]+\][^\n]*\n(?: \*[^\n]*\n)+? \*/', text):
        if m.group(1) == 'LOCK' or m.group(2) == 'BITS':
            out.append(m.group(0).replace('/*! @name ', '/* '))
    return '\n'.join(out) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('-o', dest='out')
    ap.add_argument('--check')
    ap.add_argument('--extract-sdk')
    args = ap.parse_args()
    if args.extract_sdk:
        sys.stdout.write(extract_sdk(args.extract_sdk))
        return 0
    text = header()
    if args.check:
        if open(args.check, encoding='utf-8').read() != text:
            print('%s is not what tests/gen-ocotp-emu-locks.py writes; '
                  'run it with -o %s' % (args.check, args.check))
            return 1
        return 0
    if args.out:
        with open(args.out, 'w', encoding='utf-8') as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
