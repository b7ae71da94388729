package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.microsoft.directory.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A directory user in Graph's {@code microsoft.graph.user} shape: the default property set, or the
 * properties named in {@code $select} (which can also reach the few non-default ones emulated).
 */
final class UserJson {
    private static final List<String> DEFAULT_PROPERTIES = List.of("businessPhones", "displayName", "givenName",
            "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
            "id");

    private final GraphResponses responses;

    UserJson(GraphResponses responses) {
        this.responses = responses;
    }

    /** @throws HttpError 400 when {@code $select} names a property a user does not have */
    Map<String, Object> render(User user, @Nullable String select) {
        Map<String, @Nullable Object> all = allProperties(user);
        List<String> wanted = DEFAULT_PROPERTIES;
        String context = "users/$entity";
        if (select != null && !select.isBlank()) {
            wanted = new ArrayList<>();
            for (String raw : select.split(",")) {
                String name = canonical(raw.trim(), all);
                if (!wanted.contains(name)) {
                    wanted.add(name);
                }
            }
            context = "users(" + String.join(",", wanted) + ")/$entity";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@odata.context", responses.context(context));
        wanted.forEach(name -> out.put(name, all.get(name)));
        return out;
    }

    private static Map<String, @Nullable Object> allProperties(User user) {
        Map<String, @Nullable Object> all = new LinkedHashMap<>();
        all.put("businessPhones", List.of());
        all.put("displayName", user.displayName());
        all.put("givenName", user.givenName());
        all.put("jobTitle", null);
        all.put("mail", user.mail());
        all.put("mobilePhone", null);
        all.put("officeLocation", null);
        all.put("preferredLanguage", null);
        all.put("surname", user.surname());
        all.put("userPrincipalName", user.userPrincipalName());
        all.put("id", user.id());
        all.put("accountEnabled", true);
        all.put("otherMails", List.of());
        all.put("proxyAddresses", user.mail() == null ? List.of() : List.of("SMTP:" + user.mail()));
        all.put("userType", "Member");
        return all;
    }

    /** Graph matches property names case-insensitively and answers with their declared spelling. */
    private static String canonical(String requested, Map<String, @Nullable Object> all) {
        for (String name : all.keySet()) {
            if (name.toLowerCase(Locale.ROOT).equals(requested.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
        throw new HttpError(400, "BadRequest",
                "Could not find a property named '" + requested + "' on type 'microsoft.graph.user'.");
    }
}
