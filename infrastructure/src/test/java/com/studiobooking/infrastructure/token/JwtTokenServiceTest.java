package com.studiobooking.infrastructure.token;

import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class JwtTokenServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final SigningKeys KEYS = new SigningKeys("a-test-secret-of-at-least-32-characters!");
    private final JwtTokenService tokens = new JwtTokenService(KEYS, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_token_carries_studio_subject_and_role() {
        Caller owner = new Caller("st_1", "sf_1", Role.OWNER);
        String token = tokens.issue(owner, NOW.plusSeconds(3600));

        assertThat(tokens.verify(token)).contains(owner);
    }

    @Test
    void a_staff_token_carries_the_token_version_and_one_issued_before_versions_reads_as_version_0() throws Exception {
        Caller staff = new Caller("st_1", "sf_1", Role.STAFF, 3);
        assertThat(tokens.verify(tokens.issue(staff, NOW.plusSeconds(3600)))).contains(staff);

        com.nimbusds.jwt.SignedJWT old = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(JwtTokenService.ISSUER).subject("sf_1")
                        .claim("studio", "st_1").claim("role", "OWNER")
                        .expirationTime(java.util.Date.from(NOW.plusSeconds(600))).build());
        old.sign(new com.nimbusds.jose.crypto.MACSigner(KEYS.tokenKey()));
        assertThat(tokens.verify(old.serialize())).contains(new Caller("st_1", "sf_1", Role.OWNER, 0));
    }

    @Test
    void an_expired_token_is_refused() {
        String token = tokens.issue(new Caller("st_1", "sf_1", Role.STAFF), NOW.plusSeconds(60));
        JwtTokenService later = new JwtTokenService(KEYS, Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));

        assertThat(later.verify(token)).isEmpty();
    }

    @Test
    void a_token_signed_with_another_secret_or_altered_is_refused() {
        JwtTokenService other = new JwtTokenService(new SigningKeys("another-secret-of-at-least-32-characters"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String foreign = other.issue(new Caller("st_1", "sf_1", Role.OWNER), NOW.plusSeconds(3600));
        String mine = tokens.issue(new Caller("st_1", "cl_1", Role.CLIENT), NOW.plusSeconds(3600));
        String[] parts = mine.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("CLIENT", "OWNER").getBytes());

        assertThat(tokens.verify(foreign)).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + forgedPayload + "." + parts[2])).isEmpty();
        assertThat(tokens.verify("not-a-token")).isEmpty();
    }

    @Test
    void an_unsigned_token_is_refused() {
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"studio-booking\",\"sub\":\"sf_1\",\"studio\":\"st_1\",\"role\":\"OWNER\",\"exp\":"
                        + (NOW.getEpochSecond() + 600) + "}").getBytes()) + ".";

        assertThat(tokens.verify(none)).isEmpty();
    }
}
