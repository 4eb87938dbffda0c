package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeTag;

/** MR tags PixelMed's TagFromName does not name. */
final class Tags {
    static final AttributeTag INVERSION_TIME = new AttributeTag(0x0018, 0x0082);
    static final AttributeTag MAGNETIC_FIELD_STRENGTH = new AttributeTag(0x0018, 0x0087);
    static final AttributeTag FLIP_ANGLE = new AttributeTag(0x0018, 0x1314);
    static final AttributeTag IMAGES_IN_ACQUISITION = new AttributeTag(0x0020, 0x1002);

    private Tags() {
    }
}
