package io.teamsbridge.emulators.mattermost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body, read part by part in order (the upload route cares about the order). */
final class MultipartForm {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[;\\s]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** One part: a text field ({@code filename} null) or a file. */
    record Part(String name, String filename, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        boolean isFile() {
            return filename != null;
        }
    }

    private MultipartForm() {}

    static boolean is(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** @throws AppError 400 when the body is not a well-formed form */
    static List<Part> parse(String contentType, byte[] body) {
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw bad();
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw bad();
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return parts; // the closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            if (next < 0 || start > next) {
                throw bad();
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0 || headersEnd > next) {
                throw bad();
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int contentEnd = Math.max(headersEnd + 4, next - 2); // CRLF before the next delimiter
            byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, contentEnd);
            parts.add(part(headers, content));
            at = next;
        }
    }

    private static Part part(String headers, byte[] content) {
        String disposition = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                disposition = line;
            } else if (lower.startsWith("content-type:")) {
                type = line.substring(line.indexOf(':') + 1).strip();
            }
        }
        if (disposition == null) {
            throw bad();
        }
        Matcher name = NAME.matcher(disposition);
        Matcher filename = FILENAME.matcher(disposition);
        return new Part(name.find() ? name.group(1) : "", filename.find() ? filename.group(1) : null, type, content);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static AppError bad() {
        return new AppError(400, "api.file.upload_file.read_form_value.app_error", "Unable to upload file(s). Error reading form.");
    }
}
