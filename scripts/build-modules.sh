#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build our modules against a kernel tree, in a copy of the sources under
# OUTDIR (so several trees never share object files).
# usage: scripts/build-modules.sh KDIR ARCH OUTDIR [extra make args...]
set -eu
kdir=$1 arch=$2 dst=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
case $arch in
arm64) cross=aarch64-linux-gnu- ;;
arm) cross=arm-linux-gnueabihf- ;;
*) echo "build-modules: unknown arch $arch" >&2; exit 2 ;;
esac
mkdir -p "$dst"
# Copy sources, keep objects: rsync only rewrites changed files.
rsync -a --delete --exclude '*.o' --exclude '*.ko' --exclude '.*.cmd' \
	--exclude '*.mod*' --exclude '*.dtbo*' --exclude 'modules.order' \
	--exclude 'Module.symvers' --exclude '.*.d' \
	--include 'Kbuild' --include 'drivers/***' --include 'kunit/***' \
	--include 'tests/' --include 'tests/modules/***' --exclude '*' \
	"$top/" "$dst/"
if grep -q '^CONFIG_CC_IS_CLANG=y' "$kdir/.config"; then
	set -- LLVM=1 CC="ccache clang" "$@"
else
	set -- CROSS_COMPILE="$cross" CC="ccache ${cross}gcc" "$@"
fi
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
make -C "$kdir" M="$dst" ARCH="$arch" -j"$(nproc)" "$@" modules
