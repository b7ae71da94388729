package io.teamsbridge.microsoft.changes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The cleartext identity of the changed resource, e.g. {@code id=1612289765949},
 * {@code @odata.type=#Microsoft.Graph.chatMessage}, {@code @odata.id=chats('…')/messages('…')}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceData(
        @Nullable String id,
        @JsonProperty("@odata.type") @Nullable String odataType,
        @JsonProperty("@odata.id") @Nullable String odataId) {}
