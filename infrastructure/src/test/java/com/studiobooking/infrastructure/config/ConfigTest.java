package com.studiobooking.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;

import software.amazon.awssdk.regions.Region;

class ConfigTest {
    private static final Map<String, String> DEPLOYED = Map.ofEntries(
            Map.entry("TABLE_NAME", "studio-booking"),
            Map.entry("SENDER_EMAIL", "bookings@lotus.example"),
            Map.entry("TOKEN_SECRET_PARAMETER", "/studio-booking/token-secret"),
            Map.entry("WIDGET_BASE_URL", "https://book.lotus.example"),
            Map.entry("ADMIN_PAGE_URL", "https://admin.lotus.example/"),
            Map.entry("SCHEDULE_GROUP", "studio-booking"),
            Map.entry("TIMED_JOBS_FUNCTION_ARN", "arn:aws:lambda:eu-central-1:123456789012:function:timed-jobs"),
            Map.entry("SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/studio-booking-scheduler"),
            Map.entry("SCHEDULER_DLQ_ARN", "arn:aws:sqs:eu-central-1:123456789012:timed-jobs-dlq"),
            Map.entry("AWS_REGION", "eu-central-1"));

    /** A resolver that fails if it is ever asked for anything. */
    private static final SecretResolver UNUSABLE = new SecretResolver(
            () -> { throw new AssertionError("Secrets Manager client built"); });

    @Test
    void values_are_read_from_the_environment() {
        Config config = new Config(DEPLOYED);

        assertThat(config.tableName()).isEqualTo("studio-booking");
        assertThat(config.senderEmail()).isEqualTo("bookings@lotus.example");
        assertThat(config.sesConfigurationSet()).isEmpty();
        assertThat(config.widgetBaseUrl()).isEqualTo("https://book.lotus.example");
        assertThat(config.adminPageUrl()).isEqualTo("https://admin.lotus.example/");
        assertThat(config.aws().region()).isEqualTo(Region.EU_CENTRAL_1);
    }

    @Test
    void the_scheduler_settings_are_read_from_the_environment_with_the_default_retry_policy() {
        EventBridgeScheduler.Settings settings = new Config(DEPLOYED).schedulerSettings();

        assertThat(settings.groupName()).isEqualTo("studio-booking");
        assertThat(settings.targetArn()).isEqualTo("arn:aws:lambda:eu-central-1:123456789012:function:timed-jobs");
        assertThat(settings.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/studio-booking-scheduler");
        assertThat(settings.deadLetterArn()).isEqualTo("arn:aws:sqs:eu-central-1:123456789012:timed-jobs-dlq");
        assertThat(settings.maximumRetryAttempts()).isEqualTo(3);
        assertThat(settings.maximumEventAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void scheduler_arns_must_be_arns() {
        Config config = new Config(Map.of("TIMED_JOBS_FUNCTION_ARN", "timed-jobs",
                "SCHEDULER_ROLE_ARN", "studio-booking-scheduler", "SCHEDULER_DLQ_ARN", "https://sqs.example/q"));

        assertThatThrownBy(config::timedJobsFunctionArn).hasMessageContaining("TIMED_JOBS_FUNCTION_ARN is not an ARN");
        assertThatThrownBy(config::schedulerRoleArn).hasMessageContaining("SCHEDULER_ROLE_ARN is not an ARN");
        assertThatThrownBy(config::schedulerDlqArn).hasMessageContaining("SCHEDULER_DLQ_ARN is not an ARN");
    }

    @Test
    void a_missing_variable_is_named_in_the_error() {
        Config empty = new Config(Map.of("TABLE_NAME", "  "));

        assertThatThrownBy(empty::tableName).isInstanceOf(IllegalStateException.class).hasMessageContaining("TABLE_NAME");
        assertThatThrownBy(empty::senderEmail).hasMessageContaining("SENDER_EMAIL");
        assertThatThrownBy(empty::widgetBaseUrl).hasMessageContaining("WIDGET_BASE_URL");
        assertThatThrownBy(empty::adminPageUrl).hasMessageContaining("ADMIN_PAGE_URL");
        assertThatThrownBy(empty::scheduleGroup).hasMessageContaining("SCHEDULE_GROUP");
        assertThatThrownBy(empty::schedulerSettings).hasMessageContaining("SCHEDULE_GROUP");
        assertThatThrownBy(empty::timedJobsFunctionArn).hasMessageContaining("TIMED_JOBS_FUNCTION_ARN");
        assertThatThrownBy(empty::schedulerRoleArn).hasMessageContaining("SCHEDULER_ROLE_ARN");
        assertThatThrownBy(empty::schedulerDlqArn).hasMessageContaining("SCHEDULER_DLQ_ARN");
        assertThatThrownBy(() -> empty.tokenSecret(UNUSABLE))
                .hasMessageContaining("TOKEN_SECRET_PARAMETER").hasMessageContaining("TOKEN_SECRET");
    }

    @Test
    void page_urls_must_be_absolute_http_urls() {
        Config config = new Config(Map.of("WIDGET_BASE_URL", "book.lotus.example", "ADMIN_PAGE_URL", "ftp://x.example"));

        assertThatThrownBy(config::widgetBaseUrl).hasMessageContaining("WIDGET_BASE_URL");
        assertThatThrownBy(config::adminPageUrl).hasMessageContaining("ADMIN_PAGE_URL");
    }

    @Test
    void a_literal_token_secret_wins_over_the_parameter_and_never_touches_aws() {
        Map<String, String> env = new HashMap<>(DEPLOYED);
        env.put("TOKEN_SECRET", "dev-only-secret");

        assertThat(new Config(env).tokenSecret(UNUSABLE).get().value()).isEqualTo("dev-only-secret");
    }

    @Test
    void the_token_secret_parameter_is_resolved_on_first_use_not_at_start() {
        SecretResolver resolver = new SecretResolver(() -> { throw new IllegalStateException("fetched"); });

        Supplier<Secret> secret = new Config(DEPLOYED).tokenSecret(resolver);

        assertThatThrownBy(secret::get).hasMessage("fetched");
    }

    @Test
    void to_string_shows_settings_but_not_secrets() {
        Map<String, String> env = new HashMap<>(DEPLOYED);
        env.put("TOKEN_SECRET", "dev-only-secret");
        env.put("AWS_SECRET_ACCESS_KEY", "aws-secret");

        String text = new Config(env).toString();

        assertThat(text).contains("TABLE_NAME=studio-booking").contains("TOKEN_SECRET=****")
                .contains("SCHEDULE_GROUP=studio-booking").contains("SCHEDULER_DLQ_ARN=arn:aws:sqs:")
                .doesNotContain("dev-only-secret").doesNotContain("aws-secret");
    }

    @Test
    void without_stripe_variables_there_are_no_stripe_keys() {
        assertThat(new Config(DEPLOYED).stripeKeys(UNUSABLE)).isEmpty();
    }

    @Test
    void literal_stripe_keys_are_used_as_they_are_and_never_touch_aws() {
        Map<String, String> env = new HashMap<>(DEPLOYED);
        env.put("STRIPE_SECRET_KEY", "sk_test_local");
        env.put("STRIPE_WEBHOOK_SECRET", "whsec_local");

        StripeKeys keys = new Config(env).stripeKeys(UNUSABLE).orElseThrow();

        assertThat(keys.secretKey().get().value()).isEqualTo("sk_test_local");
        assertThat(keys.webhookSecret().get().value()).isEqualTo("whsec_local");
    }

    @Test
    void stripe_key_secret_names_are_resolved_on_first_use_from_secrets_manager() {
        Map<String, String> env = new HashMap<>(DEPLOYED);
        env.put("STRIPE_SECRET_KEY_PARAMETER", "studio-booking/stripe-secret-key");
        env.put("STRIPE_WEBHOOK_SECRET_PARAMETER",
                "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stripe-webhook-AbCdEf");
        SecretResolver resolver = new SecretResolver(() -> { throw new IllegalStateException("read from Secrets Manager"); });

        StripeKeys keys = new Config(env).stripeKeys(resolver).orElseThrow();

        assertThatThrownBy(keys.secretKey()::get).hasMessage("read from Secrets Manager");
        assertThatThrownBy(keys.webhookSecret()::get).hasMessage("read from Secrets Manager");
    }

    @Test
    void half_a_stripe_configuration_is_refused_naming_the_missing_variable() {
        assertThatThrownBy(() -> new Config(Map.of("STRIPE_SECRET_KEY", "sk_test_local")).stripeKeys(UNUSABLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET_PARAMETER").hasMessageNotContaining("sk_test_local");
        assertThatThrownBy(() -> new Config(Map.of("STRIPE_WEBHOOK_SECRET_PARAMETER", "/x")).stripeKeys(UNUSABLE))
                .hasMessageContaining("STRIPE_SECRET_KEY_PARAMETER");
    }

    @Test
    void stripe_secrets_are_never_shown() {
        Map<String, String> env = new HashMap<>(DEPLOYED);
        env.put("STRIPE_SECRET_KEY", "sk_test_local");
        env.put("STRIPE_WEBHOOK_SECRET", "whsec_local");
        env.put("STRIPE_WEBHOOK_SECRET_PARAMETER", "/studio-booking/stripe-webhook-secret");
        Config config = new Config(env);

        assertThat(config.toString()).contains("STRIPE_SECRET_KEY=****").contains("STRIPE_WEBHOOK_SECRET=****")
                .contains("STRIPE_WEBHOOK_SECRET_PARAMETER=/studio-booking/stripe-webhook-secret")
                .doesNotContain("sk_test_local").doesNotContain("whsec_local");
        StripeKeys keys = config.stripeKeys(UNUSABLE).orElseThrow();
        assertThat(keys.toString() + keys.secretKey().get() + keys.webhookSecret().get())
                .doesNotContain("sk_test_local").doesNotContain("whsec_local");
    }
}
