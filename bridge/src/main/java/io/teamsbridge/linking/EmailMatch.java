package io.teamsbridge.linking;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a Microsoft account's address is the Mattermost account's. Both are compared after
 * Unicode NFKC normalisation and case folding, so that compatibility forms (the Kelvin sign
 * U+212A, fullwidth letters, ligatures) compare as the letters they stand for, whichever side
 * wrote them. An address holding invisible characters (zero-width spaces and joiners, bidi
 * controls, byte-order marks) or control characters matches nothing: no mail system delivers to
 * it, and it can only be there to look like someone else's.
 */
final class EmailMatch {
    private EmailMatch() {}

    static boolean matches(String microsoftEmail, String mattermostEmail) {
        Optional<String> microsoft = canonical(microsoftEmail);
        Optional<String> mattermost = canonical(mattermostEmail);
        return microsoft.isPresent() && microsoft.equals(mattermost);
    }

    /** The comparable form of an address, or empty when it is blank or holds characters no address may. */
    static Optional<String> canonical(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String trimmed = email.strip();
        if (trimmed.isEmpty() || trimmed.codePoints().anyMatch(EmailMatch::hidden)) {
            return Optional.empty();
        }
        // Case folding as Unicode's simple folding does it, which for these characters is lower-casing
        // without a locale: the dotless i stays its own letter (no Turkish rules), and nothing turns
        // one address into a different-looking one. Normalise again: lower-casing can produce forms
        // NFKC would change.
        String folded = Normalizer.normalize(Normalizer.normalize(trimmed, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFKC);
        return Optional.of(folded);
    }

    private static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint);
    }
}
