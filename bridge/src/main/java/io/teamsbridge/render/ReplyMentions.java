package io.teamsbridge.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code @username}s of a reply's text into Teams mentions, as Mattermost reads them.
 *
 * <p>Mattermost's rule: an {@code @} that does not follow a letter, digit or underscore (so
 * {@code bob@example.com} is no mention), then a letter or digit, then letters, digits, {@code .},
 * {@code -} and {@code _}, compared in lower case. When no user has that whole name and it ends in
 * {@code .}, {@code -} or {@code _}, the last character is sentence punctuation: it is dropped and
 * the name tried again. Only users of the {@link MentionDirectory} become mentions; everyone else
 * stays text, and so do {@code @all}, {@code @channel} and {@code @here}, which address a Mattermost
 * channel rather than a person, whatever the directory says.
 *
 * <p>One instance per reply: it numbers the mentions in order of appearance, from 0, and a person
 * mentioned twice gets two entries, as Teams itself does.
 */
final class ReplyMentions {
    private static final Set<String> EVERYONE = Set.of("all", "channel", "here");
    /** Mattermost's limit; it also bounds the look-ups for a long run of name characters. */
    private static final int MAX_USERNAME_LENGTH = 64;

    private final MentionDirectory directory;
    private final List<ReplyMention> found = new ArrayList<>();

    ReplyMentions(MentionDirectory directory) {
        this.directory = directory;
    }

    /** Writes {@code text[from, to)}, its mentions as {@code <at>} tags and the rest escaped. */
    void write(String text, int from, int to, HtmlOutput out) {
        int written = from;
        for (int at = from; at < to; at++) {
            if (text.charAt(at) != '@' || at > 0 && isWordChar(text.charAt(at - 1))) {
                continue;
            }
            int end = at + 1;
            if (end >= to || !isAsciiLetterOrDigit(text.charAt(end))) {
                continue;
            }
            while (end < to && isNameChar(text.charAt(end))) {
                end++;
            }
            Name name = resolve(text, at + 1, end);
            if (name == null) {
                continue;
            }
            String shown = name.user().displayName().isEmpty() ? name.username() : name.user().displayName();
            out.text(text, written, at);
            out.open("at", "id", Integer.toString(found.size()));
            out.text(shown);
            out.markup("</at>");
            found.add(new ReplyMention(found.size(), shown, name.user().teamsUserId(), shown));
            int nameEnd = at + 1 + name.username().length();
            written = nameEnd;
            at = nameEnd - 1;
        }
        out.text(text, written, to);
    }

    /** The mentions written so far, in order. */
    List<ReplyMention> mentions() {
        return List.copyOf(found);
    }

    /**
     * The known user whose username is {@code text[start, end)}, or that text less punctuation at
     * its end (the longest that is known); null when there is none.
     */
    private Name resolve(String text, int start, int end) {
        int nameEnd = end;
        while (nameEnd - start > MAX_USERNAME_LENGTH) {
            if (!isPunctuation(text.charAt(nameEnd - 1))) {
                return null;
            }
            nameEnd--;
        }
        if (EVERYONE.contains(withoutPunctuation(text, start, nameEnd))) {
            return null;
        }
        for (; nameEnd > start; nameEnd--) {
            String username = text.substring(start, nameEnd).toLowerCase(Locale.ROOT);
            Optional<MentionedUser> user = directory.find(username);
            if (user.isPresent()) {
                return new Name(username, user.get());
            }
            if (!isPunctuation(text.charAt(nameEnd - 1))) {
                return null;
            }
        }
        return null;
    }

    /** {@code text[start, end)} in lower case, punctuation at its end dropped: "@Channel." is @channel. */
    private static String withoutPunctuation(String text, int start, int end) {
        int last = end;
        while (last > start && isPunctuation(text.charAt(last - 1))) {
            last--;
        }
        return text.substring(start, last).toLowerCase(Locale.ROOT);
    }

    private record Name(String username, MentionedUser user) {
    }

    private static boolean isPunctuation(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    private static boolean isWordChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
