package io.teamsbridge.mattermost;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Saves what a user submitted in a dialog; implemented where the dialog's subject lives. */
public interface DialogHandler {
    /**
     * @param purpose the purpose the dialog was opened with
     * @param mattermostUserId the user it was opened for, who submitted it (already verified)
     * @param submission the fields, by element name, as Mattermost sent them
     * @return errors by element name (the dialog stays open and shows them), or empty when saved
     */
    Map<String, String> submitted(String purpose, String mattermostUserId, JsonNode submission);
}
