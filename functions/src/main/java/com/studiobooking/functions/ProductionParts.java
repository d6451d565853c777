package com.studiobooking.functions;

import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.config.Config;
import com.studiobooking.infrastructure.config.Secret;
import com.studiobooking.infrastructure.config.SecretResolver;
import com.studiobooking.infrastructure.mail.SesMailer;
import com.studiobooking.infrastructure.schedule.EventBridgeScheduler;

import java.time.Clock;
import java.util.function.Supplier;

/** The adapters of a Lambda execution environment, configured from its environment variables. */
final class ProductionParts {
    private ProductionParts() {}

    static Wiring wiring() {
        Config config = Config.fromSystemEnvironment();
        Supplier<Secret> tokenSecret = config.tokenSecret(SecretResolver.using(config.aws()));
        Clock clock = Clock.systemUTC();
        return new Wiring(new Wiring.Parts(
                () -> AwsClients.dynamoDb(config.aws()),
                config.tableName(),
                () -> config.sesConfigurationSet()
                        .map(set -> new SesMailer(AwsClients.sesV2(config.aws()), config.senderEmail(), set))
                        .orElseGet(() -> new SesMailer(AwsClients.sesV2(config.aws()), config.senderEmail())),
                () -> tokenSecret.get().value(),
                () -> EventBridgeScheduler.using(config.aws(), config.schedulerSettings(), clock),
                config.widgetBaseUrl(),
                config.adminPageUrl(),
                clock));
    }
}
