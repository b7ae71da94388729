package io.teamsbridge.emulators.microsoft.graph;

import io.teamsbridge.emulators.http.HttpError;
import io.teamsbridge.emulators.http.Request;
import io.teamsbridge.emulators.http.Response;
import io.teamsbridge.emulators.http.Router;
import io.teamsbridge.emulators.microsoft.identity.Caller;
import io.teamsbridge.emulators.microsoft.notifications.Subscription;
import io.teamsbridge.emulators.microsoft.notifications.SubscriptionPatch;
import io.teamsbridge.emulators.microsoft.notifications.SubscriptionRequest;
import io.teamsbridge.emulators.microsoft.notifications.SubscriptionService;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code /subscriptions} CRUD and {@code /subscriptions/{id}/reauthorize}: reads Graph's request
 * bodies (unknown properties refused as OData does) and leaves the rules to the
 * {@link SubscriptionService}.
 */
final class SubscriptionRoutes {
    static final String COLLECTION = GraphApi.PREFIX + "/subscriptions";
    static final String ITEM = COLLECTION + "/{subscriptionId}";
    static final String REAUTHORIZE = ITEM + "/reauthorize";

    private static final Set<String> PROPERTIES = Set.of("changeType", "notificationUrl", "resource",
            "expirationDateTime", "clientState", "lifecycleNotificationUrl", "includeResourceData",
            "encryptionCertificate", "encryptionCertificateId", "latestSupportedTlsVersion",
            "notificationQueryOptions", "notificationUrlAppId", "notificationContentType", "@odata.type");
    private static final Set<String> UPDATABLE = Set.of("expirationDateTime", "notificationUrl",
            "encryptionCertificate", "encryptionCertificateId", "latestSupportedTlsVersion", "@odata.type");

    private final SubscriptionService subscriptions;
    private final GraphAuth auth;
    private final GraphResponses responses;

    SubscriptionRoutes(SubscriptionService subscriptions, GraphAuth auth, GraphResponses responses) {
        this.subscriptions = subscriptions;
        this.auth = auth;
        this.responses = responses;
    }

    void register(Router router) {
        router.post(COLLECTION, this::create).get(COLLECTION, this::list).get(ITEM, this::get)
                .patch(ITEM, this::update).delete(ITEM, this::delete).post(REAUTHORIZE, this::reauthorize);
    }

    private Response create(Request request) {
        Caller caller = auth.caller(request);
        JsonNode body = object(request);
        SubscriptionRequest parsed = new SubscriptionRequest(text(body, "changeType"), text(body, "notificationUrl"),
                text(body, "resource"), instant(body, "expirationDateTime"), text(body, "clientState"),
                text(body, "lifecycleNotificationUrl"), bool(body, "includeResourceData"),
                text(body, "encryptionCertificate"), text(body, "encryptionCertificateId"),
                text(body, "latestSupportedTlsVersion"), PreferHeader.includeUnknownEnumMembers(request));
        return entity(request, 201, subscriptions.create(caller, parsed));
    }

    private Response list(Request request) {
        Caller caller = auth.caller(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("subscriptions"));
        body.put("value", subscriptions.list(caller).stream().map(SubscriptionJson::render).toList());
        return responses.json(request, 200, body);
    }

    private Response get(Request request) {
        Caller caller = auth.caller(request);
        return entity(request, 200, subscriptions.get(caller, request.pathParam("subscriptionId")));
    }

    private Response update(Request request) {
        Caller caller = auth.caller(request);
        JsonNode body = object(request);
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (PROPERTIES.contains(property.getKey()) && !UPDATABLE.contains(property.getKey())) {
                throw immutable(property.getKey());
            }
        }
        SubscriptionPatch patch = new SubscriptionPatch(instant(body, "expirationDateTime"),
                text(body, "notificationUrl"), text(body, "encryptionCertificate"),
                text(body, "encryptionCertificateId"), text(body, "latestSupportedTlsVersion"));
        return entity(request, 200, subscriptions.update(caller, request.pathParam("subscriptionId"), patch));
    }

    private Response delete(Request request) {
        Caller caller = auth.caller(request);
        subscriptions.delete(caller, request.pathParam("subscriptionId"));
        return Response.empty(204);
    }

    private Response reauthorize(Request request) {
        Caller caller = auth.caller(request);
        subscriptions.reauthorize(caller, request.pathParam("subscriptionId"));
        return Response.empty(204);
    }

    private Response entity(Request request, int status, Subscription subscription) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("@odata.context", responses.context("subscriptions/$entity"));
        body.putAll(SubscriptionJson.render(subscription));
        return responses.json(request, status, body);
    }

    private static JsonNode object(Request request) {
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw new HttpError(400, "BadRequest", "The request body must be a JSON object.");
        }
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (!PROPERTIES.contains(property.getKey())) {
                throw new HttpError(400, "BadRequest", "The property '" + property.getKey() + "' does not exist on"
                        + " type 'microsoft.graph.subscription'. Make sure to only use property names that are defined"
                        + " by the type.");
            }
        }
        return body;
    }

    private static HttpError immutable(String property) {
        return switch (property) {
            case "resource" -> new HttpError(400, "InvalidRequest", "The resource of a subscription cannot be"
                    + " changed, and neither can its billing model (model=A|B): create a new subscription.");
            case "lifecycleNotificationUrl" -> new HttpError(400, "InvalidRequest", "lifecycleNotificationUrl"
                    + " cannot be added or changed by updating a subscription: delete it and create a new one.");
            default -> new HttpError(400, "InvalidRequest", "Property '" + property + "' of a subscription cannot"
                    + " be updated: create a new subscription.");
        };
    }

    private static @Nullable String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new HttpError(400, "BadRequest", "Property '" + name + "' must be a string.");
        }
        return value.stringValue();
    }

    private static boolean bool(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new HttpError(400, "BadRequest", "Property '" + name + "' must be true or false.");
        }
        return value.booleanValue();
    }

    /** Graph takes ISO 8601 with an offset; a time without one is read as UTC. */
    private static @Nullable Instant instant(JsonNode body, String name) {
        String value = text(body, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new HttpError(400, "BadRequest", "Cannot convert the literal '" + value
                        + "' to the expected type 'Edm.DateTimeOffset'.");
            }
        }
    }
}
