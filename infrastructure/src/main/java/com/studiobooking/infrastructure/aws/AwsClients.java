package com.studiobooking.infrastructure.aws;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The one place SDK clients are built, configured for a Lambda cold start: explicit region and
 * credentials (no provider-chain or region lookups) and the JDK's URL connection instead of
 * Apache or Netty. Each call builds a new client; callers keep it for the life of the process.
 */
public final class AwsClients {
    private AwsClients() {}

    public static DynamoDbClient dynamoDb(AwsSettings settings) {
        return build(DynamoDbClient.builder(), settings, null);
    }

    public static SesV2Client sesV2(AwsSettings settings) {
        return build(SesV2Client.builder(), settings, null);
    }

    public static SecretsManagerClient secretsManager(AwsSettings settings) {
        return build(SecretsManagerClient.builder(), settings, null);
    }

    public static SchedulerClient scheduler(AwsSettings settings) {
        return build(SchedulerClient.builder(), settings, null);
    }

    /** A DynamoDB client whose requests {@code http} answers instead of AWS (SnapStart's rehearsal). */
    public static DynamoDbClient dynamoDb(AwsSettings settings, SdkHttpClient http) {
        return build(DynamoDbClient.builder(), settings, http);
    }

    /** An SES client whose requests {@code http} answers instead of AWS (SnapStart's rehearsal: {@link UnsentHttpClient}). */
    public static SesV2Client sesV2(AwsSettings settings, SdkHttpClient http) {
        return build(SesV2Client.builder(), settings, http);
    }

    /** A Scheduler client whose requests {@code http} answers instead of AWS (SnapStart's rehearsal). */
    public static SchedulerClient scheduler(AwsSettings settings, SdkHttpClient http) {
        return build(SchedulerClient.builder(), settings, http);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
            B builder, AwsSettings settings, SdkHttpClient http) {
        builder.region(settings.region())
                .credentialsProvider(settings.credentials());
        if (http == null) builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        else builder.httpClient(http);
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder.build();
    }
}
