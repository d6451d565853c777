package com.studiobooking.infrastructure.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom the SDK clients talk: a region, an optional endpoint (LocalStack, WireMock, null
 * for the real AWS endpoint) and a credentials provider.
 */
public record AwsSettings(Region region, URI endpointOverride, AwsCredentialsProvider credentials) {

    /** Used off AWS (local runtime, developer machine) when {@code AWS_REGION} is not set. */
    public static final Region LOCAL_DEFAULT_REGION = Region.EU_WEST_1;

    public AwsSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Reads {@code AWS_REGION} (required inside Lambda, {@link #LOCAL_DEFAULT_REGION} elsewhere) and the
     * optional {@code AWS_ENDPOINT_URL}. Credentials come straight from the environment variables Lambda
     * sets, skipping the provider chain; with SnapStart Lambda sets container credentials instead of
     * those variables, and then the default chain (which finds them) is used.
     */
    public static AwsSettings fromEnvironment(Map<String, String> env) {
        return new AwsSettings(region(env), endpointOverride(env), credentials(env));
    }

    private static Region region(Map<String, String> env) {
        String region = blankToNull(env.get("AWS_REGION"));
        if (region != null) return Region.of(region);
        if (blankToNull(env.get("AWS_LAMBDA_FUNCTION_NAME")) != null) {
            throw new IllegalStateException("Environment variable AWS_REGION is not set (required in AWS Lambda)");
        }
        return LOCAL_DEFAULT_REGION;
    }

    private static URI endpointOverride(Map<String, String> env) {
        String endpoint = blankToNull(env.get("AWS_ENDPOINT_URL"));
        if (endpoint == null) return null;
        try {
            URI uri = new URI(endpoint);
            if (uri.getScheme() == null || uri.getHost() == null) throw new URISyntaxException(endpoint, "not absolute");
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Environment variable AWS_ENDPOINT_URL is not an absolute URL");
        }
    }

    private static AwsCredentialsProvider credentials(Map<String, String> env) {
        boolean keysInEnvironment = blankToNull(env.get("AWS_ACCESS_KEY_ID")) != null
                && blankToNull(env.get("AWS_SECRET_ACCESS_KEY")) != null;
        boolean containerCredentials = blankToNull(env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI")) != null;
        return keysInEnvironment && !containerCredentials
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "AwsSettings[region=" + region + ", endpointOverride=" + endpointOverride
                + ", credentials=" + credentials.getClass().getSimpleName() + "]";
    }
}
