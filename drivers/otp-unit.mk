# SPDX-License-Identifier: GPL-2.0
#
# A unit shared by two modules is compiled once for each, into that
# module's folder: an object linked into two modules would get both names
# as KBUILD_MODNAME (W=1 warns "added to multiple modules").
#   $(eval $(call otp-unit,SOURCE relative to this folder,OBJECT))
define otp-unit
$$(obj)/$(2): $$(src)/$(1) FORCE
	$$(call if_changed_rule,cc_o_c)
endef
