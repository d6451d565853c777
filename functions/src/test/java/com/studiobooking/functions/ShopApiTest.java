package com.studiobooking.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public profile offers for sale (pass types and credit packs, only what the studio takes by
 * card), and buying credits by card as a client does from the widget, once per Idempotency-Key.
 */
@ParameterizedClass
@EnumSource(TestTables.Engine.class)
class ShopApiTest {
    /** The same rules on both table engines: DynamoDB (moto) and the local runtime's SQLite. */
    @Parameter
    TestTables.Engine engine;
    private WireMockServer stripe;
    private Api api;
    private String studioId;
    private String owner;
    private String passTypeId;
    private String packId;

    @BeforeEach
    void setUp() {
        stripe = StripeStub.start(Instant.parse("2026-11-23T09:31:00Z"));
        api = new Api(engine, stripe.baseUrl());
        studioId = api.openStudio("ana@example.com");
        owner = api.signIn(studioId, "ana@example.com");
        passTypeId = ok(api.call("admin/post-studios-studioId-pass-types.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "10 classes", "entries", 10, "validDays", 90, "price", Map.of("amount", 40000, "currency", "RON")))
                .send()).json().get("passTypeId").asText();
        ok(api.call("admin/post-studios-studioId-pass-types.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Trial", "entries", 2, "validDays", 14, "price", Map.of("amount", 6000, "currency", "RON")))
                .send());
        packId = ok(api.call("admin/post-studios-studioId-credit-packs.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "5 credits", "credits", 5, "price", Map.of("amount", 20000, "currency", "RON")))
                .send()).json().get("packId").asText();
    }

    @AfterEach
    void tearDown() {
        stripe.stop();
    }

    @Test
    void the_profile_lists_passes_and_credit_packs_cheapest_first_only_while_the_studio_takes_them_by_card() {
        accept("CARD", "PASS", "CREDITS");
        JsonNode profile = profile();
        assertThat(profile.get("passTypes").findValuesAsText("name")).containsExactly("Trial", "10 classes");
        JsonNode ten = profile.get("passTypes").get(1);
        assertThat(ten.get("passTypeId").asText()).isEqualTo(passTypeId);
        assertThat(ten.get("entries").asInt()).isEqualTo(10);
        assertThat(ten.get("validDays").asInt()).isEqualTo(90);
        assertThat(ten.get("price").get("amount").asLong()).isEqualTo(40000);
        assertThat(ten.has("createdAt")).isFalse();
        JsonNode pack = profile.get("creditPacks").get(0);
        assertThat(profile.get("creditPacks")).hasSize(1);
        assertThat(pack.get("packId").asText()).isEqualTo(packId);
        assertThat(pack.get("credits").asInt()).isEqualTo(5);
        assertThat(pack.get("price").get("currency").asText()).isEqualTo("RON");

        accept("CARD", "CREDITS");
        assertThat(profile().get("passTypes")).isEmpty();
        assertThat(profile().get("creditPacks")).hasSize(1);

        accept("PAY_AT_STUDIO", "PASS", "CREDITS");
        assertThat(profile().get("passTypes")).as("no card, nothing to buy online").isEmpty();
        assertThat(profile().get("creditPacks")).isEmpty();
    }

    @Test
    void a_client_buys_credits_by_card_and_they_land_in_the_wallet_once() throws Exception {
        accept("CARD", "PASS", "CREDITS");
        String client = api.signIn(studioId, "maria@example.com");
        JsonNode purchase = ok(api.call("booking/post-studios-studioId-purchases.json").path("studioId", studioId).token(client)
                .body(Map.of("packId", packId)).send()).json();
        assertThat(purchase.get("kind").asText()).isEqualTo("CREDITS");
        assertThat(purchase.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
        String purchaseId = purchase.get("purchaseId").asText();

        String paid = api.paidEvent(purchaseId, studioId, 20000, "evt_pack_1");
        Parallel.run(3, i -> api.deliver(paid).status());

        JsonNode wallet = ok(api.call("booking/get-me-wallet.json").token(client).send()).json();
        assertThat(wallet.get("credits").asInt()).isEqualTo(5);
        assertThat(wallet.get("history").findValuesAsText("kind")).containsExactly("CREDITS_GRANTED");
        assertThat(wallet.get("history").get(0).get("description").asText()).isEqualTo("5 credits");
    }

    @Test
    void what_the_studio_does_not_take_cannot_be_bought() {
        accept("CARD", "CREDITS");
        String client = api.signIn(studioId, "maria@example.com");
        Api.Reply pass = api.call("booking/post-studios-studioId-purchases.json").path("studioId", studioId).token(client)
                .body(Map.of("passTypeId", passTypeId)).send();
        assertThat(pass.status()).isEqualTo(422);
        assertThat(pass.json().get("error").get("code").asText()).isEqualTo("PAYMENT_METHOD_NOT_ACCEPTED");
        assertThat(pass.json().get("error").get("field").asText()).isEqualTo("passTypeId");

        accept("CARD", "PASS");
        Api.Reply credits = api.call("booking/post-studios-studioId-purchases.json").path("studioId", studioId).token(client)
                .body(Map.of("packId", packId)).send();
        assertThat(credits.status()).isEqualTo(422);
        assertThat(credits.json().get("error").get("field").asText()).isEqualTo("packId");
        assertThat(api.call("booking/post-studios-studioId-purchases.json").path("studioId", studioId).token(client)
                .body(Map.of("passTypeId", passTypeId)).send().status()).isEqualTo(201);
    }

    @Test
    void the_same_idempotency_key_sent_eight_times_at_once_opens_one_purchase_with_one_checkout() throws Exception {
        accept("CARD", "PASS", "CREDITS");
        String client = api.signIn(studioId, "maria@example.com");
        List<JsonNode> answers = Parallel.run(8, i -> ok(buy(client, "buy-1", Map.of("passTypeId", passTypeId))).json());

        assertThat(answers.stream().map(a -> a.get("purchaseId").asText()).distinct()).hasSize(1);
        assertThat(answers.stream().map(a -> a.get("nextAction").get("url").asText()).distinct()).hasSize(1);
        String purchaseId = answers.get(0).get("purchaseId").asText();
        assertThat(purchaseId).startsWith("pu_");
        // every request that reached Stripe asked for the same checkout, with the same key and the same parameters
        List<LoggedRequest> asked = stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
        assertThat(asked).isNotEmpty();
        assertThat(asked.stream().map(r -> r.getHeader("Idempotency-Key")).distinct()).containsExactly("checkout-" + purchaseId);
        assertThat(asked.stream().map(LoggedRequest::getBodyAsString).distinct()).hasSize(1);

        // paid once, the pass lands once
        api.deliver(api.paidEvent(purchaseId, studioId, 40000, "evt_pass_1"));
        JsonNode wallet = ok(api.call("booking/get-me-wallet.json").token(client).send()).json();
        assertThat(wallet.get("passes")).hasSize(1);
        // the repeat after payment answers the paid purchase and opens nothing
        int before = stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))).size();
        JsonNode again = ok(buy(client, "buy-1", Map.of("passTypeId", passTypeId))).json();
        assertThat(again.get("purchaseId").asText()).isEqualTo(purchaseId);
        assertThat(again.get("status").asText()).isEqualTo("PAID");
        assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")))).hasSize(before);
    }

    @Test
    void a_key_used_for_one_item_is_refused_for_another_and_another_client_with_the_same_key_buys_their_own() {
        accept("CARD", "PASS", "CREDITS");
        String maria = api.signIn(studioId, "maria@example.com");
        String first = ok(buy(maria, "buy-2", Map.of("passTypeId", passTypeId))).json().get("purchaseId").asText();

        Api.Reply other = buy(maria, "buy-2", Map.of("packId", packId));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("error").get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.json().get("error").get("field").asText()).isEqualTo("Idempotency-Key");

        String radu = api.signIn(studioId, "radu@example.com");
        assertThat(ok(buy(radu, "buy-2", Map.of("passTypeId", passTypeId))).json().get("purchaseId").asText()).isNotEqualTo(first);

        Api.Reply bad = buy(maria, "not a key", Map.of("passTypeId", passTypeId));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").get("field").asText()).isEqualTo("Idempotency-Key");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void accept(String... methods) {
        ok(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("paymentMethods", List.of(methods))).send());
    }

    private Api.Reply buy(String client, String key, Map<String, String> item) {
        return api.call("booking/post-studios-studioId-purchases.json").path("studioId", studioId).token(client)
                .header("idempotency-key", key).body(item).send();
    }

    private JsonNode profile() {
        return ok(api.call("catalogue/get-studios-studioId.json").path("studioId", studioId).send()).json();
    }

    private static Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 299);
        return reply;
    }
}
