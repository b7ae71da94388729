package io.teamsbridge.emulators.microsoft.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** An RFC 7636 code challenge, kept with the authorization code until the verifier arrives. */
record PkceChallenge(String challenge, String method) {
    /** RFC 7636 section 4.1/4.2: 43 to 128 unreserved characters. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    static boolean validShape(String value) {
        return SHAPE.matcher(value).matches();
    }

    /** Constant-time, so the emulator does not teach anyone a timing shortcut. */
    boolean matches(String verifier) {
        if (!validShape(verifier)) {
            return false;
        }
        String expected = "S256".equals(method) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
