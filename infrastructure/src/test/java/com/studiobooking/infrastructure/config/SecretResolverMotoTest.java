package com.studiobooking.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.testing.MotoServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@link SecretResolver} against Secrets Manager as moto emulates it (server mode, production-built SDK
 * client): real secrets are put into moto with the SDK and read back through the adapter, by name, by full
 * ARN and by partial ARN. Unlike the WireMock stubs of {@link SecretResolverTest}, which answer any
 * GetSecretValue with the stubbed value, moto keeps the random suffix of a secret's ARN, keeps versions, and
 * answers a missing secret and a secret scheduled for deletion with the errors AWS documents.
 * (Until issue 16 secrets could also be SSM parameters; the SSM client is gone: docs/decisions/secrets-path.md.)
 */
class SecretResolverMotoTest {
    private static AwsSettings aws;
    private static SecretsManagerClient secretsManager;

    @BeforeAll
    static void clients() {
        aws = new AwsSettings(Region.EU_CENTRAL_1, MotoServer.shared().endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        secretsManager = AwsClients.secretsManager(aws);
    }

    @AfterAll
    static void close() {
        secretsManager.close();
    }

    @Test
    void a_secret_is_read_by_the_name_the_template_passes() {
        String name = unique("studio-booking/token-secret");
        secretsManager.createSecret(r -> r.name(name).secretString("s3cret-șță"));

        assertThat(SecretResolver.using(aws).resolve(name).value()).isEqualTo("s3cret-șță");
    }

    @Test
    void a_secret_is_read_once_per_process_so_a_rotated_value_is_seen_only_by_a_new_resolver() {
        String name = unique("studio-booking/token-secret");
        secretsManager.createSecret(r -> r.name(name).secretString("first"));
        SecretResolver resolver = SecretResolver.using(aws);
        assertThat(resolver.resolve(name).value()).isEqualTo("first");

        secretsManager.putSecretValue(r -> r.secretId(name).secretString("second"));

        assertThat(resolver.resolve(name).value()).isEqualTo("first");
        assertThat(SecretResolver.using(aws).resolve(name).value()).isEqualTo("second");
    }

    @Test
    void a_missing_secret_fails_naming_it_and_is_found_once_it_exists() {
        String name = unique("studio-booking/stripe-webhook-secret");
        SecretResolver resolver = SecretResolver.using(aws);

        assertThatThrownBy(() -> resolver.resolve(name))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("ResourceNotFoundException")
                .hasCauseInstanceOf(ResourceNotFoundException.class);

        secretsManager.createSecret(r -> r.name(name).secretString("whsec_1"));
        assertThat(resolver.resolve(name).value()).isEqualTo("whsec_1");
    }

    @Test
    void an_ssm_parameter_name_of_before_issue_16_is_not_found_in_secrets_manager() {
        assertThatThrownBy(() -> SecretResolver.using(aws).resolve("/studio-booking/" + UUID.randomUUID() + "/token-secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from Secrets Manager")
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_secret_is_read_by_the_full_arn_secrets_manager_gave_it() {
        String arn = secretsManager.createSecret(r -> r.name(unique("studio-booking/token")).secretString("sm-s3cret")).arn();
        // Secrets Manager, and moto, append a random six-character suffix to the name in the ARN
        assertThat(arn).matches("arn:aws:secretsmanager:eu-central-1:123456789012:secret:studio-booking/token-.+-[A-Za-z0-9]{6}");

        assertThat(SecretResolver.using(aws).resolve(arn).value()).isEqualTo("sm-s3cret");
    }

    @Test
    void a_partial_arn_without_the_random_suffix_is_read_too() {
        String name = unique("studio-booking/partial");
        secretsManager.createSecret(r -> r.name(name).secretString("partial-s3cret"));

        assertThat(SecretResolver.using(aws).resolve("arn:aws:secretsmanager:eu-central-1:123456789012:secret:" + name)
                .value()).isEqualTo("partial-s3cret");
    }

    @Test
    void the_current_version_of_a_secret_is_read() {
        String arn = secretsManager.createSecret(r -> r.name(unique("stripe")).secretString("sk_old")).arn();
        secretsManager.putSecretValue(r -> r.secretId(arn).secretString("sk_new"));

        assertThat(SecretResolver.using(aws).resolve(arn).value()).isEqualTo("sk_new");
    }

    @Test
    void a_secret_with_only_a_binary_value_fails_and_is_not_cached() {
        String arn = secretsManager.createSecret(r -> r.name(unique("binary"))
                .secretBinary(SdkBytes.fromUtf8String("bytes"))).arn();
        SecretResolver resolver = SecretResolver.using(aws);

        assertThatThrownBy(() -> resolver.resolve(arn))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no SecretString");

        secretsManager.putSecretValue(r -> r.secretId(arn).secretString("now-a-string"));
        assertThat(resolver.resolve(arn).value()).isEqualTo("now-a-string");
    }

    @Test
    void an_arn_of_no_secret_fails_with_resource_not_found() {
        String arn = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:" + unique("nothing") + "-AbCdEf";

        assertThatThrownBy(() -> SecretResolver.using(aws).resolve(arn))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(arn)
                .hasMessageContaining("ResourceNotFoundException")
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_secret_scheduled_for_deletion_fails_with_invalid_request() {
        String arn = secretsManager.createSecret(r -> r.name(unique("deleted")).secretString("gone")).arn();
        secretsManager.deleteSecret(r -> r.secretId(arn).recoveryWindowInDays(7L));

        assertThatThrownBy(() -> SecretResolver.using(aws).resolve(arn))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("InvalidRequestException")
                .hasCauseInstanceOf(InvalidRequestException.class);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
