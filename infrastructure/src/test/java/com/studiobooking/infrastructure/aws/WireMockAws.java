package com.studiobooking.infrastructure.aws;

import java.net.URI;

import com.github.tomakehurst.wiremock.WireMockServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Settings that point the real SDK clients at a WireMock server, with fixed test credentials. */
public final class WireMockAws {
    public static final String ACCESS_KEY = "AKIDTEST";
    public static final Region REGION = Region.EU_CENTRAL_1;

    private WireMockAws() {}

    public static AwsSettings settings(WireMockServer server) {
        return new AwsSettings(REGION, URI.create(server.baseUrl()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "test-secret-key")));
    }
}
