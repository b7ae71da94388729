package io.teamsbridge.emulators.mattermost;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Corrects, in memory, the places where Mattermost's OpenAPI subset contradicts the server, so
 * that a request the real server accepts as intended is not reported as a violation. The
 * validator rejects body properties a schema does not list (stricter than JSON Schema, which
 * catches misspelt optional fields), so fields the server's Go structs take but the spec forgot
 * are added here, each with the struct that takes it:
 * <ul>
 *   <li>{@code POST /posts}: {@code pending_post_id} ({@code model.Post}, used for de-duplication);
 *   <li>{@code POST /posts/ephemeral}: the post's {@code props}, {@code root_id}, {@code file_ids}
 *       ({@code model.Post});
 *   <li>{@code POST /commands}: every writable property of the spec's own {@code Command} schema
 *       ({@code auto_complete}, {@code auto_complete_hint}, {@code display_name}, ...);
 *   <li>{@code POST /actions/dialogs/open}: the dialog's {@code icon_url}, {@code source_url}
 *       ({@code model.Dialog});
 *   <li>{@code PUT /posts/{id}} and {@code /patch}: {@code props} is declared a string but is an
 *       object ({@code model.StringInterface}).
 * </ul>
 */
final class SpecFixes {
    private SpecFixes() {}

    static void apply(OpenAPI api) {
        addProperties(body(api, "/api/v4/posts", PathItem::getPost), Map.of("pending_post_id", new StringSchema()));
        Schema<?> ephemeral = body(api, "/api/v4/posts/ephemeral", PathItem::getPost);
        if (ephemeral != null && ephemeral.getProperties() != null) {
            addProperties(ephemeral.getProperties().get("post"), Map.of("props", new ObjectSchema(), "root_id",
                    new StringSchema(), "file_ids", new ArraySchema()
                            .items(new StringSchema())));
        }
        Schema<?> command = api.getComponents() == null ? null : api.getComponents().getSchemas().get("Command");
        if (command != null && command.getProperties() != null) {
            Map<String, Schema> writable = new LinkedHashMap<>(command.getProperties());
            writable.keySet().removeAll(Set.of("id", "token", "create_at", "update_at", "delete_at"));
            addProperties(body(api, "/api/v4/commands", PathItem::getPost), writable);
        }
        Schema<?> dialogOpen = body(api, "/api/v4/actions/dialogs/open", PathItem::getPost);
        if (dialogOpen != null && dialogOpen.getProperties() != null) {
            addProperties(dialogOpen.getProperties().get("dialog"),
                    Map.of("icon_url", new StringSchema(), "source_url", new StringSchema()));
        }
        for (String path : new String[] {"/api/v4/posts/{post_id}", "/api/v4/posts/{post_id}/patch"}) {
            Schema<?> update = body(api, path, PathItem::getPut);
            if (update != null && update.getProperties() != null && update.getProperties().containsKey("props")) {
                update.getProperties().put("props", new ObjectSchema());
            }
        }
    }

    private static Schema<?> body(OpenAPI api, String path, Function<PathItem, Operation> method) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation = item == null ? null : method.apply(item);
        if (operation == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void addProperties(Schema<?> schema, Map<String, Schema> extra) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = (Map) schema.getProperties();
        extra.forEach(properties::putIfAbsent);
    }
}
