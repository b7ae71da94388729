package io.teamsbridge.mattermost;

/** Does what a pressed button asks; implemented where the actions live. */
public interface ButtonHandler {
    /**
     * @param press the button's action and who pressed it (already verified)
     * @return what the user sees
     */
    ButtonReply pressed(Press press);

    /**
     * @param triggerId lets the answer open a dialog within seconds
     */
    record Press(String action, String mattermostUserId, String channelId, String triggerId) {}

    /**
     * What a press answers: the message the button was on replaced by {@code replacement}, with
     * {@code replacementProps} (null: its buttons gone), and/or {@code ephemeral} shown to the
     * presser alone. Either may be null.
     */
    record ButtonReply(String replacement, java.util.Map<String, Object> replacementProps, String ephemeral) {
        public static ButtonReply replace(String message) {
            return new ButtonReply(message, null, null);
        }

        /** The message replaced, with new props (its buttons among them). */
        public static ButtonReply update(String message, java.util.Map<String, Object> props) {
            return new ButtonReply(message, props, null);
        }

        public static ButtonReply tell(String message) {
            return new ButtonReply(null, null, message);
        }

        public static ButtonReply nothing() {
            return new ButtonReply(null, null, null);
        }
    }
}
