#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The jobs of make lava-jobs through the dispatcher's own job parser:
# lava-run --validate builds a job's whole pipeline (deploy, boot, test
# actions) for a device dictionary and validates every action, running none.
#
#   qemu-arm64.yaml  with LAVA_OUT/device/qemu-local.yaml (what make
#                    lava-check runs)
#   BOARD.yaml       with the device dictionary a LAVA server renders from
#                    LAVA's own device-type template of the board: the
#                    device-types directory of the lava-server package of
#                    the installed dispatcher's version, unpacked into the
#                    cache (the package is downloaded, not installed); the
#                    job's http(s) URLs (the default rootfs) point at a
#                    local placeholder, since validation fetches their head
#
# usage: scripts/lava-validate.sh LAVA_OUT
# What a lab's dispatcher host has and this machine may not: u-boot jobs
# look for /etc/default/tftpd-hpa (TFTP_DIRECTORY) and in.tftpd on PATH.
# Where they are missing, lava-run runs in a private mount namespace
# (unshare -m, root) whose /etc/default has a tftpd-hpa naming a scratch
# directory, with an in.tftpd on PATH that only exits 1 (validation looks
# it up and never runs it); without root the board jobs are left out.
# Exit 1 when a job is invalid.  A board whose device type LAVA does not
# have is named and left out (its job passed the schema in lava-jobs.sh).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(cd "$1" && pwd)
cache=${OTP_CACHE:-$HOME/.cache/otp-kernels}
py=/usr/bin/python3
w=$out/work/validate
rm -rf "$w"
mkdir -p "$w"
rc=0

lava_validate() {	# NAME DEVICE JOB [unshare]
	if [ "${4:-}" = unshare ]; then
		# shellcheck disable=SC2016 # expanded by the inner shell
		PATH=$w/bin:$PATH unshare -m sh -c \
			'mount --bind "$0" /etc/default && exec "$@"' "$w/etc-default" \
			/usr/bin/lava-run --validate --job-id "validate-$1" \
			--output-dir "$w/$1/run" --device "$2" "$3"
	else
		/usr/bin/lava-run --validate --job-id "validate-$1" \
			--output-dir "$w/$1/run" --device "$2" "$3"
	fi > "$w/$1.log" 2>&1
}

report() {	# NAME WHAT STATUS: lava_validate's
	if [ "$3" -eq 0 ]; then
		echo "lava-validate: $1.yaml: valid (lava-run --validate, $2)"
	else
		echo "lava-validate: $1.yaml: INVALID (lava-run --validate, $2):"
		grep -E '"lvl": "(error|exception)"|"case": "job"' "$w/$1.log" | cut -c1-400
		rc=1
	fi
}

# The QEMU job, with the device dictionary make lava-check uses.
if [ -f "$out/jobs/qemu-arm64.yaml" ]; then
	st=0
	lava_validate qemu-arm64 "$out/device/qemu-local.yaml" "$out/jobs/qemu-arm64.yaml" || st=$?
	report qemu-arm64 "device $out/device/qemu-local.yaml" $st
fi

boards=
for j in "$out"/jobs/*.yaml; do
	case ${j##*/} in
	qemu-*) ;;
	*) [ -f "$j" ] && boards="$boards ${j##*/}" ;;
	esac
done
[ -n "$boards" ] || exit $rc

# LAVA's device-type templates, of the dispatcher's version.
ver=$(dpkg-query -W -f '${Version}' lava-dispatcher)
types=$cache/lava-device-types/$ver
if [ ! -f "$types/base-uboot.jinja2" ]; then
	tmp=$w/lava-server
	mkdir -p "$tmp"
	if (cd "$tmp" && apt-get download "lava-server=$ver") >"$tmp.log" 2>&1; then
		dpkg-deb -x "$tmp"/lava-server_*.deb "$tmp/x"
		mkdir -p "$types"
		cp "$tmp"/x/usr/share/lava-server/device-types/*.jinja2 "$types/"
	else
		cat "$tmp.log" >&2
		echo "lava-validate: cannot download lava-server $ver (its device-type templates); board jobs not validated by the dispatcher" >&2
		exit $rc
	fi
fi

mode=
if [ ! -f /etc/default/tftpd-hpa ] || ! command -v in.tftpd >/dev/null 2>&1; then
	if [ "$(id -u)" != 0 ]; then
		echo "lava-validate: no tftpd-hpa here and not root (unshare -m): board jobs not validated by the dispatcher" >&2
		exit $rc
	fi
	mode=unshare
	mkdir -p "$w/etc-default" "$w/tftp" "$w/bin"
	cp -a /etc/default/. "$w/etc-default/"
	echo "TFTP_DIRECTORY=\"$w/tftp\"" > "$w/etc-default/tftpd-hpa"
	printf '#!/bin/sh\nexit 1\n' > "$w/bin/in.tftpd"
	chmod +x "$w/bin/in.tftpd"
fi
# What the http(s) URLs point at during validation.
mkdir -p "$w/empty"
(cd "$w/empty" && find . | cpio -o -H newc --quiet) | gzip > "$w/placeholder.cpio.gz"

for j in $boards; do
	b=${j%.yaml}
	st=0
	$py "$top/scripts/lava-job.py" dispatcher "$out/jobs/$j" --templates "$types" \
		--placeholder "$w/placeholder.cpio.gz" -o "$w/$b" || st=$?
	if [ $st -eq 2 ]; then
		echo "lava-validate: $j: not validated by the dispatcher: lava-server $ver has no device type $b"
		continue
	fi
	[ $st -eq 0 ] || { rc=1; continue; }
	lava_validate "$b" "$w/$b/device.yaml" "$w/$b/job.yaml" $mode || st=$?
	report "$b" "device type $b of lava-server $ver" $st
done
exit $rc
