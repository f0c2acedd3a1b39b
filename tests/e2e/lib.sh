# SPDX-License-Identifier: GPL-2.0
# Assertions for the end-to-end scripts that run inside the QEMU guest
# (busybox sh).  Results are KTAP (Documentation/dev-tools/ktap.rst), as
# KUnit prints them: /init opens one document per script run (e2e_begin),
# each check is one test point ("ok N name", or a "# name: why" diagnostic
# and "not ok N name"), and e2e_end closes the document with a count.  The
# documents carry no plan line (ktap.rst makes it optional; a script does
# not know its count before it ends): /init's e2e-done marker says the run
# finished.
# The number lives in a file, so that checks made in a subshell count.

E2E_COUNT=/tmp/e2e.count

# e2e_load_modules: what /init does before the scripts run (and the LAVA
# jobs' first step, tests/lava/otp-lava.sh).  The DT consumers first: they
# must wait for the providers (deferred probe), which consumers.sh checks
# in /tmp/consumers-before-providers; then the providers.
e2e_load_modules() {
	for m in /modules/consumer/*.ko; do
		[ -f "$m" ] || continue
		insmod "$m" && echo "OTP-GUEST: insmod $(basename "$m") ok"
	done
	for d in /sys/bus/platform/devices/otp-consumer-*; do
		[ -e "$d" ] || continue
		if [ -e "$d/driver" ]; then state=bound; else state=waiting; fi
		echo "${d##*/} $state" >> /tmp/consumers-before-providers
	done
	for m in /modules/drivers/*.ko; do
		if insmod "$m"; then
			echo "OTP-GUEST: insmod $(basename "$m") ok"
		else
			echo "OTP-GUEST: insmod $(basename "$m") failed"
		fi
	done
}

e2e_begin() {	# e2e_begin NAME: a new document
	echo 0 > $E2E_COUNT
	echo "KTAP version 1"
	echo "# e2e: $1"
}

e2e_end() {	# a diagnostic line: how many checks the document holds
	read -r _e2e_n < $E2E_COUNT
	echo "# e2e: $_e2e_n checks"
}

e2e_next() {	# sets _e2e_n to the next test number
	read -r _e2e_n < $E2E_COUNT
	_e2e_n=$((_e2e_n + 1))
	echo $_e2e_n > $E2E_COUNT
}

e2e_ok() {
	e2e_next
	echo "ok $_e2e_n $1"
}

e2e_fail() {
	name=$1
	shift
	e2e_next
	echo "# $name: $*"
	echo "not ok $_e2e_n $name"
}

# expect_eq NAME ACTUAL EXPECTED
expect_eq() {
	if [ "$2" = "$3" ]; then
		e2e_ok "$1"
	else
		e2e_fail "$1" "got [$2] expected [$3]"
	fi
}

# expect_ok NAME CMD... : the command exits 0
expect_ok() {
	name=$1
	shift
	if out=$("$@" 2>&1); then
		e2e_ok "$name"
	else
		e2e_fail "$name" "exit $?: $out"
	fi
}

# expect_fail NAME CMD... : the command exits non-zero
expect_fail() {
	name=$1
	shift
	if out=$("$@" 2>&1); then
		e2e_fail "$name" "unexpected success: $out"
	else
		e2e_ok "$name"
	fi
}

# settle: wait until devices released late have let go of their names.  A
# kernel with DEBUG_KOBJECT_RELEASE (the hunt kernel of make soak) releases
# a kobject 1 to 4 s after its last put (lib/kobject.c), and a provider's
# NVMEM id is freed with the release of its NVMEM device, so a device bound
# again soon gets a new name there.  /init sets OTP_SETTLE from the kernel
# command line on that kernel only; elsewhere this does not wait.
settle() {
	[ "${OTP_SETTLE:-0}" -gt 0 ] && sleep "$OTP_SETTLE"
	return 0
}

# rebind_named DRIVER DEVICE NVMEM-DIR: make DEVICE bound to DRIVER under
# the name NVMEM-DIR again after unbind/bind cycles (unbind it, let the
# releases finish, bind it); nothing to do when the name is there.
rebind_named() {
	[ -e "$3" ] && return 0
	echo "$2" > "/sys/bus/platform/drivers/$1/unbind" 2>/dev/null
	settle
	echo "$2" > "/sys/bus/platform/drivers/$1/bind"
}

# consumers_off [CONSUMER...], consumers_on [CONSUMER...]: take the DT cell
# consumers of tests/dt/consumers.dtsi (all of them by default) out of the
# way of a test, and bring them back.  Unbinding one is not enough: every
# bind of one of its providers puts it back on the deferred-probe list
# (fw_devlink's links carry DL_FLAG_AUTOPROBE_CONSUMER,
# drivers/base/core.c device_links_driver_bound()), and the deferred-probe
# worker binds it again when it gets round to it, where it may take a cell
# and pin the provider's module.  So it is parked: a driver_override that
# names no driver keeps every later match from succeeding, and then it is
# unbound.
otp_consumers="otp-consumer-imx otp-consumer-stm32"
otp_parked=otp-parked-by-test
consumers_off() {
	for c in ${*:-$otp_consumers}; do
		d=/sys/bus/platform/devices/$c
		[ -e "$d" ] || continue
		echo $otp_parked > "$d/driver_override"
		[ -e "$d/driver" ] &&
			echo "$c" > /sys/bus/platform/drivers/otp-test-consumer/unbind
	done
	return 0
}
consumers_on() {
	for c in ${*:-$otp_consumers}; do
		d=/sys/bus/platform/devices/$c
		[ -e "$d" ] || continue
		echo > "$d/driver_override"
		[ -e "$d/driver" ] ||
			echo "$c" > /sys/bus/platform/drivers/otp-test-consumer/bind
	done
	return 0
}

# module_unheld MODULE: wait (bounded, 5 s) until nothing holds MODULE,
# so that rmmod cannot be refused for a reference the test knows about;
# says who holds it when the wait gives up.  The one known holder is a
# parked consumer whose probe was already running when it was parked: it
# binds anyway, and is unbound again here.
module_unheld() {
	refs=/sys/module/$1/refcnt
	n=0
	while [ "$(cat "$refs")" != 0 ]; do
		if [ $n -ge 50 ]; then
			echo "# $1: refcnt $(cat "$refs") after 5 s; bound consumers:" \
				"$(ls -d /sys/bus/platform/drivers/otp-test-consumer/otp-* 2>/dev/null | sed 's,.*/,,' | tr '\n' ' ')"
			return 1
		fi
		consumers_off
		sleep 0.1
		n=$((n + 1))
	done
}

# The writable i.MX node of tests/dt and its HW_OCOTP_DATA register, the
# word the controller programs: offset 0x20 (i.MX 8M Mini reference manual;
# U-Boot arch-imx8m/imx-regs.h, struct ocotp_regs).
imx_rw_node=ocotp-ctrl@7f020000
imx_rw_data=0x7f020020

# imx_node_device NODE: the directory of the i.MX NVMEM device made for DT
# node NODE (empty when none is registered); names follow probe order
imx_node_device() {
	for d in /sys/bus/nvmem/devices/imx-ocotp*; do
		case $(readlink "$d/of_node") in
		*/"$1") echo "$d" && return ;;
		esac
	done
}

# imx_device_or_fail CHECK NODE: sets imx_dev to the NVMEM device directory
# of DT node NODE and passes CHECK; else fails CHECK, shows the provider's
# last log lines and returns 1 (the script then stops)
imx_device_or_fail() {
	imx_dev=$(imx_node_device "$2")
	if [ -n "$imx_dev" ]; then
		e2e_ok "$1"
		return 0
	fi
	e2e_fail "$1" "no nvmem device for $2"
	dmesg | grep -i 'ocotp\|scu' | tail -n 10
	return 1
}

# fsb_reads NAME DEV WANT: an i.MX93/95 fuse shadow block device DEV (its
# sysfs directory) is 2048 bytes, read-only, and the seed's od dump gives
# WANT (one word per line) with no junk shadow in it
fsb_reads() {
	expect_eq "$1-size" "$(wc -c < "$2/nvmem" | tr -d ' ')" 2048
	expect_eq "$1-mode" "$(stat -c %a "$2/nvmem")" 400
	echo "# od -A x -t x4 $2/nvmem"
	fsb_dump=$(od -A x -t x4 "$2/nvmem")
	expect_eq "$1-od-dump" "$(echo "$fsb_dump" | expand_dump)" "$3"
	expect_eq "$1-no-junk" "$(echo "$fsb_dump" | grep -c deadbeef)" 0
}

# fsb_refused NAME DEV WANT: a write to DEV is refused and it still reads WANT
fsb_refused() {
	expect_fail "$1-write-refused" \
		sh -c "printf '\\x01\\x00\\x00\\x00' | dd of=$2/nvmem bs=4 seek=400 count=1 conv=notrunc"
	expect_eq "$1-unchanged" "$(od -A x -t x4 "$2/nvmem" | expand_dump)" "$3"
}

# fsb_word_checks NAME DEV MACOFF MACBYTES MAC BANK WORD VALUE: on a fuse
# shadow block DEV, enclave word 63 reads 0, the six bytes at MACOFF are
# MACBYTES (hex, as stored), the DT consumer otp-consumer-NAME gets MAC, and
# `otp read` of fuse bank BANK word WORD (U-Boot's numbering) prints VALUE.
fsb_word_checks() {
	expect_eq "$1-enclave-word-63" \
		"$(dd status=none if="$2/nvmem" bs=4 count=1 skip=63 | od -v -A n -t x4 | tr -d ' ')" \
		00000000
	expect_eq "$1-mac-bytes" \
		"$(dd status=none if="$2/nvmem" bs=1 skip="$3" count=6 | od -v -A n -t x1 | tr -d ' \n')" \
		"$4"
	expect_eq "$1-consumer-mac" \
		"$(awk '$1 == "mac-address" { print $2 }' "/sys/bus/platform/devices/otp-consumer-$1/values")" \
		"$5"
	expect_eq "$1-otp-read" "$(otp read "${2##*/}" "$6:$7" | sed 's/.*: //')" "$8"
}

# imx_rw_device: the NVMEM device directory of the writable node
imx_rw_device() {
	imx_node_device "$imx_rw_node"
}

# expand_dump: read "ADDR: w w w w" / "ADDR w w w w" lines (hexdump, od, with
# "*" repeat markers) and print one word per line for the whole range up to
# the final address line.  Works for the seed's hexdump and od formats.
expand_dump() {
	awk '
	function hex(s,  i, c, v) {
		v = 0
		s = tolower(s)
		for (i = 1; i <= length(s); i++) {
			c = index("0123456789abcdef", substr(s, i, 1)) - 1
			if (c < 0)
				break
			v = v * 16 + c
		}
		return v
	}
	/^\*/ { star = 1; next }
	{
		a = $1
		sub(/:$/, "", a)
		addr = hex(a)
		if (star) {
			while (next_addr < addr) {
				for (i = 1; i <= n; i++)
					print last[i]
				next_addr += 4 * n
			}
			star = 0
		}
		n = NF - 1
		for (i = 2; i <= NF; i++) {
			last[i - 1] = $i
			print $i
		}
		next_addr = addr + 4 * n
	}'
}
