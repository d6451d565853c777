package com.studiobooking.infrastructure.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.aws.WireMockAws;

class SecretResolverTest {
    private static final String NAME = "studio-booking/token-secret";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:token-AbCdEf";

    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private final AtomicInteger secretsManagerClientsBuilt = new AtomicInteger();
    private SecretResolver resolver;

    @BeforeEach
    void start() {
        wireMock.start();
        AwsSettings settings = WireMockAws.settings(wireMock);
        resolver = new SecretResolver(
                () -> { secretsManagerClientsBuilt.incrementAndGet(); return AwsClients.secretsManager(settings); });
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void building_the_client_ahead_sends_nothing_and_the_first_secret_reuses_it() {
        resolver.buildClient();
        assertThat(secretsManagerClientsBuilt).hasValue(1);
        assertThat(wireMock.getAllServeEvents()).isEmpty();

        wireMock.stubFor(getSecretValue().willReturn(json("""
                {"ARN":"%s","Name":"%s","SecretString":"s3cret","VersionId":"v1"}""".formatted(SECRET_ARN, NAME))));
        assertThat(resolver.resolve(NAME).value()).isEqualTo("s3cret");
        assertThat(secretsManagerClientsBuilt).hasValue(1);
    }

    @Test
    void a_secret_name_is_read_once_from_secrets_manager() {
        wireMock.stubFor(getSecretValue().willReturn(json("""
                {"ARN":"%s","Name":"%s","SecretString":"s3cret","VersionId":"v1"}""".formatted(SECRET_ARN, NAME))));

        assertThat(resolver.resolve(NAME).value()).isEqualTo("s3cret");
        assertThat(resolver.resolve(NAME).value()).isEqualTo("s3cret");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"%s\"}".formatted(NAME))));
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
        assertThat(secretsManagerClientsBuilt).hasValue(1);
    }

    @Test
    void a_secrets_manager_arn_is_read_once_from_secrets_manager() {
        wireMock.stubFor(getSecretValue()
                .willReturn(json("""
                        {"ARN":"%s","Name":"token","SecretString":"sm-s3cret","VersionId":"v1"}""".formatted(SECRET_ARN))));

        assertThat(resolver.resolve(SECRET_ARN).value()).isEqualTo("sm-s3cret");
        assertThat(resolver.resolve(SECRET_ARN).value()).isEqualTo("sm-s3cret");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"%s\"}".formatted(SECRET_ARN))));
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
    }

    @Test
    void no_client_is_built_until_a_secret_is_needed_and_then_only_once() {
        assertThat(secretsManagerClientsBuilt).hasValue(0);

        wireMock.stubFor(getSecretValue().willReturn(json("{\"Name\":\"x\",\"SecretString\":\"v\"}")));
        resolver.resolve("a");
        resolver.resolve("b");

        assertThat(secretsManagerClientsBuilt).hasValue(1);
    }

    @Test
    void parallel_first_uses_fetch_the_secret_once() throws Exception {
        wireMock.stubFor(getSecretValue().willReturn(json("{\"Name\":\"x\",\"SecretString\":\"v\"}")
                .withFixedDelay(200)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Secret>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> { go.await(); return resolver.resolve(NAME); }));
            }
            go.countDown();
            for (Future<Secret> result : results) assertThat(result.get().value()).isEqualTo("v");
        } finally {
            pool.shutdownNow();
        }

        assertThat(wireMock.getAllServeEvents()).hasSize(1);
        assertThat(secretsManagerClientsBuilt).hasValue(1);
    }

    @Test
    void a_failed_read_names_the_secret_and_is_not_cached() {
        wireMock.stubFor(getSecretValue().willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}")));

        assertThatThrownBy(() -> resolver.resolve(NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(NAME)
                .hasMessageContaining("ResourceNotFoundException");

        wireMock.stubFor(getSecretValue().willReturn(json("{\"Name\":\"x\",\"SecretString\":\"later\"}")));
        assertThat(resolver.resolve(NAME).value()).isEqualTo("later");
    }

    @Test
    void neither_a_secret_nor_the_resolver_prints_the_value() {
        wireMock.stubFor(getSecretValue().willReturn(json("{\"Name\":\"x\",\"SecretString\":\"s3cret\"}")));
        Secret secret = resolver.resolve(NAME);

        assertThat(secret.toString()).doesNotContain("s3cret");
        assertThat(resolver.toString()).doesNotContain("s3cret").contains(NAME);
    }

    @Test
    void a_failure_message_never_carries_a_value() {
        wireMock.stubFor(getSecretValue().willReturn(json("{\"Name\":\"x\",\"SecretBinary\":\"czNjcmV0\"}")));

        assertThatThrownBy(() -> resolver.resolve(NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Secret " + NAME + " has no SecretString");
    }

    private static MappingBuilder getSecretValue() {
        return post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }
}
