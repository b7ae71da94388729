package io.teamsbridge.linking;

/** How a sign-in ended, as the page the user sees says it. */
sealed interface ConnectOutcome {

    /** Connected; the welcome message is on its way. */
    record Connected(String teamsDisplayName, String teamsAccount) implements ConnectOutcome {}

    /**
     * Nothing was stored.
     *
     * @param title what happened, in a few words
     * @param advice what the user can do about it
     * @param status the HTTP status of the page
     */
    record Refused(String title, String advice, int status) implements ConnectOutcome {
        static Refused of(String title, String advice) {
            return new Refused(title, advice, 400);
        }
    }
}
