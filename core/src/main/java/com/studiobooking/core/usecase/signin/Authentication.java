package com.studiobooking.core.usecase.signin;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.ErrorKind;
import com.studiobooking.core.mail.SignInCodeEmail;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.LoginCode;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.identity.SignIn;
import com.studiobooking.core.model.studio.Staff;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.port.ClientDirectory;
import com.studiobooking.core.port.LoginCodeStore;
import com.studiobooking.core.port.Mailer;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.port.TokenService;
import com.studiobooking.core.port.WriteFence;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Passwordless sign-in: a one-time code by e-mail, exchanged for a signed token. Requests never
 * reveal whether an e-mail or studio is known; codes are stored as keyed hashes, expire, allow a
 * few attempts and are rate limited per e-mail.
 *
 * <p>A staff token stops working as soon as its holder is removed or their role or e-mail changes:
 * every request with a staff token reads the staff record (one read) and must find the token's
 * version and role there, and the request's writes are fenced on the same ({@link WriteFence}).
 * Client tokens are not checked against anything but their signature and expiry.
 */
public final class Authentication {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    public static final int ATTEMPTS_PER_CODE = 5;
    public static final int CODES_PER_HOUR = 5;
    static final Duration STAFF_TOKEN_LIFETIME = Duration.ofHours(12);
    static final Duration CLIENT_TOKEN_LIFETIME = Duration.ofDays(30);

    private final StudioStore studios;
    private final LoginCodeStore codes;
    private final ClientDirectory clients;
    private final TokenService tokens;
    private final Mailer mailer;
    private final WriteFence fence;
    private final Clock clock;
    private final Supplier<byte[]> codeHashKey;
    private final SecureRandom random = new SecureRandom();

    public Authentication(StudioStore studios, LoginCodeStore codes, ClientDirectory clients, TokenService tokens,
                          Mailer mailer, WriteFence fence, Clock clock, Supplier<byte[]> codeHashKey) {
        this.studios = studios;
        this.codes = codes;
        this.clients = clients;
        this.tokens = tokens;
        this.mailer = mailer;
        this.fence = fence;
        this.clock = clock;
        this.codeHashKey = codeHashKey;
    }

    public record CodeRequest(String studioId, String email) {
    }

    public record CodeExchange(String studioId, String email, String code) {
    }

    /** Always "accepted" to the caller; a code is e-mailed only for an existing studio within the rate limit. */
    public void requestCode(CodeRequest request) {
        Check.required(request, "body");
        String studioId = Check.id(request.studioId(), "studioId");
        String email = Check.email(request.email(), "email");
        Optional<Studio> studio = studios.findStudio(studioId);
        if (studio.isEmpty()) return;
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        if (!codes.admitRequest(studioId, email, window, CODES_PER_HOUR, window.plus(Duration.ofHours(2)))) return;
        String code = String.format("%06d", random.nextInt(1_000_000));
        codes.save(new LoginCode(studioId, email, hash(studioId, email, code), now.plus(CODE_LIFETIME), ATTEMPTS_PER_CODE));
        mailer.send(SignInCodeEmail.of(email, studio.get().settings(), code, CODE_LIFETIME));
    }

    public SignIn exchangeCode(CodeExchange request) {
        Check.required(request, "body");
        String studioId = Check.id(request.studioId(), "studioId");
        String email = Check.email(request.email(), "email");
        String code = Check.text(request.code(), "code", 6);
        if (!code.matches("[0-9]{6}")) throw DomainException.invalid("code", "must be the 6 digits from the e-mail");
        LoginCode stored = codes.spendAttempt(studioId, email, clock.instant()).orElseThrow(Authentication::invalidCode);
        String hash = hash(studioId, email, code);
        boolean matches = MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                stored.codeHash().getBytes(StandardCharsets.US_ASCII));
        if (!matches || !codes.consume(studioId, email, hash)) throw invalidCode();
        return signIn(studioId, email);
    }

    /**
     * The caller a bearer token speaks for; anonymous without a token, 401 for a bad one. A staff token
     * must still match its holder's record ({@code TOKEN_REVOKED} otherwise), and fences the request's writes.
     */
    public Caller caller(String bearerToken) {
        if (bearerToken == null) return Caller.ANONYMOUS;
        Caller caller = tokens.verify(bearerToken)
                .orElseThrow(() -> DomainException.unauthenticated("the token is invalid or expired"));
        if (caller.role().isStaff()) {
            Optional<Staff> holder = studios.findStaff(caller.studioId(), caller.subject());
            if (holder.isEmpty() || !stillCurrent(caller, holder.get())) throw tokenRevoked();
            fence.hold(caller);
        }
        return caller;
    }

    /** The answer to a staff token whose holder was removed or whose role or e-mail changed since sign-in. */
    public static DomainException tokenRevoked() {
        return new DomainException(ErrorKind.UNAUTHENTICATED, "TOKEN_REVOKED",
                "this sign-in no longer works: the staff member was removed, or their role or e-mail changed; sign in again",
                null);
    }

    private static boolean stillCurrent(Caller caller, Staff holder) {
        return holder.tokenVersion() == caller.tokenVersion() && holder.role().name().equals(caller.role().name());
    }

    private SignIn signIn(String studioId, String email) {
        Optional<Staff> staff = studios.findStaffByEmail(studioId, email);
        Caller caller = staff
                .map(s -> new Caller(studioId, s.staffId(), Role.valueOf(s.role().name()), s.tokenVersion()))
                .orElseGet(() -> new Caller(studioId, clients.clientIdFor(studioId, email), Role.CLIENT));
        Instant expiresAt = clock.instant()
                .plus(caller.role().isStaff() ? STAFF_TOKEN_LIFETIME : CLIENT_TOKEN_LIFETIME)
                .truncatedTo(ChronoUnit.SECONDS);
        return new SignIn(tokens.issue(caller, expiresAt), caller.role(), expiresAt);
    }

    private static DomainException invalidCode() {
        return new DomainException(ErrorKind.UNAUTHENTICATED, "INVALID_CODE",
                "the code is wrong, expired or used up; request a new one", "code");
    }

    private String hash(String studioId, String email, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(codeHashKey.get(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((studioId + '\n' + email + '\n' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
