package com.studiobooking.functions;

import com.studiobooking.infrastructure.table.DynamoItemTable;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class AuthApiTest {
    /** The same rules and races on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private Api api;
    private String studioId;

    @BeforeEach
    void setUp() {
        api = new Api(engine);
        studioId = api.openStudio("ana@example.com");
    }

    @Test
    void a_code_request_is_always_accepted_and_reveals_nothing() {
        Api.Reply unknownStudio = requestCode("st_doesnotexist", "ana@example.com");
        Api.Reply unknownPerson = requestCode(studioId, "stranger@example.com");
        Api.Reply owner = requestCode(studioId, "ana@example.com");

        assertThat(unknownStudio.status()).isEqualTo(202);
        assertThat(unknownPerson).isEqualTo(owner);
        assertThat(api.outbox.sentTo("stranger@example.com")).hasSize(1);
        assertThat(api.outbox.sent()).hasSize(2);
    }

    @Test
    void a_code_works_once() {
        requestCode(studioId, "ana@example.com");
        String code = api.lastCodeSentTo("ana@example.com");

        assertThat(exchange("ana@example.com", code).status()).isEqualTo(200);
        Api.Reply again = exchange("ana@example.com", code);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.errorCode()).isEqualTo("INVALID_CODE");
    }

    @Test
    void a_code_expires_after_ten_minutes() {
        requestCode(studioId, "ana@example.com");
        String code = api.lastCodeSentTo("ana@example.com");
        api.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(exchange("ana@example.com", code).status()).isEqualTo(401);
    }

    @Test
    void five_wrong_guesses_burn_the_code() {
        requestCode(studioId, "ana@example.com");
        String code = api.lastCodeSentTo("ana@example.com");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) assertThat(exchange("ana@example.com", wrong).status()).isEqualTo(401);

        assertThat(exchange("ana@example.com", code).status()).isEqualTo(401);
    }

    @Test
    void code_requests_are_rate_limited_per_email_but_still_answer_202() {
        for (int i = 0; i < 8; i++) assertThat(requestCode(studioId, "ana@example.com").status()).isEqualTo(202);
        assertThat(api.outbox.sentTo("ana@example.com")).hasSize(5);

        api.clock.advance(Duration.ofHours(1));
        requestCode(studioId, "ana@example.com");
        assertThat(api.outbox.sentTo("ana@example.com")).hasSize(6);
    }

    @Test
    void codes_are_stored_hashed() {
        assumeTrue(engine == TestTables.Engine.MOTO, "reads every stored item with a DynamoDB Scan");
        requestCode(studioId, "ana@example.com");
        String code = api.lastCodeSentTo("ana@example.com");

        String everything = TestTables.motoClient().scan(b -> b.tableName(((DynamoItemTable) api.engineTable).name())).items().toString();
        assertThat(everything).doesNotContain(code);
    }

    @Test
    void a_token_names_the_role_and_expires() {
        Api.Reply reply = api.signInReply(studioId, "ana@example.com");
        assertThat(reply.json().get("role").asText()).isEqualTo("OWNER");
        assertThat(reply.json().get("expiresAt").asText()).isEqualTo("2026-11-23T21:00:00Z");
        String token = reply.json().get("token").asText();

        api.clock.advance(Duration.ofHours(12));
        assertThat(api.call("admin/get-studios-studioId-settings.json").path("studioId", studioId).token(token)
                .send().status()).isEqualTo(401);
    }

    @Test
    void bad_auth_input_names_the_field() {
        Api.Reply noEmail = api.call("auth/post-auth-code.json").body(Map.of("studioId", studioId)).send();
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.errorField()).isEqualTo("email");
        Api.Reply shortCode = exchange("ana@example.com", "12a");
        assertThat(shortCode.status()).isEqualTo(400);
        assertThat(shortCode.errorField()).isEqualTo("code");
    }

    private Api.Reply requestCode(String studio, String email) {
        return api.call("auth/post-auth-code.json").body(Map.of("studioId", studio, "email", email)).send();
    }

    private Api.Reply exchange(String email, String code) {
        return api.call("auth/post-auth-token.json").body(Map.of("studioId", studioId, "email", email, "code", code)).send();
    }
}
