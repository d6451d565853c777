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
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@link SecretResolver} against SSM Parameter Store and Secrets Manager as moto emulates them (server
 * mode, production-built SDK clients): real parameters and secrets are put into moto with the SDK and read
 * back through the adapter. Unlike the WireMock stubs of {@link SecretResolverTest}, which answer any
 * GetParameter with the stubbed value, moto keeps SecureStrings encrypted unless the request asks for
 * decryption, keeps the random suffix of a secret's ARN, and answers a missing parameter, a missing secret
 * and a secret scheduled for deletion with the errors AWS documents.
 */
class SecretResolverMotoTest {
    private static AwsSettings aws;
    private static SsmClient ssm;
    private static SecretsManagerClient secretsManager;

    @BeforeAll
    static void clients() {
        aws = new AwsSettings(Region.EU_CENTRAL_1, MotoServer.shared().endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        ssm = AwsClients.ssm(aws);
        secretsManager = AwsClients.secretsManager(aws);
    }

    @AfterAll
    static void close() {
        ssm.close();
        secretsManager.close();
    }

    @Test
    void a_secure_string_parameter_is_read_decrypted_by_its_name() {
        String name = uniqueParameter("token-secret");
        ssm.putParameter(r -> r.name(name).type(ParameterType.SECURE_STRING).value("s3cret-șță"));

        assertThat(SecretResolver.using(aws).resolve(name).value()).isEqualTo("s3cret-șță");

        // What the adapter's WithDecryption=true buys: without it moto, like SSM, does not hand out the
        // plain value (moto answers "kms:<key>:<value>", SSM the ciphertext).
        String undecrypted = ssm.getParameter(r -> r.name(name).withDecryption(false)).parameter().value();
        assertThat(undecrypted).isNotEqualTo("s3cret-șță").startsWith("kms:");
    }

    @Test
    void a_plain_string_parameter_is_read_as_it_is() {
        String name = uniqueParameter("plain");
        ssm.putParameter(r -> r.name(name).type(ParameterType.STRING).value("not-so-secret"));

        assertThat(SecretResolver.using(aws).resolve(name).value()).isEqualTo("not-so-secret");
    }

    @Test
    void a_parameter_is_read_once_per_process_so_a_rotated_value_is_seen_only_by_a_new_resolver() {
        String name = uniqueParameter("token-secret");
        ssm.putParameter(r -> r.name(name).type(ParameterType.SECURE_STRING).value("first"));
        SecretResolver resolver = SecretResolver.using(aws);
        assertThat(resolver.resolve(name).value()).isEqualTo("first");

        ssm.putParameter(r -> r.name(name).type(ParameterType.SECURE_STRING).value("second").overwrite(true));

        assertThat(resolver.resolve(name).value()).isEqualTo("first");
        assertThat(SecretResolver.using(aws).resolve(name).value()).isEqualTo("second");
    }

    @Test
    void a_missing_parameter_fails_naming_it_and_is_found_once_it_exists() {
        String name = uniqueParameter("stripe-webhook-secret");
        SecretResolver resolver = SecretResolver.using(aws);

        assertThatThrownBy(() -> resolver.resolve(name))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("ParameterNotFoundException")
                .hasCauseInstanceOf(ParameterNotFoundException.class);

        ssm.putParameter(r -> r.name(name).type(ParameterType.SECURE_STRING).value("whsec_1"));
        assertThat(resolver.resolve(name).value()).isEqualTo("whsec_1");
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

    @Test
    void only_the_client_of_the_store_a_name_points_to_is_used() {
        String name = uniqueParameter("token-secret");
        ssm.putParameter(r -> r.name(name).type(ParameterType.SECURE_STRING).value("from-ssm"));
        String arn = secretsManager.createSecret(r -> r.name(unique("token")).secretString("from-sm")).arn();
        SecretResolver parameterOnly = new SecretResolver(() -> AwsClients.ssm(aws),
                () -> { throw new AssertionError("Secrets Manager client built for a parameter name"); });
        SecretResolver secretOnly = new SecretResolver(
                () -> { throw new AssertionError("SSM client built for a Secrets Manager ARN"); },
                () -> AwsClients.secretsManager(aws));

        assertThat(parameterOnly.resolve(name).value()).isEqualTo("from-ssm");
        assertThat(secretOnly.resolve(arn).value()).isEqualTo("from-sm");
    }

    private static String uniqueParameter(String name) {
        return "/studio-booking/" + UUID.randomUUID() + "/" + name;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
