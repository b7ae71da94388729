package io.teamsbridge.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one rendering needs to know beyond the HTML: the message's mentions and attachments, the
 * username resolver, and which attachments the body has already placed. Lives for one call.
 */
final class RenderState {
    private final Map<Integer, TeamsMention> mentions = new HashMap<>();
    private final List<TeamsAttachment> attachments;
    private final Set<Integer> placed = new HashSet<>();
    private final java.util.Map<String, String> usernames;
    private final Predicate<TeamsAttachment> placeable;
    private final FetchedContent fetched;

    /** @param placeable which attachments an {@code <attachment id>} tag in the body shows in place */
    RenderState(TeamsMessage message, java.util.Map<String, String> usernames, Predicate<TeamsAttachment> placeable) {
        this.placeable = placeable;
        message.mentions().forEach(m -> mentions.putIfAbsent(m.id(), m));
        this.attachments = message.attachments();
        this.fetched = message.fetched();
        this.usernames = usernames == null ? java.util.Map.of() : usernames;
    }

    /** What was fetched of the message's hosted content. */
    FetchedContent fetched() {
        return fetched;
    }

    /** The mention an {@code <at id="n">} tag refers to. */
    Optional<TeamsMention> mention(String id) {
        try {
            return Optional.ofNullable(mentions.get(Integer.parseInt(id.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The Mattermost username of a mentioned Teams user, when they are connected. */
    Optional<String> username(TeamsMention mention) {
        if (mention.userId() == null || mention.userId().isBlank()) {
            return Optional.empty();
        }
        Optional<String> username = Optional.ofNullable(mention.userId() == null ? null : usernames.get(mention.userId()));
        return username == null ? Optional.empty() : username.filter(u -> !u.isBlank());
    }

    /** Takes the attachment an {@code <attachment id>} tag refers to, once, if it shows in place. */
    Optional<TeamsAttachment> place(String id) {
        for (int i = 0; i < attachments.size(); i++) {
            if (!id.isEmpty() && attachments.get(i).id().equals(id) && placeable.test(attachments.get(i)) && placed.add(i)) {
                return Optional.of(attachments.get(i));
            }
        }
        return Optional.empty();
    }

    /** Attachments the body did not place, in message order. */
    List<TeamsAttachment> unplaced() {
        List<TeamsAttachment> rest = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            if (!placed.contains(i)) {
                rest.add(attachments.get(i));
            }
        }
        return rest;
    }
}
