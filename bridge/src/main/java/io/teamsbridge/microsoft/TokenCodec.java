package io.teamsbridge.microsoft;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plaintext form of a user's tokens before sealing: a small JSON object. Tokens sealed before
 * the granted permissions were kept have none listed; they carry what every sign-in asked for then.
 */
public final class TokenCodec {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenCodec() {}

    public static String encode(TokenSet tokens) {
        ObjectNode node = JSON.createObjectNode()
                .put("access_token", tokens.accessToken())
                .put("refresh_token", tokens.refreshToken())
                .put("expires_at", tokens.accessExpiresAt().toString());
        ArrayNode permissions = node.putArray("permissions");
        tokens.permissions().stream().sorted().forEach(permissions::add);
        return node.toString();
    }

    public static TokenSet decode(String json) {
        JsonNode node = JSON.readTree(json);
        Set<String> permissions = new LinkedHashSet<>();
        node.path("permissions").forEach(p -> permissions.add(p.asString()));
        return new TokenSet(node.path("access_token").asString(), node.path("refresh_token").asString(),
                Instant.parse(node.path("expires_at").asString()),
                node.has("permissions") ? permissions : TokenSet.FIRST_PERMISSIONS);
    }
}
