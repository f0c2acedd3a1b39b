/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OTP image the BSEC SiP service serves, built in read-only
 * (scripts/build-firmware.sh makes OTP_IMAGE_BIN from otp-image.words).
 */
	.section .rodata.otp, "a"
	.balign	4
	.global	fw_otp_image
fw_otp_image:
	.incbin	OTP_IMAGE_BIN
	.global	fw_otp_image_end
fw_otp_image_end:
