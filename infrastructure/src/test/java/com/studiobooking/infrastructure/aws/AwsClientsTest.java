package com.studiobooking.infrastructure.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AwsClientsTest {
    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        wireMock.start();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void a_client_calls_the_endpoint_override_signed_for_the_configured_region_and_credentials() {
        wireMock.stubFor(post("/").withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.ListTables"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"TableNames\":[\"studio-booking\"]}")));

        try (DynamoDbClient dynamo = AwsClients.dynamoDb(WireMockAws.settings(wireMock))) {
            assertThat(dynamo.listTables().tableNames()).containsExactly("studio-booking");
        }

        wireMock.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization",
                        matching("AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/eu-central-1/dynamodb/aws4_request, .*"))
                .withRequestBody(equalToJson("{}")));
    }
}
