#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prove the two packaging paths against the 6.12 arm64 test tree:
#  - Yocto: the make invocations module.bbclass does (KERNEL_SRC + O for
#    compile; MODLIB/INSTALL_MOD_PATH + modules_install for install);
#  - DKMS: dkms add + dkms build with our dkms.conf, in a private DKMS tree.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
kdir=$("$top/scripts/build-kernel.sh" 6.12 arm64 test | tail -n1)
ksrc=${OTP_CACHE:-$HOME/.cache/otp-kernels}/src/linux-source-6.12
kver=$(cat "$kdir/include/config/kernel.release")
# Outside the clone, so that ccache (which keys on absolute source paths)
# hits from one clone to the next; a lock keeps two runs apart.
out=${OTP_CACHE:-$HOME/.cache/otp-kernels}/packaging
mkdir -p "$out"
exec 9>"$out.lock"
flock 9
find "$out" -mindepth 1 -delete
export ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}

# The whole clone, tests and all, as a board build or a package gets it:
# what is installed must still be the two providers alone.
copy_src() {
	mkdir -p "$1"
	(cd "$top" && git ls-files -co --exclude-standard -- . ':!build' 2>/dev/null ||
		find . -path ./build -prune -o -path ./.git -prune -o -type f -print) |
		(cd "$top" && tar cf - -T - --exclude='*.o' --exclude='*.ko' \
			--exclude='.*.cmd' --exclude='*.mod*' --exclude='*.dtbo*' \
			--exclude='*.words.h') | tar xf - -C "$1"
}

expect_modules() {	# expect_modules DIR WHAT
	n=$(find "$1" -name '*.ko' | wc -l)
	if [ "$n" != 2 ]; then
		echo "check-packaging: $2: $n modules under $1, not the two providers:"
		find "$1" -name '*.ko' | sed 's/^/check-packaging:   /'
		exit 1
	fi
	for m in otp-stm32-romem otp-imx-ocotp; do
		f=$(find "$1" -name "$m.ko" | head -n1)
		if [ -z "$f" ]; then
			echo "check-packaging: $2: $m.ko missing under $1"
			exit 1
		fi
		echo "check-packaging: $2: ${f#"$1"/}"
	done
}

# Yocto (module.bbclass): compile, then install into the image staging dir.
y=$out/yocto
copy_src "$y/src"
make -C "$y/src" KERNEL_SRC="$ksrc" O="$kdir" CC="ccache ${CROSS_COMPILE}gcc" \
	-j"$(nproc)" modules >"$y/compile.log" 2>&1 || { cat "$y/compile.log"; exit 1; }
make -C "$y/src" KERNEL_SRC="$ksrc" O="$kdir" DEPMOD=echo \
	MODLIB="$y/image/lib/modules/$kver" modules_install >"$y/install.log" 2>&1 ||
	{ cat "$y/install.log"; exit 1; }
expect_modules "$y/image/lib/modules/$kver" "yocto modules_install (MODLIB)"
make -C "$y/src" KERNEL_SRC="$ksrc" O="$kdir" DEPMOD=echo \
	INSTALL_MOD_PATH="$y/root" modules_install >>"$y/install.log" 2>&1 ||
	{ cat "$y/install.log"; exit 1; }
expect_modules "$y/root/lib/modules/$kver" "modules_install (INSTALL_MOD_PATH)"

# DKMS, in a private tree so nothing touches /var/lib/dkms or /usr/src.
d=$out/dkms
copy_src "$d/src/otp-nvmem-0.1"
mkdir -p "$d/tree"
dk="dkms --dkmstree $d/tree --sourcetree $d/src"
$dk add -m otp-nvmem -v 0.1 >"$d/dkms.log" 2>&1 || { cat "$d/dkms.log"; exit 1; }
$dk build -m otp-nvmem -v 0.1 -k "$kver" -a arm64 --kernelsourcedir "$kdir" \
	>>"$d/dkms.log" 2>&1 || { cat "$d/dkms.log"; cat "$d"/tree/otp-nvmem/0.1/build/make.log 2>/dev/null; exit 1; }
expect_modules "$d/tree/otp-nvmem/0.1" "dkms build"
# The recipe pins a commit of this repository (no AUTOREV).
bb=$top/packaging/meta-otp-nvmem/recipes-kernel/otp-nvmem/otp-nvmem_git.bb
rev=$(sed -n 's/^SRCREV ?= "\([0-9a-f]\{40\}\)"$/\1/p' "$bb")
if [ -z "$rev" ]; then
	echo "check-packaging: $bb: SRCREV is not a pinned 40-digit commit"
	exit 1
fi
# (A shallow clone may not hold it: only the form is checked there.)
if [ "$(git -C "$top" rev-parse --is-shallow-repository 2>/dev/null)" = false ] &&
	! git -C "$top" cat-file -e "$rev^{commit}" 2>/dev/null; then
	echo "check-packaging: $bb: SRCREV $rev is no commit of this repository"
	exit 1
fi
echo "check-packaging: the recipe pins $rev"
echo "check-packaging: clean"
