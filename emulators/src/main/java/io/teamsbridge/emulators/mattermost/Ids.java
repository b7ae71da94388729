package io.teamsbridge.emulators.mattermost;

import java.security.SecureRandom;

/**
 * Mattermost's identifiers: 26 characters of {@code [a-z0-9]}, a base32 rendering of 128 random
 * bits with the server's own alphabet. Clients validate ids with {@code model.IsValidId}, so the
 * emulator must hand out exactly this shape; tokens and request ids use it too.
 */
final class Ids {
    private static final char[] ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769".toCharArray();
    /** SecureRandom is thread-safe; sharing one instance is what the JDK recommends. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** The server's {@code model.IsValidId}: 26 characters, lower-case letters and digits. */
    static boolean isValid(String id) {
        if (id == null || id.length() != 26) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
