package io.teamsbridge.mattermost;

/** Performs an action a user confirmed by pressing its button; implemented where the action lives. */
public interface ConfirmHandler {
    /**
     * @param action the action named when the confirmation was asked for
     * @param mattermostUserId the user who asked for it and pressed the button (already verified)
     * @return what the confirmation message becomes (Markdown)
     */
    String confirmed(String action, String mattermostUserId);
}
