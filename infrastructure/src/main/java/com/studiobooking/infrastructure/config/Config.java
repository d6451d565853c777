package com.studiobooking.infrastructure.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;

/**
 * The function's configuration, read from environment variables (or any map, in tests). Each getter
 * fails with a message naming the variable that is missing or wrong. {@link #toString()} shows only
 * non-secret values.
 */
public final class Config {
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String SENDER_EMAIL = "SENDER_EMAIL";
    public static final String SES_CONFIGURATION_SET = "SES_CONFIGURATION_SET";
    public static final String TOKEN_SECRET_PARAMETER = "TOKEN_SECRET_PARAMETER";
    public static final String TOKEN_SECRET = "TOKEN_SECRET";
    public static final String WIDGET_BASE_URL = "WIDGET_BASE_URL";
    public static final String ADMIN_PAGE_URL = "ADMIN_PAGE_URL";
    public static final String SCHEDULE_GROUP = "SCHEDULE_GROUP";
    public static final String TIMED_JOBS_FUNCTION_ARN = "TIMED_JOBS_FUNCTION_ARN";
    public static final String SCHEDULER_ROLE_ARN = "SCHEDULER_ROLE_ARN";
    public static final String SCHEDULER_DLQ_ARN = "SCHEDULER_DLQ_ARN";
    public static final String STRIPE_SECRET_KEY = "STRIPE_SECRET_KEY";
    public static final String STRIPE_SECRET_KEY_PARAMETER = "STRIPE_SECRET_KEY_PARAMETER";
    public static final String STRIPE_WEBHOOK_SECRET = "STRIPE_WEBHOOK_SECRET";
    public static final String STRIPE_WEBHOOK_SECRET_PARAMETER = "STRIPE_WEBHOOK_SECRET_PARAMETER";

    private final Map<String, String> env;

    public Config(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static Config fromSystemEnvironment() {
        return new Config(System.getenv());
    }

    public String tableName() {
        return required(TABLE_NAME);
    }

    public String senderEmail() {
        return required(SENDER_EMAIL);
    }

    public Optional<String> sesConfigurationSet() {
        return optional(SES_CONFIGURATION_SET);
    }

    public String widgetBaseUrl() {
        return url(WIDGET_BASE_URL);
    }

    public String adminPageUrl() {
        return url(ADMIN_PAGE_URL);
    }

    /** The EventBridge Scheduler schedule group that holds the timed jobs. */
    public String scheduleGroup() {
        return required(SCHEDULE_GROUP);
    }

    /** The function the timed jobs invoke (missing-link reminder, release of unpaid bookings). */
    public String timedJobsFunctionArn() {
        return arn(TIMED_JOBS_FUNCTION_ARN);
    }

    /** The role EventBridge Scheduler assumes to invoke {@link #timedJobsFunctionArn()}. */
    public String schedulerRoleArn() {
        return arn(SCHEDULER_ROLE_ARN);
    }

    /** The SQS queue that receives timed jobs whose invocation failed every retry. */
    public String schedulerDlqArn() {
        return arn(SCHEDULER_DLQ_ARN);
    }

    /** The four values above, with the default retry policy. */
    public EventBridgeScheduler.Settings schedulerSettings() {
        return new EventBridgeScheduler.Settings(scheduleGroup(), timedJobsFunctionArn(), schedulerRoleArn(),
                schedulerDlqArn());
    }

    /** Region, endpoint override and credentials from {@code AWS_REGION}, {@code AWS_ENDPOINT_URL} and Lambda's variables. */
    public AwsSettings aws() {
        return AwsSettings.fromEnvironment(env);
    }

    /**
     * The token signing secret: the literal {@code TOKEN_SECRET} when set (local and dev only), otherwise
     * the secret named by {@code TOKEN_SECRET_PARAMETER}, fetched through {@code secrets} on first
     * {@code get()}. Which of the two is configured is checked now.
     */
    public Supplier<Secret> tokenSecret(SecretResolver secrets) {
        return secret(TOKEN_SECRET, TOKEN_SECRET_PARAMETER, secrets).orElseThrow(() -> new IllegalStateException(
                "Environment variable " + TOKEN_SECRET_PARAMETER + " is not set"
                        + " (or set " + TOKEN_SECRET + " for local development)"));
    }

    /**
     * Stripe's secret API key and webhook signing secret, each a literal ({@code STRIPE_SECRET_KEY},
     * {@code STRIPE_WEBHOOK_SECRET}: local and dev only) or the name or ARN of a Secrets
     * Manager secret ({@code …_PARAMETER}) fetched through {@code secrets} on first {@code get()}.
     * Empty when none of them is set: card payments then use the local checkout. Setting only one of
     * the two is refused now.
     */
    public Optional<StripeKeys> stripeKeys(SecretResolver secrets) {
        Optional<Supplier<Secret>> secretKey = secret(STRIPE_SECRET_KEY, STRIPE_SECRET_KEY_PARAMETER, secrets);
        Optional<Supplier<Secret>> webhookSecret = secret(STRIPE_WEBHOOK_SECRET, STRIPE_WEBHOOK_SECRET_PARAMETER, secrets);
        if (secretKey.isEmpty() && webhookSecret.isEmpty()) return Optional.empty();
        if (secretKey.isEmpty()) throw missingHalf(STRIPE_SECRET_KEY_PARAMETER, STRIPE_SECRET_KEY, "webhook secret");
        if (webhookSecret.isEmpty()) throw missingHalf(STRIPE_WEBHOOK_SECRET_PARAMETER, STRIPE_WEBHOOK_SECRET, "secret key");
        return Optional.of(new StripeKeys(secretKey.get(), webhookSecret.get()));
    }

    private static IllegalStateException missingHalf(String parameter, String literal, String other) {
        return new IllegalStateException("Environment variable " + parameter + " (or " + literal
                + ") is not set, but the Stripe " + other + " is");
    }

    /** The literal when set, otherwise the named secret resolved on first use; empty when neither is set. */
    private Optional<Supplier<Secret>> secret(String literalName, String parameterName, SecretResolver secrets) {
        Optional<String> literal = optional(literalName);
        if (literal.isPresent()) {
            Secret secret = new Secret(literal.get());
            return Optional.of(() -> secret);
        }
        return optional(parameterName).map(name -> () -> secrets.resolve(name));
    }

    private String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("Environment variable " + name + " is not set"));
    }

    private Optional<String> optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private String url(String name) {
        String value = required(name);
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new IllegalStateException("Environment variable " + name + " is not an absolute http(s) URL");
    }

    private String arn(String name) {
        String value = required(name);
        if (value.startsWith("arn:") && value.split(":", -1).length >= 6) return value;
        throw new IllegalStateException("Environment variable " + name + " is not an ARN");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Config[");
        for (String name : new String[] {TABLE_NAME, SENDER_EMAIL, SES_CONFIGURATION_SET, TOKEN_SECRET_PARAMETER,
                WIDGET_BASE_URL, ADMIN_PAGE_URL, SCHEDULE_GROUP, TIMED_JOBS_FUNCTION_ARN, SCHEDULER_ROLE_ARN,
                SCHEDULER_DLQ_ARN, STRIPE_SECRET_KEY_PARAMETER, STRIPE_WEBHOOK_SECRET_PARAMETER, "AWS_REGION",
                "AWS_ENDPOINT_URL"}) {
            optional(name).ifPresent(value -> out.append(name).append('=').append(value).append(", "));
        }
        for (String name : new String[] {TOKEN_SECRET, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET}) {
            optional(name).ifPresent(value -> out.append(name).append("=****, "));
        }
        if (out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 2);
        return out.append(']').toString();
    }
}
