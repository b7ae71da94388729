package io.teamsbridge.store;

import static io.teamsbridge.store.AccountLinkRepository.instant;
import static io.teamsbridge.store.AccountLinkRepository.utc;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notification-encryption certificates; old ones are kept to read notifications still in flight. */
@Repository
public class CertificateRepository {
    private final JdbcClient jdbc;

    public CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All certificates, the active one first. */
    public List<StoredCertificate> findAll() {
        return jdbc.sql("SELECT id, certificate_der, private_key_sealed, created_at, active FROM encryption_certificate "
                        + "ORDER BY active DESC, created_at DESC")
                .query((rs, row) -> new StoredCertificate(rs.getString("id"), rs.getString("certificate_der"),
                        rs.getString("private_key_sealed"), instant(rs, "created_at"), rs.getBoolean("active")))
                .list();
    }

    /** Replaces the sealed private key with the same key sealed under another key. */
    public boolean reseal(String id, String oldSealed, String newSealed) {
        return jdbc.sql("UPDATE encryption_certificate SET private_key_sealed = ? WHERE id = ? AND private_key_sealed = ?")
                .params(newSealed, id, oldSealed).update() == 1;
    }

    public void insert(StoredCertificate certificate) {
        jdbc.sql("INSERT INTO encryption_certificate (id, certificate_der, private_key_sealed, created_at, active) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(certificate.id(), certificate.certificateDer(), certificate.privateKeySealed(),
                        utc(certificate.createdAt()), certificate.active())
                .update();
    }
}
