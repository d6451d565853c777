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
    private static final String PARAMETER = "/studio-booking/token-secret";
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:token-AbCdEf";

    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private final AtomicInteger ssmClientsBuilt = new AtomicInteger();
    private final AtomicInteger secretsManagerClientsBuilt = new AtomicInteger();
    private SecretResolver resolver;

    @BeforeEach
    void start() {
        wireMock.start();
        AwsSettings settings = WireMockAws.settings(wireMock);
        resolver = new SecretResolver(
                () -> { ssmClientsBuilt.incrementAndGet(); return AwsClients.ssm(settings); },
                () -> { secretsManagerClientsBuilt.incrementAndGet(); return AwsClients.secretsManager(settings); });
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void a_parameter_name_is_read_once_from_ssm_with_decryption() {
        wireMock.stubFor(getParameter().willReturn(json("""
                {"Parameter":{"Name":"/studio-booking/token-secret","Type":"SecureString","Value":"s3cret","Version":1}}""")));

        assertThat(resolver.resolve(PARAMETER).value()).isEqualTo("s3cret");
        assertThat(resolver.resolve(PARAMETER).value()).isEqualTo("s3cret");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withRequestBody(equalToJson("{\"Name\":\"/studio-booking/token-secret\",\"WithDecryption\":true}")));
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
        assertThat(secretsManagerClientsBuilt).hasValue(0);
    }

    @Test
    void a_secrets_manager_arn_is_read_once_from_secrets_manager() {
        wireMock.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(json("""
                        {"ARN":"%s","Name":"token","SecretString":"sm-s3cret","VersionId":"v1"}""".formatted(SECRET_ARN))));

        assertThat(resolver.resolve(SECRET_ARN).value()).isEqualTo("sm-s3cret");
        assertThat(resolver.resolve(SECRET_ARN).value()).isEqualTo("sm-s3cret");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"%s\"}".formatted(SECRET_ARN))));
        assertThat(wireMock.getAllServeEvents()).hasSize(1);
        assertThat(ssmClientsBuilt).hasValue(0);
    }

    @Test
    void no_client_is_built_until_a_secret_is_needed_and_then_only_once() {
        assertThat(ssmClientsBuilt).hasValue(0);
        assertThat(secretsManagerClientsBuilt).hasValue(0);

        wireMock.stubFor(getParameter().willReturn(json("{\"Parameter\":{\"Name\":\"x\",\"Value\":\"v\"}}")));
        resolver.resolve("/a");
        resolver.resolve("/b");

        assertThat(ssmClientsBuilt).hasValue(1);
        assertThat(secretsManagerClientsBuilt).hasValue(0);
    }

    @Test
    void parallel_first_uses_fetch_the_secret_once() throws Exception {
        wireMock.stubFor(getParameter().willReturn(json("{\"Parameter\":{\"Name\":\"x\",\"Value\":\"v\"}}")
                .withFixedDelay(200)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Secret>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> { go.await(); return resolver.resolve(PARAMETER); }));
            }
            go.countDown();
            for (Future<Secret> result : results) assertThat(result.get().value()).isEqualTo("v");
        } finally {
            pool.shutdownNow();
        }

        assertThat(wireMock.getAllServeEvents()).hasSize(1);
        assertThat(ssmClientsBuilt).hasValue(1);
    }

    @Test
    void a_failed_read_names_the_parameter_and_is_not_cached() {
        wireMock.stubFor(getParameter().willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ParameterNotFound\",\"message\":\"\"}")));

        assertThatThrownBy(() -> resolver.resolve(PARAMETER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PARAMETER)
                .hasMessageContaining("ParameterNotFoundException");

        wireMock.stubFor(getParameter().willReturn(json("{\"Parameter\":{\"Name\":\"x\",\"Value\":\"later\"}}")));
        assertThat(resolver.resolve(PARAMETER).value()).isEqualTo("later");
    }

    @Test
    void neither_a_secret_nor_the_resolver_prints_the_value() {
        wireMock.stubFor(getParameter().willReturn(json("{\"Parameter\":{\"Name\":\"x\",\"Value\":\"s3cret\"}}")));
        Secret secret = resolver.resolve(PARAMETER);

        assertThat(secret.toString()).doesNotContain("s3cret");
        assertThat(resolver.toString()).doesNotContain("s3cret").contains(PARAMETER);
    }

    @Test
    void secrets_manager_arns_are_recognised_in_every_partition() {
        assertThat(SecretResolver.isSecretsManagerArn(SECRET_ARN)).isTrue();
        assertThat(SecretResolver.isSecretsManagerArn("arn:aws-cn:secretsmanager:cn-north-1:1:secret:x")).isTrue();
        assertThat(SecretResolver.isSecretsManagerArn("arn:aws:ssm:eu-central-1:1:parameter/x")).isFalse();
        assertThat(SecretResolver.isSecretsManagerArn("/studio-booking/arn:aws:secretsmanager:x")).isFalse();
    }

    private static MappingBuilder getParameter() {
        return post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }
}
