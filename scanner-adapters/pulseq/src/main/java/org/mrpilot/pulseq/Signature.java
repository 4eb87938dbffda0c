package org.mrpilot.pulseq;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The [SIGNATURE] section: MD5 of every byte before the line feed that precedes "[SIGNATURE]". */
final class Signature {
    static final String MARKER = "\n[SIGNATURE]\n";

    private Signature() {
    }

    /** The whole file: {@code body}, then the section carrying {@code md5} (which must be {@link #md5} of the body). */
    static String sign(String body, String md5) {
        return body + MARKER
                + "# This is the hash of the Pulseq file, calculated right before the [SIGNATURE] section was added\n"
                + "# It can be reproduced/verified with md5sum if the file trimmed to the position right above [SIGNATURE]\n"
                + "# The new line character preceding [SIGNATURE] BELONGS to the signature (and needs to be stripped away for "
                + "recalculating/verification)\nType md5\nHash " + md5 + "\n";
    }

    static String md5(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
