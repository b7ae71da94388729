package io.teamsbridge.microsoft.changes;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -----BEGIN X----- … -----END X-----} blocks of a PEM text. Text between blocks
 * (such as the "Bag Attributes" lines {@code openssl pkcs12 -nodes} writes) is ignored.
 */
record PemBlocks(List<Block> blocks) {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    record Block(String type, byte[] der) {}

    static PemBlocks parse(String text) {
        List<Block> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            if (body.contains(":")) {
                // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED": a legacy encrypted key.
                found.add(new Block(m.group(1) + " (legacy encrypted)", new byte[0]));
                continue;
            }
            try {
                found.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""))));
            } catch (IllegalArgumentException e) {
                throw new KeyMaterialException("the PEM block " + m.group(1) + " is not valid base64");
            }
        }
        return new PemBlocks(List.copyOf(found));
    }

    Optional<Block> first(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).findFirst();
    }

    boolean has(String type) {
        return first(type).isPresent();
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }
}
