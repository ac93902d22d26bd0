package dev.assay.core.vision;

import dev.assay.core.error.InvalidInputException;
import java.util.Locale;

/** What a COCO evaluation compares: boxes ({@code bbox}) or masks ({@code segm}). */
public enum IouType {
    BBOX, SEGM;

    /** The id as COCOeval names it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code bbox} or {@code segm}; {@code what} names the setting in the message. */
    public static IouType parse(String text, String what) {
        for (IouType t : values()) {
            if (t.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return t;
            }
        }
        throw new InvalidInputException(what + " must be bbox or segm, found '" + text + "'.");
    }
}
