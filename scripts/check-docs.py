#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The docs gate: README.md and docs/*.md name only files and structs
of ours that exist.  Every `path` in backquotes under one of our folders
(drivers/otp*, kunit/, scripts/, tests/, dt-bindings/nvmem/, packaging/,
docs/) must exist in the tree (globs must match something; build products
such as .ko files are not checked), and every `struct ocotp_*` or
`struct otp_*` in backquotes must be defined in drivers/, kunit/ or
tests/.  Paths of other projects (U-Boot's drivers/misc/...) are not
ours and are left alone.  Prints KTAP, plan first: one test point per
document."""
import glob
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOTS = ('drivers/otp', 'kunit/', 'scripts/', 'tests/', 'dt-bindings/nvmem', 'packaging/', 'docs/')
TICK = re.compile(r'`([^`\n]+)`')


def struct_defined(name, sources):
    rx = re.compile(r'\bstruct\s+%s\s*\{' % re.escape(name))
    return any(rx.search(text) for text in sources)


def main():
    sources = []
    for pat in ('drivers/**/*.[ch]', 'kunit/**/*.[ch]', 'tests/**/*.[ch]'):
        for p in glob.glob(os.path.join(TOP, pat), recursive=True):
            with open(p, errors='replace') as f:
                sources.append(f.read())
    docs = [os.path.join(TOP, 'README.md')] + sorted(glob.glob(os.path.join(TOP, 'docs', '*.md')))
    print('KTAP version 1')
    print('1..%d' % len(docs))
    bad = 0
    for n, doc in enumerate(docs, 1):
        with open(doc, errors='replace') as f:
            text = f.read()
        missing = []
        for tok in TICK.findall(text):
            for word in tok.split():
                word = word.rstrip('.,;:)').lstrip('(')
                if (word.startswith(ROOTS) and not word.endswith('.ko') and
                        not re.search(r'[A-Z]{3,}|<|\$|\{', word)):
                    path = word.split(':')[0]
                    if not glob.glob(os.path.join(TOP, path)):
                        missing.append(path)
            m = re.fullmatch(r'struct ((?:ocotp|otp)_\w+)', tok.strip())
            if m and not struct_defined(m.group(1), sources):
                missing.append('struct ' + m.group(1))
        name = os.path.relpath(doc, TOP)
        if missing:
            bad += 1
            print('# %s: %s' % (name, ', '.join(sorted(set(missing)))))
            print('not ok %d %s' % (n, name))
        else:
            print('ok %d %s' % (n, name))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
