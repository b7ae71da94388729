package io.teamsbridge.linking;

import io.teamsbridge.microsoft.TokenSet;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plaintext form of a user's tokens before sealing: a small JSON object. */
final class TokenCodec {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenCodec() {}

    static String encode(TokenSet tokens) {
        return JSON.createObjectNode()
                .put("access_token", tokens.accessToken())
                .put("refresh_token", tokens.refreshToken())
                .put("expires_at", tokens.accessExpiresAt().toString())
                .toString();
    }

    static TokenSet decode(String json) {
        JsonNode node = JSON.readTree(json);
        return new TokenSet(node.path("access_token").asString(), node.path("refresh_token").asString(),
                Instant.parse(node.path("expires_at").asString()));
    }
}
