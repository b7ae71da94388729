package io.teamsbridge.microsoft;

/** A Microsoft Entra user as Graph describes it; {@code mail} may be null (no mailbox). */
public record GraphUser(String id, String displayName, String mail, String userPrincipalName) {

    /** The address to match: {@code mail}, or {@code userPrincipalName} when mail is empty. */
    public String effectiveEmail() {
        return mail != null && !mail.isBlank() ? mail : userPrincipalName;
    }
}
