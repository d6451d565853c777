package com.studiobooking.infrastructure.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.port.TokenService;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * HS256 JWTs (nimbus-jose-jwt) carrying studio, subject, role and the staff member's token version
 * ({@code ver}; tokens issued before it existed read as version 0). The key is derived from the
 * configured secret ({@link SigningKeys}); expiry is checked against the injected clock.
 */
public final class JwtTokenService implements TokenService {
    static final String ISSUER = "studio-booking";
    static final String VERSION = "ver";
    private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;

    private final byte[] key;
    private final Clock clock;

    public JwtTokenService(SigningKeys keys, Clock clock) {
        this.key = keys.tokenKey();
        this.clock = clock;
    }

    @Override
    public String issue(Caller caller, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(caller.subject())
                .claim("studio", caller.studioId())
                .claim("role", caller.role().name())
                .claim(VERSION, caller.tokenVersion())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(ALGORITHM), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("token signing failed", e);
        }
    }

    @Override
    public Optional<Caller> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expiry == null || !clock.instant().isBefore(expiry.toInstant())) {
                return Optional.empty();
            }
            String studio = claims.getStringClaim("studio");
            String role = claims.getStringClaim("role");
            Long version = claims.getLongClaim(VERSION);
            if (studio == null || role == null || claims.getSubject() == null) return Optional.empty();
            return Optional.of(new Caller(studio, claims.getSubject(), Role.valueOf(role), version == null ? 0 : version));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
