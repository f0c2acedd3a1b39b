#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Build a raw register-block image that QEMU pre-loads into guest RAM.

Words come from a word list (one hexadecimal 32-bit word a line, '#'
comments allowed) and land at BASE + STRIDE * n; everything else is zero.
With --map FILE:NAME, word n is fuse address n and lands on its shadow
register as that map (tests/data/ocotp-shadow-maps) places it.
--set OFFSET=VALUE plants one register, --fill FIRST-LAST=VALUE overrides
word slots FIRST..LAST (inclusive).  Little-endian, like the SoCs.
"""
import argparse
import struct
import sys


def num(text):
    return int(text, 0)


def read_words(path):
    words = []
    with open(path, encoding="ascii") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                words.append(int(line, 16))
    return words


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--size", type=num, required=True)
    p.add_argument("--base", type=num, default=0)
    p.add_argument("--stride", type=num, default=4)
    p.add_argument("--map")
    p.add_argument("--words", required=True)
    p.add_argument("--set", action="append", default=[])
    p.add_argument("--fill", action="append", default=[])
    p.add_argument("-o", "--output", required=True)
    a = p.parse_args()

    img = bytearray(a.size)

    def put(off, val):
        if off % 4 or off + 4 > a.size:
            sys.exit(f"mkregimage: offset {off:#x} outside the {a.size:#x}-byte block")
        struct.pack_into("<I", img, off, val & 0xFFFFFFFF)

    words = read_words(a.words)
    where = lambda n: a.base + a.stride * n
    if a.map:
        path, name = a.map.rsplit(":", 1)
        with open(path, encoding="ascii") as f:
            rows = [l.split("#", 1)[0].split() for l in f]
        row = next((r for r in rows if r and r[0] == name), None)
        if not row:
            sys.exit(f"mkregimage: no map {name} in {path}")
        per, bases = int(row[1]), [num(x) for x in row[2:]]
        if len(words) > per * len(bases):
            sys.exit(f"mkregimage: {len(words)} words, map {name} has {per * len(bases)}")
        where = lambda n: bases[n // per] + 0x10 * (n % per)
    for n, w in enumerate(words):
        put(where(n), w)
    for spec in a.fill:
        rng, val = spec.split("=")
        first, last = (num(x) for x in rng.split("-"))
        for n in range(first, last + 1):
            put(where(n), num(val))
    for spec in a.set:
        off, val = spec.split("=")
        put(num(off), num(val))

    with open(a.output, "wb") as f:
        f.write(img)


if __name__ == "__main__":
    main()
