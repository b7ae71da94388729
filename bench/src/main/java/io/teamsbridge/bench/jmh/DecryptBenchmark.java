package io.teamsbridge.bench.jmh;

import io.teamsbridge.microsoft.changes.DecryptionKeys;
import io.teamsbridge.microsoft.changes.EncryptedContent;
import io.teamsbridge.microsoft.changes.EncryptionCertificate;
import io.teamsbridge.microsoft.changes.NotificationDecryptor;
import io.teamsbridge.microsoft.changes.RsaUnwrap;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decrypting one notification's resource data, encrypted in the setup exactly as Graph does: a fresh
 * 32-byte key, AES-256-CBC (PKCS#7, IV = the key's first 16 bytes), HMAC-SHA256 over the ciphertext,
 * the key wrapped with RSA-OAEP (SHA-1) under a 2048-bit certificate. The RSA unwrap dominates: with
 * the native unwrap the bridge uses ({@link RsaUnwrap}) and with the JDK's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecryptBenchmark {
    /** A chatMessage resource of typical size (about 1.3 KB of JSON). */
    static final String RESOURCE = """
            {"@odata.type":"#Microsoft.Graph.chatMessage","id":"1712345678901","replyToId":null,\
            "etag":"1712345678901","messageType":"message","createdDateTime":"2026-11-27T09:00:00.123Z",\
            "lastModifiedDateTime":"2026-11-27T09:00:00.123Z","lastEditedDateTime":null,"deletedDateTime":null,\
            "subject":null,"summary":null,"chatId":"19:8f3c2e6b1d0a4c7e9b5f2a1d3c4e5f60@thread.v2","importance":"normal",\
            "locale":"en-us","webUrl":null,"channelIdentity":null,"policyViolation":null,"eventDetail":null,\
            "from":{"application":null,"device":null,"user":{"@odata.type":"#microsoft.graph.teamworkUserIdentity",\
            "id":"8ea0e38b-efb3-4757-924a-5f94061cf8c2","displayName":"Adele Vance","userIdentityType":"aadUser",\
            "tenantId":"2432b57b-0abd-43db-aa7b-16eadd115d34"}},"body":{"contentType":"html","content":\
            "<p>The <strong>deploy</strong> of <em>billing-api</em> is done. Dashboards: <a href=\\"https://grafana.example.com/d/abc\\">Grafana</a>.</p>"},\
            "attachments":[],"mentions":[],"reactions":[]}""";

    /** {@code native}: what the bridge uses where AWS-LC loads; {@code jdk}: the JDK's RSA, its fallback. */
    @Param({"native", "jdk"})
    public String rsa;

    private NotificationDecryptor decryptor;
    private EncryptedContent content;

    @Setup
    public void setUp() throws Exception {
        EncryptionCertificate certificate = EncryptionCertificate.generate("bench-cert", Clock.systemUTC());
        DecryptionKeys keys = new DecryptionKeys();
        certificate.addTo(keys);
        RsaUnwrap unwrap = rsa.equals("jdk") ? RsaUnwrap.jdk()
                : RsaUnwrap.nativeIfLoaded().orElseThrow(() -> new IllegalStateException(RsaUnwrap.whyNotNative().orElse("")));
        decryptor = new NotificationDecryptor(keys, unwrap);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        byte[] data = aes.doFinal(RESOURCE.getBytes(StandardCharsets.UTF_8));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signature = hmac.doFinal(data);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, certificate.certificate().getPublicKey(),
                new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
        byte[] wrapped = rsa.doFinal(key);
        Base64.Encoder b64 = Base64.getEncoder();
        content = new EncryptedContent(b64.encodeToString(data), b64.encodeToString(signature),
                b64.encodeToString(wrapped), certificate.id(), certificate.thumbprintHex());
        if (!new String(decryptor.decrypt(content), StandardCharsets.UTF_8).equals(RESOURCE)) {
            throw new IllegalStateException("the benchmark's encryption does not round-trip");
        }
    }

    @Benchmark
    public byte[] decrypt() {
        return decryptor.decrypt(content);
    }
}
