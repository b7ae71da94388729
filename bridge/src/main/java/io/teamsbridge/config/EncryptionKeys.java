package io.teamsbridge.config;

import java.util.Base64;

/** Reads the configured encryption keys. */
public final class EncryptionKeys {
    private EncryptionKeys() {}

    /** The key bytes, or null when the text is not base64 (standard or URL-safe) of 32 bytes. */
    public static byte[] decode(String value) {
        String trimmed = value.trim();
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                byte[] key = decoder.decode(trimmed);
                if (key.length == 32) {
                    return key;
                }
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the other alphabet
            }
        }
        return null;
    }
}
