package com.studiobooking.functions;

import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.config.Config;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.config.SecretResolver;
import com.studiobooking.infrastructure.config.StripeKeys;
import com.studiobooking.infrastructure.mail.SesMailer;
import com.studiobooking.infrastructure.payment.StripeClients;
import com.studiobooking.infrastructure.payment.StripePaymentGateway;
import com.studiobooking.infrastructure.payment.StripeWebhookVerifier;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;
import com.studiobooking.infrastructure.table.DynamoItemTable;

import java.time.Clock;
import java.util.function.Supplier;

/** The adapters of a Lambda execution environment, configured from its environment variables. */
final class ProductionParts {
    private ProductionParts() {}

    static Wiring wiring() {
        Config config = Config.fromSystemEnvironment();
        // one resolver, so one Secrets Manager client however many secrets the function reads
        SecretResolver secrets = SecretResolver.using(config.aws());
        Supplier<Secret> tokenSecret = config.tokenSecret(secrets);

        Clock clock = Clock.systemUTC();
        Supplier<StripeKeys> stripe = () -> config.stripeKeys(secrets).orElseThrow(() ->
                new IllegalStateException("STRIPE_SECRET_KEY_PARAMETER and STRIPE_WEBHOOK_SECRET_PARAMETER are not set"));
        return new Wiring(new Wiring.Parts(
                () -> new DynamoItemTable(AwsClients.dynamoDb(config.aws()), config.tableName()),
                () -> config.sesConfigurationSet()
                        .map(set -> new SesMailer(AwsClients.sesV2(config.aws()), config.senderEmail(), set))
                        .orElseGet(() -> new SesMailer(AwsClients.sesV2(config.aws()), config.senderEmail())),
                () -> tokenSecret.get().value(),
                () -> EventBridgeScheduler.using(config.aws(), config.schedulerSettings(), clock),
                () -> new StripePaymentGateway(StripeClients.create(stripe.get().secretKey().get()), clock),
                () -> new StripeWebhookVerifier(stripe.get().webhookSecret(), clock),
                config.widgetBaseUrl(),
                config.adminPageUrl(),
                clock)).buildingAhead(secrets::buildClient);
    }
}
