package com.studiobooking.infrastructure.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsSettingsTest {

    @Test
    void the_region_comes_from_AWS_REGION() {
        assertThat(AwsSettings.fromEnvironment(Map.of("AWS_REGION", "eu-central-1")).region())
                .isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void off_aws_a_missing_region_defaults_to_the_local_region() {
        assertThat(AwsSettings.fromEnvironment(Map.of()).region()).isEqualTo(AwsSettings.LOCAL_DEFAULT_REGION);
    }

    @Test
    void inside_lambda_a_missing_region_is_an_error_naming_AWS_REGION() {
        assertThatThrownBy(() -> AwsSettings.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "booking")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void the_endpoint_override_is_optional_and_must_be_an_absolute_url() {
        assertThat(AwsSettings.fromEnvironment(Map.of()).endpointOverride()).isNull();
        assertThat(AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")).endpointOverride())
                .isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThatThrownBy(() -> AwsSettings.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "localhost")))
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void lambdas_access_key_variables_are_used_directly() {
        var settings = AwsSettings.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

        assertThat(settings.credentials()).isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        assertThat(settings.toString()).doesNotContain("secret").doesNotContain("token");
    }

    @Test
    void without_access_key_variables_or_with_snapstart_container_credentials_the_default_chain_is_used() {
        assertThat(AwsSettings.fromEnvironment(Map.of()).credentials())
                .isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(AwsSettings.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials")).credentials())
                .isInstanceOf(DefaultCredentialsProvider.class);
    }
}
