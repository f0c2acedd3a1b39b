# SPDX-License-Identifier: GPL-2.0
#
# Build rules the KUnit folders share.
#
# Suites carry their device-tree overlays as C arrays generated from
# NAME.dtso with the system dtc: $(obj)/NAME.dtbo.h.
quiet_cmd_otp_dtbo = DTCO    $@
      cmd_otp_dtbo = dtc -q -@ -I dts -O dtb -o $@ $<

quiet_cmd_otp_blob = BLOB    $@
      cmd_otp_blob = { echo '/* generated from $(notdir $<) */'; \
		echo 'static const unsigned char $(subst -,_,$(basename $(notdir $<)))_dtbo[] __aligned(8) = {'; \
		od -An -v -tx1 $< | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
		echo '};'; } > $@

$(obj)/%.dtbo: $(src)/%.dtso FORCE
	$(call if_changed,otp_dtbo)

$(obj)/%.dtbo.h: $(obj)/%.dtbo FORCE
	$(call if_changed,otp_blob)

# The words the suites start from are those the QEMU register images are
# made of (tests/data/NAME.words: one hex word a line, # comments), as a C
# array named after the file: $(obj)/NAME.words.h.
quiet_cmd_otp_words = WORDS   $@
      cmd_otp_words = { echo '/* generated from $(notdir $<) */'; \
		echo 'static const u32 $(subst -,_,$(basename $(notdir $<)))_words[] = {'; \
		sed -e 's/\#.*//' -e '/^[[:space:]]*$$/d' \
		    -e 's/^[[:space:]]*\([0-9a-fA-F]*\)[[:space:]]*$$/	0x\1,/' $<; \
		echo '};'; } > $@

$(obj)/%.words.h: $(src)/../../tests/data/%.words FORCE
	$(call if_changed,otp_words)

ccflags-y += -I$(obj)

# Cases from the SoC device trees of the kernel built against (srctree):
# $(obj)/FAMILY-upstream-cells.h, by tests/gen-upstream-cells.py with the
# kernel's own dtc where it was built (some trees need a newer one than
# the system's).
otp-dtc = $(firstword $(wildcard $(objtree)/scripts/dtc/dtc) dtc)
quiet_cmd_otp_upstream = UPSTRM  $@
      cmd_otp_upstream = DTC=$(otp-dtc) python3 $(src)/../../tests/gen-upstream-cells.py \
		$(patsubst %-upstream-cells.h,%,$(notdir $@)) $(srctree) $(otp-harness) $@
