#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Cases for the KUnit suites from a kernel tree's own SoC device trees.

For every SoC .dtsi of KSRC that declares an OTP controller with one of
FAMILY's compatibles, take that controller's cells verbatim (node names,
reg, bits, an nvmem-layout) and every consumer's nvmem-cells /
nvmem-cell-names pair from the same compiled tree, and write a C header
with, per SoC: an overlay that hangs those cells under the suite's
harness node (HARNESS compatible) and the consumers beside it, a fuse
image, and what each consumer must read, worked out here from the fuse
image the way the consumer's own reader does it:

  mac-address   of_get_mac_address(); the value U-Boot sets from the same
                fuses (the functions named in MAC_RULES below)
  other names   nvmem_cell_read_u8/16/32/64() where the tree's drivers read
                that name with the width of the cell, else nvmem_cell_read();
                the bytes the nvmem core hands over (bits shifted and
                masked), little endian

Nothing here comes from the drivers under test: the cells and consumers
from the kernel tree, the MAC rules from U-Boot, the bit rules from the
nvmem core's documented cell semantics (nvmem.yaml: bits = <offset nbits>).

usage: gen-upstream-cells.py FAMILY[-SUITE] KSRC HARNESS OUT.h
  FAMILY   imx    OCOTP (i.MX6/7/8M, i.MX93/95 fuse shadow block)
           stm32  STM32MP BSEC
  SUITE    a name for a second suite of the family (stm32-ta)
  HARNESS  the harness node's compatible for every SoC of the family, or
           SOC=HARNESS[+SOC=HARNESS...] for the SoC compatibles the suite
           has an emulator for (the others are skipped, and said so)
A cell or consumer that cannot be exercised is listed in the header as a
comment with the reason (and on stderr with -v).
"""

import os
import re
import subprocess
import sys
import tempfile

import libfdt

# The compatibles each suite's harness stands in for (the SoCs' first
# compatible in the trees), and the family's U-Boot MAC rule.
FAMILIES = {
    'imx': re.compile(r'^fsl,imx(6q|6sl|6sll|6sx|6ul|6ull|7d|7ulp|8mq|8mm|8mn|8mp|93|95)-ocotp$'),
    'stm32': re.compile(r'^st,stm32mp(13|15|25)-bsec$'),
}
# A suite that stands in for part of a family (the harness names which
# SoCs) writes a header of its own: FAMILY-SUITE-upstream-cells.h.

# U-Boot, arch/arm/mach-imx/mac.c imx_get_mac_from_fuse(): the MAC fuses
# are read through the shadow registers at 0x620 (i.MX6) or 0x640 (i.MX7,
# i.MX8M) from OCOTP's base: shadow n sits at 0x400 + 0x10 * n, so fuse
# words 34 and 36 (bytes 0x88 and 0x90 of the NVMEM device).  Port 0 takes
# mac[0..1] from bits 15:0 of word base+1 (high byte first) and mac[2..5]
# from word base (high byte first); port 1 (i.MX6SX/6UL/6ULL, i.MX7,
# i.MX8MP) takes mac[0..3] from word base+2 and mac[4..5] from bits 31:16
# of word base+1.  The i.MX93 (arch/arm/mach-imx/imx9/soc.c, every
# revision after A0) reads both ports the same way from bank 39 words 3-5,
# fuse word 315.
IMX_MAC_BASE_WORD = {'6': 34, '7': 36, '8': 36, '93': 315}
IMX_SECOND_MAC = ('6sx', '6ul', '6ull', '7d', '8mp', '93')
# The i.MX95 (arch/arm/mach-imx/imx9/scmi/soc.c imx_get_mac_from_fuse()):
# the MAC first byte first from bank 40 word 5, fuse word 325, in memory
# order; further ports add to it, and no fuse holds them.
IMX_MAC_IN_ORDER = {'95': 325}
# The fuses the i.MX93/95 expose: U-Boot's i.MX9 fuse code, FUSE_BANKS 64
# of WORDS_PER_BANKS 8 (drivers/misc/imx_ele/fuse.c).  A cell past them
# (imx95.dtsi's mac-address@1 at 0x1514) cannot be read.
IMX_FUSE_BYTES = {'93': 2048, '95': 2048}


def imx_base_word(soc):
    return IMX_MAC_BASE_WORD.get(soc, IMX_MAC_BASE_WORD.get(soc[0]))


def imx_uboot_mac(soc, words, port):
    if soc in IMX_MAC_IN_ORDER:
        return in_order_mac(words, IMX_MAC_IN_ORDER[soc], port)
    base = imx_base_word(soc)
    w0, w1, w2 = (words[base + i] for i in range(3))
    if port == 1:
        return [w2 >> 24, w2 >> 16, w2 >> 8, w2, w1 >> 24, w1 >> 16]
    return [w1 >> 8, w1, w0 >> 24, w0 >> 16, w0 >> 8, w0]


# ST's U-Boot, arch/arm/mach-stm32mp/soc.c setup_mac_address() (earlier
# in board/st/stm32mp1/stm32mp1.c): the OTP words from BSEC_OTP_MAC (57 on
# the MP13/MP15, arch/arm/mach-stm32mp/include/mach/stm32.h) read as bytes
# in memory order, port n taking bytes 6n..6n+5.
STM32_MAC_WORD = {'13': 57, '15': 57}
# OTP words per part: RM0436 (MP15) and RM0475 (MP13) 96, RM0457 (MP25)
# OTP0..OTP367.
STM32_WORDS = {'13': 96, '15': 96, '25': 368}


def in_order_mac(words, base, port):
    off = 4 * base + 6 * port
    return [words[(off + i) // 4] >> (8 * ((off + i) % 4)) for i in range(6)]


def stm32_uboot_mac(soc, words, port):
    return in_order_mac(words, STM32_MAC_WORD[soc], port)


def imx_soc(compat):
    return FAMILIES['imx'].match(compat).group(1)


def stm32_soc(compat):
    return FAMILIES['stm32'].match(compat).group(1)


def mac_port(family, soc, offset):
    """U-Boot's port number for a MAC cell at byte OFFSET, or None."""
    if family == 'imx' and soc not in IMX_MAC_IN_ORDER:
        base = 4 * imx_base_word(soc)
        if offset == base:
            return 0
        if offset == base + 6 and soc in IMX_SECOND_MAC:
            return 1
        return None
    base = IMX_MAC_IN_ORDER.get(soc) if family == 'imx' else STM32_MAC_WORD.get(soc)
    if base is None or offset < 4 * base or (offset - 4 * base) % 6:
        return None
    return (offset - 4 * base) // 6


def mac_from_uboot(family, soc, words, port):
    f = imx_uboot_mac if family == 'imx' else stm32_uboot_mac
    return [b & 0xff for b in f(soc, words, port)]


def mac_to_fuses(family, soc, words, port, mac):
    """Set the fuse words U-Boot reads MAC MAC from (its rule inverted)."""
    if family == 'imx' and soc not in IMX_MAC_IN_ORDER:
        base = imx_base_word(soc)
        m = mac
        if port == 1:
            words[base + 2] = m[0] << 24 | m[1] << 16 | m[2] << 8 | m[3]
            words[base + 1] = (words[base + 1] & 0xffff) | m[4] << 24 | m[5] << 16
        else:
            words[base + 1] = (words[base + 1] & 0xffff0000) | m[0] << 8 | m[1]
            words[base] = m[2] << 24 | m[3] << 16 | m[4] << 8 | m[5]
    else:
        base = IMX_MAC_IN_ORDER[soc] if family == 'imx' else STM32_MAC_WORD[soc]
        off = 4 * base + 6 * port
        for i in range(6):
            w, sh = (off + i) // 4, 8 * ((off + i) % 4)
            words[w] = (words[w] & ~(0xff << sh)) | mac[i] << sh
    assert mac_from_uboot(family, soc, words, port) == mac


def pattern(n, seed):
    """Fuse words no cell reads the same way twice: an xorshift stream."""
    x = seed or 1
    out = []
    for _ in range(n):
        x ^= (x << 13) & 0xffffffff
        x ^= x >> 17
        x ^= (x << 5) & 0xffffffff
        out.append(x)
    return out


def cell_value(words, offset, length, bits):
    """What the nvmem core hands a consumer for a cell: LENGTH bytes at
    OFFSET, or with bits = <bit_offset nbits> the nbits bits from
    bit_offset of those bytes, in ceil(nbits / 8) bytes."""
    raw = bytes((words[(offset + i) // 4] >> (8 * ((offset + i) % 4))) & 0xff
                for i in range(length))
    if not bits:
        return raw
    bit_offset, nbits = bits
    v = int.from_bytes(raw, 'little') >> bit_offset
    v &= (1 << nbits) - 1
    return v.to_bytes((nbits + 7) // 8, 'little')


QUIET = [libfdt.FDT_ERR_NOTFOUND]


def props(fdt, off):
    p = fdt.first_property_offset(off, QUIET)
    while p >= 0:
        prop = fdt.get_property_by_offset(p)
        yield prop.name, bytes(prop)
        p = fdt.next_property_offset(p, QUIET)


def subnodes(fdt, off):
    s = fdt.first_subnode(off, QUIET)
    while s >= 0:
        yield s
        s = fdt.next_subnode(s, QUIET)


def getprop(fdt, off, name):
    """Property NAME of node OFF as bytes, or None."""
    v = fdt.getprop(off, name, QUIET)
    return None if isinstance(v, int) else bytes(v)


def u32s(value):
    return [int.from_bytes(value[i:i + 4], 'big') for i in range(0, len(value) - 3, 4)]


def strings(value):
    return [s.decode() for s in value.rstrip(b'\0').split(b'\0')] if value else []


def compile_dtsi(ksrc, path, dtc):
    """The FDT of PATH (a .dtsi) compiled on its own, or None."""
    arch = path.split('/')[1]
    with tempfile.TemporaryDirectory() as tmp:
        wrap = os.path.join(tmp, 'wrap.dts')
        with open(wrap, 'w') as f:
            f.write('/dts-v1/;\n#include "%s"\n' % os.path.join(ksrc, path))
        pp = os.path.join(tmp, 'wrap.pp')
        dtb = os.path.join(tmp, 'wrap.dtb')
        inc = ['-I', os.path.join(ksrc, 'include'),
               '-I', os.path.join(ksrc, 'arch', arch, 'boot', 'dts'),
               '-I', os.path.join(ksrc, os.path.dirname(path)),
               '-I', os.path.join(ksrc, 'scripts', 'dtc', 'include-prefixes')]
        r = subprocess.run(['cpp', '-nostdinc', *inc, '-undef', '-D__DTS__',
                            '-x', 'assembler-with-cpp', '-o', pp, wrap],
                           capture_output=True)
        if r.returncode:
            return None, r.stderr.decode()[-300:]
        r = subprocess.run([dtc, '-q', '-I', 'dts', '-O', 'dtb', '-o', dtb,
                            '-i', os.path.join(ksrc, os.path.dirname(path)), pp],
                           capture_output=True)
        if r.returncode:
            return None, r.stderr.decode()[-300:]
        with open(dtb, 'rb') as f:
            return libfdt.Fdt(f.read()), None


def read_widths(ksrc):
    """{cell name: {widths}} for the nvmem_cell_read_uN(dev, "name", ...)
    calls of the tree's drivers (the consumers' own readers)."""
    r = subprocess.run(['grep', '-rhoE', '--include=*.c',
                        r'nvmem_cell_read_u(8|16|32|64)\([^,]*,[[:space:]]*"[^"]+"',
                        os.path.join(ksrc, 'drivers')], capture_output=True)
    widths = {}
    for m in re.finditer(r'nvmem_cell_read_u(\d+)\([^,]*,\s*"([^"]+)"', r.stdout.decode()):
        widths.setdefault(m.group(2), set()).add(int(m.group(1)))
    return widths


def find_dtsi(ksrc, rx):
    out = []
    for top in ('arch/arm/boot/dts', 'arch/arm64/boot/dts/freescale', 'arch/arm64/boot/dts/st'):
        for root, _, files in os.walk(os.path.join(ksrc, top)):
            for fn in sorted(files):
                if not fn.endswith('.dtsi'):
                    continue
                p = os.path.join(root, fn)
                with open(p, errors='replace') as f:
                    text = f.read()
                if any(rx.match(c) for c in re.findall(r'"([a-z0-9]+,[a-z0-9-]+)"', text)):
                    out.append(os.path.relpath(p, ksrc))
    return sorted(out)


def includers(ksrc, path):
    """The .dtsi, then .dts files next to PATH that include it."""
    d = os.path.dirname(path)
    rx = re.compile(r'^\s*(#include|/include/)\s+"%s"' % re.escape(os.path.basename(path)), re.M)
    found = []
    for fn in sorted(os.listdir(os.path.join(ksrc, d))):
        if fn.endswith(('.dts', '.dtsi')):
            with open(os.path.join(ksrc, d, fn), errors='replace') as f:
                if rx.search(f.read()):
                    found.append(os.path.join(d, fn))
    return sorted(found, key=lambda f: (not f.endswith('.dtsi'), f))


def includer_chain(ksrc, path, depth=4):
    """Files that include PATH, nearest first: its includers, theirs, ...
    (stm32mp131.dtsi compiles only through stm32mp133.dtsi,
    stm32mp135.dtsi and a board's .dts)."""
    seen, level, out = {path}, [path], []
    for _ in range(depth):
        nxt = []
        for p in level:
            for inc in includers(ksrc, p):
                if inc not in seen:
                    seen.add(inc)
                    nxt.append(inc)
        out += nxt
        level = [p for p in nxt if p.endswith('.dtsi')]
    return out


def otp_labels(ksrc, path, rx):
    """Labels PATH puts on a node with one of the family's compatibles."""
    with open(os.path.join(ksrc, path), errors='replace') as f:
        text = f.read()
    out = []
    for m in re.finditer(r'(\w+)\s*:\s*[\w,.+-]+@[0-9a-fA-F]+\s*\{[^{}]*?compatible\s*=\s*"([^"]+)"', text):
        if rx.match(m.group(2)):
            out.append(m.group(1))
    return out


def extenders(ksrc, paths, rx):
    """SoC .dtsi files that include one of PATHS and add to its OTP node
    through the node's label (imx91.dtsi's &ocotp { tmu-trim@a0 ... })."""
    out = []
    for path in paths:
        labels = otp_labels(ksrc, path, rx)
        if not labels:
            continue
        lrx = re.compile(r'^&(%s)\s*\{' % '|'.join(labels), re.M)
        for inc in includers(ksrc, path):
            if not inc.endswith('.dtsi') or inc in paths or inc in out:
                continue
            with open(os.path.join(ksrc, inc), errors='replace') as f:
                if lrx.search(f.read()):
                    out.append(inc)
    return out


def c_str(s):
    return '"%s"' % s.replace('\\', '\\\\').replace('"', '\\"')


def dts_prop(name, value):
    if name in ('reg', 'bits', '#address-cells', '#size-cells'):
        return '%s = <%s>;' % (name, ' '.join('0x%x' % v for v in u32s(value)))
    if name == 'compatible':
        return '%s = %s;' % (name, ', '.join(c_str(s) for s in strings(value)))
    if not value:
        return '%s;' % name
    return None


def main():
    verbose = '-v' in sys.argv
    args = [a for a in sys.argv[1:] if a != '-v']
    suite, ksrc, harness, outpath = args
    family = suite.split('-')[0]
    if '=' in harness:
        harnesses = dict(h.split('=', 1) for h in harness.split('+'))
    else:
        harnesses = None
    rx = FAMILIES[family]
    dtc = os.environ.get('DTC', 'dtc')
    widths = read_widths(ksrc)
    socs, notes = [], []

    found = find_dtsi(ksrc, rx)
    for path in found + extenders(ksrc, found, rx):
        fdt, err = compile_dtsi(ksrc, path, dtc)
        # A .dtsi that leaves labels to its includers (imx6qdl.dtsi) is
        # taken through the nearest of them that compiles.
        for inc in [] if fdt else includer_chain(ksrc, path):
            fdt, _ = compile_dtsi(ksrc, inc, dtc)
            if fdt is not None:
                notes.append('%s: compiled through %s' % (path, os.path.basename(inc)))
                break
        if fdt is None:
            notes.append('%s: does not compile on its own: %s' % (path, err.strip().splitlines()[-1] if err.strip() else '?'))
            continue
        # Every node with one of the family's compatibles.
        nodes = []
        stack = [0]
        while stack:
            for s in subnodes(fdt, stack.pop()):
                stack.append(s)
                comp = getprop(fdt, s, 'compatible')
                ours = [c for c in strings(comp) if rx.match(c)] if comp else []
                if ours:
                    nodes.append((s, ours[0]))
        provs = []
        for node, compat in nodes:
            soc = imx_soc(compat) if family == 'imx' else stm32_soc(compat)
            provs.append((path, node, compat, soc))
        for path_, node, compat, soc in provs:
            h = harness if harnesses is None else harnesses.get(compat)
            if h is None:
                notes.append('%s: no emulator for %s in this suite' % (path_, compat))
                continue
            case = build_case(fdt, path_, node, compat, soc, family, widths, h, dtc, notes)
            if case:
                socs.append(case)

    write_header(outpath, family, ksrc, socs, notes)
    if verbose:
        for n in notes:
            print('gen-upstream-cells: ' + n, file=sys.stderr)


def build_case(fdt, path, node, compat, soc, family, widths, harness, dtc, notes):
    where = '%s %s' % (path, fdt.get_name(node))
    layout = None
    cell_parent = node
    for s in subnodes(fdt, node):
        if fdt.get_name(s) == 'nvmem-layout':
            layout = s
            cell_parent = s
    cells = {}
    for s in subnodes(fdt, cell_parent):
        reg = getprop(fdt, s, 'reg')
        if reg is None:
            continue
        r = u32s(reg)
        bits = getprop(fdt, s, 'bits')
        b = u32s(bits) if bits is not None else None
        ph = fdt.get_phandle(s)
        cells[s] = {'name': fdt.get_name(s), 'offset': r[0], 'len': r[1], 'bits': b,
                    'phandle': ph, 'props': list(props(fdt, s))}
    limit = IMX_FUSE_BYTES.get(soc) if family == 'imx' else 4 * STM32_WORDS[soc]
    for s, c in list(cells.items()):
        if limit and c['offset'] + c['len'] > limit:
            notes.append('%s: %s at 0x%x: past the %d bytes of fuses, its read fails'
                         % (where, c['name'], c['offset'], limit))
            del cells[s]
    if not cells:
        notes.append('%s: no cells' % where)
        return None
    byph = {c['phandle']: c for c in cells.values() if c['phandle']}

    # Consumers: every node of the tree naming one of these cells.
    consumers = []
    stack = [0]
    while stack:
        n = stack.pop()
        for s in subnodes(fdt, n):
            stack.append(s)
        if n == 0:
            continue
        val = getprop(fdt, n, 'nvmem-cells')
        if val is None:
            continue
        names = strings(getprop(fdt, n, 'nvmem-cell-names') or b'')
        phs = u32s(val)
        # A phandle to a cell with #nvmem-cell-cells takes arguments; none of
        # the cells kept here has any, so a list is one phandle per name.
        for i, ph in enumerate(phs):
            if ph in byph and i < len(names):
                comp = getprop(fdt, n, 'compatible')
                consumers.append({'node': fdt.get_path(n), 'compat': strings(comp)[0] if comp else '',
                                  'id': names[i], 'cell': byph[ph]})
    consumers.sort(key=lambda c: (c['cell']['offset'], c['id'], c['node']))
    # A cell no node of the tree consumes (board trees add their own) is
    # still read whole, by a consumer that names it after its node.
    used = {id(c['cell']) for c in consumers}
    for c in sorted(cells.values(), key=lambda c: c['offset']):
        if id(c) not in used:
            consumers.append({'node': '(no consumer in %s)' % os.path.basename(path),
                              'compat': '', 'id': c['name'], 'cell': c,
                              'raw': True})

    nwords = max((c['offset'] + c['len'] + 3) // 4 for c in cells.values())
    nwords = max(nwords, 64 if family == 'imx' else STM32_WORDS[soc])
    words = pattern(nwords, int.from_bytes(soc.encode(), 'little') & 0xffffffff)
    reads = []
    macs = 0
    for con in consumers:
        c = con['cell']
        desc = '%s %s -> %s' % (con['node'], con['id'], c['name'])
        if con.get('raw'):
            reads.append({'con': con, 'kind': 'RAW'})
            continue
        if con['id'] == 'mac-address':
            port = mac_port(family, soc, c['offset'])
            if port is None or c['len'] != 6 or c['bits']:
                notes.append('%s: %s: no U-Boot rule for a MAC at 0x%x' % (where, desc, c['offset']))
                continue
            # Unicast, locally administered, different per port.
            mac = [0x02, 0x04, 0x9f, 0x10 + port, 0x5a ^ macs, 0xc3 + len(soc)]
            mac_to_fuses(family, soc, words, port, mac)
            reads.append({'con': con, 'kind': 'MAC', 'port': port})
            macs += 1
            continue
        n = (c['bits'][1] + 7) // 8 if c['bits'] else c['len']
        if n > 32:
            notes.append('%s: %s: %d bytes, more than a case holds' % (where, desc, n))
            continue
        ws = [w for w in sorted(widths.get(con['id'], ())) if w == 8 * n]
        kind = 'U%d' % ws[0] if ws else 'RAW'
        reads.append({'con': con, 'kind': kind})
    for r in reads:
        c = r['con']['cell']
        if r['kind'] == 'MAC':
            r['want'] = mac_from_uboot(family, soc, words, r['port'])
        else:
            r['want'] = list(cell_value(words, c['offset'], c['len'], c['bits']))
    if not reads:
        notes.append('%s: no consumer of its cells in this tree' % where)

    # The overlay: the cells verbatim under the harness, the consumers
    # beside it, each referring to its cell by path.
    tag = re.sub(r'[^a-z0-9]', '_', os.path.basename(path)[:-5] + '_' + fdt.get_name(node).split('@')[0])
    prov = 'otp-kunit-upstream'
    lines = ['/dts-v1/;', '/plugin/;', '/ {', '\tfragment@0 {', '\t\ttarget-path = "/";',
             '\t\t__overlay__ {', '\t\t\t%s {' % prov,
             '\t\t\t\tcompatible = %s;' % c_str(harness)]
    if layout is None:
        lines += ['\t\t\t\t#address-cells = <1>;', '\t\t\t\t#size-cells = <1>;']
    else:
        lines.append('\t\t\t\tnvmem-layout {')
        for name, value in props(fdt, layout):
            p = dts_prop(name, value)
            if p:
                lines.append('\t\t\t\t\t' + p)
    ind = '\t\t\t\t' + ('\t' if layout is not None else '')
    for c in cells.values():
        lines.append('%s%s {' % (ind, c['name']))
        for name, value in c['props']:
            p = dts_prop(name, value)
            if p:
                lines.append('%s\t%s' % (ind, p))
        lines.append('%s};' % ind)
    if layout is not None:
        lines.append('\t\t\t\t};')
    lines.append('\t\t\t};')
    cellpath = '/fragment@0/__overlay__/%s/%s' % (prov, 'nvmem-layout/' if layout is not None else '')
    # One node per upstream consumer, with its pairs that name these cells.
    order = []
    for r in reads:
        if r['con']['node'] not in order:
            order.append(r['con']['node'])
    for i, up in enumerate(order):
        mine = [r for r in reads if r['con']['node'] == up]
        for r in mine:
            r['path'] = '/otp-kunit-upstream-consumer-%d' % i
        lines += ['\t\t\totp-kunit-upstream-consumer-%d {' % i,
                  '\t\t\t\tcompatible = "otp-kunit,upstream-consumer";',
                  '\t\t\t\tnvmem-cells = %s;' % ', '.join(
                      '<&{%s%s}>' % (cellpath, r['con']['cell']['name']) for r in mine),
                  '\t\t\t\tnvmem-cell-names = %s;' % ', '.join(c_str(r['con']['id']) for r in mine),
                  '\t\t\t};']
    if len(order) >= 8:
        notes.append('%s: %d consumers, more than the KUnit harness waits for' % (where, len(order)))
        return None
    lines += ['\t\t};', '\t};', '};', '']
    src = '\n'.join(lines)
    r = subprocess.run([dtc, '-q', '-@', '-I', 'dts', '-O', 'dtb', '-o', '-', '-'],
                       input=src.encode(), capture_output=True)
    if r.returncode:
        notes.append('%s: overlay does not compile: %s' % (where, r.stderr.decode()))
        return None
    return {'path': path, 'node': fdt.get_path(node), 'compat': compat, 'tag': tag,
            'words': words, 'reads': reads, 'dtbo': r.stdout, 'dts': src,
            'cells': list(cells.values()), 'consumers': consumers}


def write_header(outpath, family, ksrc, socs, notes):
    o = ['/* SPDX-License-Identifier: GPL-2.0 */',
         '/*',
         ' * Generated by tests/gen-upstream-cells.py %s from the SoC device' % family,
         ' * trees of %s.' % ksrc.rstrip('/').split('/')[-1],
         ' */', '']
    for n in notes:
        kind = 'note' if 'compiled through' in n else 'skipped'
        o.append('/* %s: %s */' % (kind, n.replace('*/', '* /')))
    o.append('')
    for s in socs:
        t = s['tag']
        o.append('/* %s %s (%s) */' % (s['path'], s['node'], s['compat']))
        for line in s['dts'].splitlines():
            o.append('/*   %s */' % line.replace('*/', '* /').replace('\t', '  '))
        o.append('static const unsigned char upstream_%s_dtbo[] __aligned(8) = {' % t)
        b = s['dtbo']
        for i in range(0, len(b), 12):
            o.append('\t' + ' '.join('0x%02x,' % x for x in b[i:i + 12]))
        o.append('};')
        o.append('static const u32 upstream_%s_words[] = {' % t)
        for i in range(0, len(s['words']), 4):
            o.append('\t' + ' '.join('0x%08x,' % w for w in s['words'][i:i + 4]))
        o.append('};')
        o.append('static const struct otp_upstream_read upstream_%s_reads[] = {' % t)
        for r in s['reads']:
            con = r['con']
            o.append('\t{ .consumer = %s, .con_id = %s, .cell = %s,' % (
                c_str(r['path']), c_str(con['id']), c_str(con['cell']['name'])))
            o.append('\t  .upstream = %s,' % c_str(con['node']))
            o.append('\t  .kind = OTP_UPSTREAM_%s, .len = %d,' % (r['kind'], len(r['want'])))
            o.append('\t  .want = { %s } },' % ', '.join('0x%02x' % x for x in r['want']))
        o.append('};')
        o.append('')
    o.append('static const struct otp_upstream_soc otp_upstream_socs[] = {')
    for s in socs:
        t = s['tag']
        o += ['\t{', '\t\t.dtsi = %s,' % c_str(s['path']),
              '\t\t.compatible = %s,' % c_str(s['compat']),
              '\t\t.dtbo = upstream_%s_dtbo,' % t,
              '\t\t.dtbo_size = sizeof(upstream_%s_dtbo),' % t,
              '\t\t.words = upstream_%s_words,' % t,
              '\t\t.nwords = ARRAY_SIZE(upstream_%s_words),' % t,
              '\t\t.reads = upstream_%s_reads,' % t,
              '\t\t.nreads = ARRAY_SIZE(upstream_%s_reads),' % t,
              '\t},']
    o.append('};')
    with open(outpath + '.tmp', 'w') as f:
        f.write('\n'.join(o) + '\n')
    os.replace(outpath + '.tmp', outpath)


if __name__ == '__main__':
    main()
