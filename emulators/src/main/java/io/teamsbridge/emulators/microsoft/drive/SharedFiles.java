package io.teamsbridge.emulators.microsoft.drive;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files people share in chats, as SharePoint and OneDrive hold them: each has a web address (the
 * {@code contentUrl} of a {@code reference} attachment), by which Graph's sharing API finds it.
 */
public final class SharedFiles {
    /** A stored file. */
    public record DriveFile(String id, String name, String contentType, byte[] bytes, String webUrl) {}

    private final Map<String, DriveFile> byUrl = new ConcurrentHashMap<>();

    /** Stores a file and answers its web address. */
    public DriveFile add(String name, String contentType, byte[] bytes) {
        String id = UUID.randomUUID().toString();
        String url = "https://contoso.sharepoint.com/sites/emulator/Shared%20Documents/" + id + "/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        DriveFile file = new DriveFile(id, name, contentType, bytes, url);
        byUrl.put(url, file);
        return file;
    }

    /**
     * The file a sharing id names: {@code u!} and the web address in unpadded base64url, as
     * Microsoft documents for {@code /shares/{shareIdOrEncodedSharingUrl}}.
     */
    public Optional<DriveFile> byShareId(String shareId) {
        if (!shareId.startsWith("u!")) {
            return Optional.empty();
        }
        try {
            String url = new String(Base64.getUrlDecoder().decode(shareId.substring(2)), StandardCharsets.UTF_8);
            return Optional.ofNullable(byUrl.get(URI.create(url).toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
