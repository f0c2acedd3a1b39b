#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The fuse names the board tool (scripts/otp) knows, per SoC, generated
from the machine-readable fuse maps the project vendors.

scripts/otp runs under busybox on a board: it reads the table this script
writes (scripts/otp-fields, installed next to otp) with one awk call, so
the table is plain text, one record a line:

  part  COMPATIBLE SOURCE...
  field COMPATIBLE NAME CLASS BITS WORD:SHIFT:WIDTH:LO...
  lock  COMPATIBLE FIELD SHIFT WIDTH PROG SHADOW READ FIRST:COUNT...
  hole  COMPATIBLE FIRST:COUNT...
  ecc   COMPATIBLE FIRST:COUNT...

A field is BITS bits wide; each WORD:SHIFT:WIDTH:LO says that bits
SHIFT.. SHIFT+WIDTH-1 of NVMEM word WORD hold its bits LO.. LO+WIDTH-1.
CLASS says which flag otp wants before it sets one of its bits: lock (the
LOCK word and *_LOCK fields), srk (SRK_HASH, SRK_REVOKE), boot (boot and
security configuration: the BOOT_CFG words, SEC_CONFIG, FIELD_RETURN), or
- for none.  Words are NVMEM word numbers (bank * words-per-bank + word,
U-Boot's numbering), not fuse addresses: they differ on the i.MX6ULL only.
A lock record is one field of the LOCK fuse word (word 0): the bits that
stop programming, shadow writes and reads, and the words it guards (0:0
when no source places them).

Sources (each under its BSD licence in tests/data/ocotp-locks/):
  - usbarmory/crucible fusemaps (IMX6DQ, IMX6UL, IMX6ULL, IMX7D, IMX8M,
    IMX8MM, IMX8MP .yaml, LICENSE.crucible): every register's bank and
    word, every field's offset and width.  A field wider than the room left
    in its word continues at bit 0 of the next word (how crucible reads
    it); where the map also names the parts of a field (SRK_HASH[255:224]
    in SRK0 .. SRK_HASH[31:0] in SRK7; MAC_ADDR[31:0], MAC_ADDR[47:32]) and
    they tile it, those parts say which bits each word holds.
  - NXP i.MX6 Platform SDK mx6sl regsocotp.h excerpt
    (sdk-mx6sl-regsocotp.txt, LICENSE.sdk): the i.MX6SL's registers, each
    a whole word (the excerpt has no fields below the register).
  - The LOCK fields and what their bits stop: tests/gen-ocotp-emu-locks.py
    (the KUnit emulator's generator, same files, the same reading).
  - Facts not in those files, each with its source below: the i.MX6ULL's
    bank 8 (FUSE_TO_WORD), the words with no fuse (HOLES), the SCU parts'
    ECC words (ECC).

Usage:
  gen-otp-fields.py [-o OUT]        write the table (stdout)
  gen-otp-fields.py --check OUT     fail if OUT is not what it writes
"""

import argparse
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, 'data', 'ocotp-locks')

_spec = importlib.util.spec_from_file_location(
    'emu_locks', os.path.join(HERE, 'gen-ocotp-emu-locks.py'))
emu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(emu)

# Compatible -> (kind, file, what the file says it follows).  The same
# list as the emulator's (emu.SOURCES): the i.MX8MN has no public map of
# its own, the i.MX6SX/6SLL/7ULP/93/95 none here; otp wants --unmapped to
# write a word number on them.
SOURCES = [
    (compat, kind, fname) for compat, kind, fname in emu.SOURCES
]

# i.MX6ULL: NVMEM bank 8 words 0-3 (words 64-67) hold fuse addresses
# 60-63, the GP4 words crucible places at bank 7 words 4-7; NVMEM words
# 60-63 and 68-71 have no fuse (docs/fuse-maps.md i.MX table: "9 x 8
# (banks 7, 8: 4 words)", bank 8's shadows at 0x8C0 "(fuse addresses
# 60-63)"; U-Boot drivers/misc/mxc_ocotp.c fuse_bank_physical()).
# (first fuse address, count, first NVMEM word)
FUSE_TO_WORD = {
    'fsl,imx6ull-ocotp': [(0, 60, 0), (60, 4, 64)],
}

# NVMEM words with no fuse behind them: reads give 0, writes are refused.
#   i.MX6ULL/6SLL: see FUSE_TO_WORD.
#   i.MX8QXP: words 0x110-0x21F (Linux 6.12 drivers/nvmem/imx-ocotp-scu.c
#   imx8qxp_data; U-Boot drivers/misc/imx8/fuse.c FSL_QXP_FUSE_GAP_*).
HOLES = {
    'fsl,imx6ull-ocotp': [(60, 4), (68, 4)],
    'fsl,imx6sll-ocotp': [(60, 4), (68, 4)],
    'fsl,imx8qxp-scu-ocotp': [(0x110, 0x110)],
}

# Words protected by ECC, which take one value, once (the same two
# sources as the i.MX8QXP hole).
ECC = {
    'fsl,imx8qxp-scu-ocotp': [(0x10, 0x100), (0x220, 0x100)],
    'fsl,imx8qm-scu-ocotp': [(0x10, 0x100), (0x1a0, 0x60)],
}

# Which flag a name wants.  The BOOT_CFG region's words are the registers
# the i.MX7D/8M maps call BOOT_CFGn and the i.MX6 maps CFG4..CFG6
# (regsocotp.h: CFG4-6 are guarded by LOCK.BOOT_CFG; see
# gen-ocotp-emu-locks.py REGISTER_ALIASES); every field in such a word
# is boot configuration.
CLASS_REGISTERS = [
    ('lock', r'LOCK'),
    ('srk', r'(CST_)?SRK\d*|SRK_REVOKE'),
    ('boot', r'BOOT_CFG\d+|CFG[4-6]|FIELD_RETURN'),
]
CLASS_FIELDS = [
    ('lock', r'.*_R?LOCK'),
    ('srk', r'(CST_)?SRK_(HASH|REVOKE).*'),
    ('boot', r'(BOOT_CFG|SEC_CONFIG|FIELD_RETURN).*'),
]
CLASS_ORDER = ['-', 'boot', 'srk', 'lock']


def name_class(name, table):
    for cls, pat in table:
        if re.fullmatch(pat, name):
            return cls
    return '-'


def stronger(a, b):
    return a if CLASS_ORDER.index(a) >= CLASS_ORDER.index(b) else b


def crucible_registers(path):
    """(bank_size, [(register, bank, word, [(field, offset, len)])]) of a
    crucible fusemap, in file order; only the registers: section."""
    bank_size = None
    regs = []
    section = None
    reg = field = None
    in_fuses = False
    for raw in open(path, encoding='utf-8'):
        line = raw.split('#', 1)[0].rstrip()
        if not line.strip() or line.strip() == '---':
            continue
        indent = len(line) - len(line.lstrip())
        # Field names may hold a colon (SRK_HASH[255:224]): the value is
        # after the last one.
        if line.strip().endswith(':'):
            key, val = line.strip()[:-1], ''
        else:
            key, _, val = line.strip().rpartition(':')
        val = val.strip()
        if indent == 0:
            section = key
            if key == 'bank_size':
                bank_size = int(val)
            continue
        if section != 'registers':
            continue
        if indent == 2:
            reg = [key, None, None, []]
            regs.append(reg)
            in_fuses = False
        elif indent == 4:
            if key == 'bank':
                reg[1] = int(val)
            elif key == 'word':
                reg[2] = int(val)
            elif key == 'fuses':
                in_fuses = True
        elif indent == 6 and in_fuses:
            field = [key, None, None]
            reg[3].append(field)
        elif indent == 8 and in_fuses:
            if key == 'offset':
                field[1] = int(val, 0)
            elif key == 'len':
                field[2] = int(val, 0)
    out = []
    for name, bank, word, fields in regs:
        if bank is None or word is None:
            raise SystemExit('%s: register %s has no bank/word' % (path, name))
        for f in fields:
            if f[1] is None or f[2] is None:
                raise SystemExit('%s: %s.%s has no offset/len' % (path, name, f[0]))
        out.append((name, bank, word, [tuple(f) for f in fields]))
    return bank_size, out


def to_word(compat, addr):
    for first, count, word in FUSE_TO_WORD.get(compat, [(0, 1 << 20, 0)]):
        if first <= addr < first + count:
            return word + addr - first
    raise SystemExit('%s: fuse address %d has no NVMEM word' % (compat, addr))


def native_parts(compat, addr, offset, length):
    """[(word, shift, width, lo)] of a field of `length` bits from bit
    `offset` of fuse address `addr`, continuing into the next words."""
    parts = []
    lo = 0
    shift = offset
    while lo < length:
        width = min(32 - shift, length - lo)
        parts.append((to_word(compat, addr), shift, width, lo))
        lo += width
        addr += 1
        shift = 0
    return parts


RANGE = re.compile(r'(.*)\[(\d+):(\d+)\]$')


def tiled_parts(name, length, named):
    """The parts of field `name` as the map's NAME[hi:lo] entries give
    them, when they tile bits 0..length-1 exactly; else None."""
    parts = []
    for sub, sub_parts in named.items():
        m = RANGE.match(sub)
        if not m or m.group(1) != name:
            continue
        hi, lo = int(m.group(2)), int(m.group(3))
        if hi < lo or sum(p[2] for p in sub_parts) != hi - lo + 1:
            return None
        for word, shift, width, plo in sub_parts:
            parts.append((word, shift, width, lo + plo))
    if not parts:
        return None
    bits = sorted((p[3], p[3] + p[2]) for p in parts)
    at = 0
    for a, b in bits:
        if a != at:
            return None
        at = b
    if at != length:
        return None
    return sorted(parts)


def crucible_fields(compat, fname):
    """[(name, class, bits, parts)] of a crucible map, and its word count."""
    bank_size, regs = crucible_registers(os.path.join(DATA, fname))
    out = []
    named = {}
    lengths = {}
    classes = {}
    for reg, bank, word, fields in regs:
        addr = bank * bank_size + word
        rname = reg if reg.startswith('OCOTP_') else 'OCOTP_' + reg
        rcls = name_class(rname[len('OCOTP_'):], CLASS_REGISTERS)
        out.append((rname, rcls, 32, [(to_word(compat, addr), 0, 32, 0)]))
        for fld, offset, length in fields:
            parts = native_parts(compat, addr, offset, length)
            cls = stronger(rcls, name_class(fld, CLASS_FIELDS))
            if fld in named:
                if named[fld] != parts:
                    raise SystemExit('%s: %s placed twice, differently' % (fname, fld))
                continue
            named[fld] = parts
            lengths[fld] = length
            classes[fld] = cls
    # A field the map names only as NAME[hi:0] (SRK_REVOKE[2:0] on the
    # i.MX7D and 8M) is NAME too, unless the map has NAME or other parts.
    bases = {}
    for fld in named:
        m = RANGE.match(fld)
        if m:
            bases.setdefault(m.group(1), []).append((fld, int(m.group(3))))
    for base, subs in bases.items():
        if base not in named and len(subs) == 1 and subs[0][1] == 0:
            fld = subs[0][0]
            named[base] = named[fld]
            lengths[base] = lengths[fld]
            classes[base] = classes[fld]
    for fld, parts in named.items():
        length = lengths[fld]
        if len(parts) > 1 and not RANGE.match(fld):
            parts = tiled_parts(fld, length, named) or parts
        out.append((fld, classes[fld], length, parts))
        # NAME[i]: the field's i-th word, in word order.
        if len(parts) > 1 and '[' not in fld:
            for i, (word, shift, width, lo) in enumerate(sorted(parts)):
                out.append(('%s[%d]' % (fld, i), classes[fld], width,
                            [(word, shift, width, 0)]))
    return out


def sdk_fields(compat, fname):
    regs, _ = emu.sdk_map(os.path.join(DATA, fname))
    out = []
    for reg, (bank, word) in regs.items():
        cls = name_class(reg, CLASS_REGISTERS)
        out.append(('OCOTP_' + reg, cls, 32,
                    [(to_word(compat, bank * 8 + word), 0, 32, 0)]))
    return out


def lock_records(compat, kind, fname):
    """[(field, shift, width, prog, shadow, read, [(word, count)])]."""
    merged = {}
    order = []
    for name, shift, width, prog, shadow, read, addr, count in \
            emu.soc_fields(kind, fname):
        name = re.sub(r'_LOCK$', '', name)
        if name not in merged:
            merged[name] = [shift, width, prog, shadow, read, []]
            order.append(name)
        if count:
            # A run of fuse addresses; the NVMEM words may split it.
            for a in range(addr, addr + count):
                w = to_word(compat, a)
                runs = merged[name][5]
                if runs and runs[-1][0] + runs[-1][1] == w:
                    runs[-1][1] += 1
                else:
                    runs.append([w, 1])
    return [(n,) + tuple(merged[n][:5]) + ([tuple(r) for r in merged[n][5]],)
            for n in order]


def check_names(compat, fields):
    seen = {}
    for name, cls, bits, parts in fields:
        if not re.fullmatch(r'[A-Za-z0-9_\[\]:.-]+', name):
            raise SystemExit('%s: name %r has characters otp cannot take' % (compat, name))
        if name in seen and seen[name] != (bits, parts):
            raise SystemExit('%s: two fields named %s' % (compat, name))
        seen[name] = (bits, parts)


def runs_text(runs):
    return ' '.join('%d:%d' % tuple(r) for r in runs) if runs else '0:0'


def table():
    lines = [
        '# SPDX-License-Identifier: GPL-2.0',
        '# Generated by tests/gen-otp-fields.py from the fuse maps in',
        '# tests/data/ocotp-locks/ (crucible fusemaps, BSD-3, LICENSE.crucible;',
        '# NXP i.MX6 Platform SDK regsocotp.h excerpt, BSD-3, LICENSE.sdk); do',
        '# not edit.  Read by scripts/otp; the format is in the generator.',
    ]
    for compat, kind, fname in SOURCES:
        lines.append('')
        if kind == 'crucible':
            fields = crucible_fields(compat, fname)
            src = 'crucible %s' % fname
        else:
            fields = sdk_fields(compat, fname)
            src = 'NXP i.MX6 SDK mx6sl regsocotp.h (%s)' % fname
        check_names(compat, fields)
        lines.append('part %s %s' % (compat, src))
        done = set()
        fields.sort(key=lambda f: (min(p[0] for p in f[3]),
                                   not f[0].startswith('OCOTP_'),
                                   min(p[1] for p in f[3]), -f[2], f[0]))
        for name, cls, bits, parts in fields:
            if name in done:
                continue
            done.add(name)
            lines.append('field %s %s %s %d %s' % (
                compat, name, cls, bits,
                ' '.join('%d:%d:%d:%d' % p for p in parts)))
        for name, shift, width, prog, shadow, read, runs in \
                lock_records(compat, kind, fname):
            lines.append('lock %s %s %d %d 0x%08x 0x%08x 0x%08x %s' % (
                compat, name, shift, width, prog, shadow, read,
                runs_text(runs)))
    lines.append('')
    for compat, runs in sorted(HOLES.items()):
        lines.append('hole %s %s' % (compat, runs_text(runs)))
    for compat, runs in sorted(ECC.items()):
        lines.append('ecc %s %s' % (compat, runs_text(runs)))
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('-o', dest='out')
    ap.add_argument('--check')
    args = ap.parse_args()
    text = table()
    if args.check:
        if open(args.check, encoding='utf-8').read() != text:
            print('%s is not what tests/gen-otp-fields.py writes; '
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
