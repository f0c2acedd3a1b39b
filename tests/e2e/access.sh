# SPDX-License-Identifier: GPL-2.0
# Who may read the fuses (drivers/otp-provider.c): root alone by default,
# the nvmem file and the cells/ files alike; every user where the node
# says "world-readable" (the i.MX6ULL node of the check boots).  In-kernel
# consumers do not go through sysfs (tests/e2e/consumers.sh).

nobody=65534

# denied NAME FILE: a user other than root cannot read FILE
denied() {
	# shellcheck disable=SC2069 # keep only stderr
	out=$(as-user $nobody dd if="$2" of=/dev/null bs=4 count=1 2>&1 >/dev/null)
	case $out in
	*"ermission denied"*) e2e_ok "$1" ;;
	*) e2e_fail "$1" "as uid $nobody, dd said: ${out:-nothing (read)}" ;;
	esac
}

for d in /sys/bus/nvmem/devices/imx-ocotp0 /sys/bus/nvmem/devices/stm32-romem0; do
	[ -e "$d/nvmem" ] || continue
	n=${d##*/}
	expect_ok "access-$n-root-reads" dd if="$d/nvmem" of=/dev/null bs=4 count=1
	denied "access-$n-user-denied" "$d/nvmem"
	# Kernels with sysfs cells (6.7+): each cell file is root's alone too.
	if [ -d "$d/cells" ]; then
		for c in "$d"/cells/*; do
			[ -e "$c" ] || continue
			expect_eq "access-$n-cell-${c##*/}-mode" "$(stat -c %a "$c")" 400
			denied "access-$n-cell-${c##*/}-user-denied" "$c"
			break
		done
	fi
done

# The opt-out (a writable node: root writes, every user reads): the same
# bytes for every user.
u=$(imx_node_device ocotp-ctrl@7f034000)
if [ -n "$u" ]; then
	expect_eq access-world-readable-mode "$(stat -c %a "$u/nvmem")" 644
	root=$(od -A x -t x4 "$u/nvmem" | expand_dump)
	user=$(as-user $nobody od -A x -t x4 "$u/nvmem" | expand_dump)
	expect_eq access-world-readable-user-reads "$user" "$root"
fi
