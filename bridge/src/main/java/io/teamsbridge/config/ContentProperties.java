package io.teamsbridge.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What a notification carries besides the text: pasted images and code snippets fetched from
 * Graph (with the app's token, only when someone is notified), and optionally shared files.
 *
 * @param images attach images pasted into Teams to the notification (uploaded into the recipient's
 *     direct channel); off, they are only named
 * @param maxFiles the most files one notification carries (Mattermost allows 10)
 * @param maxFileSize the largest file fetched and attached (Mattermost's own MaxFileSize applies too)
 * @param maxTotalSize the most bytes fetched for one message, all files together
 * @param codeSnippetMaxChars a longer code snippet is cut, with a note of how many lines are left out
 * @param uploadSharedFiles also attach files shared from SharePoint or OneDrive (needs the
 *     application permission Files.Read.All); off, they are links that open in SharePoint
 */
@Validated
@ConfigurationProperties("notifications.content")
public record ContentProperties(
        @DefaultValue("true") boolean images,
        @DefaultValue("10") @Min(0) @Max(10) int maxFiles,
        @DefaultValue("10MB") @NotNull DataSize maxFileSize,
        @DefaultValue("25MB") @NotNull DataSize maxTotalSize,
        @DefaultValue("4000") @Min(200) @Max(12000) int codeSnippetMaxChars,
        @DefaultValue("false") boolean uploadSharedFiles) {}
