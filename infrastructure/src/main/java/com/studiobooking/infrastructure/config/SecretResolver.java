package com.studiobooking.infrastructure.config;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Resolves a secret by name at run time: a Secrets Manager ARN is read with {@code GetSecretValue},
 * any other name is an SSM parameter read with decryption. Each name is fetched once, on first use,
 * and kept for the life of the process; the clients are built on first use too, so a function that
 * never needs a secret never builds them.
 */
public final class SecretResolver {
    private final Supplier<SsmClient> ssm;
    private final Supplier<SecretsManagerClient> secretsManager;
    private final Map<String, Secret> resolved = new ConcurrentHashMap<>();

    public SecretResolver(Supplier<SsmClient> ssm, Supplier<SecretsManagerClient> secretsManager) {
        this.ssm = Lazy.of(ssm);
        this.secretsManager = Lazy.of(secretsManager);
    }

    public static SecretResolver using(AwsSettings settings) {
        return new SecretResolver(() -> AwsClients.ssm(settings), () -> AwsClients.secretsManager(settings));
    }

    /** @throws IllegalStateException when the secret cannot be read; nothing is cached then */
    public Secret resolve(String name) {
        Objects.requireNonNull(name, "name");
        return resolved.computeIfAbsent(name, this::fetch);
    }

    private Secret fetch(String name) {
        try {
            return isSecretsManagerArn(name) ? fromSecretsManager(name) : fromParameterStore(name);
        } catch (SdkException e) {
            throw new IllegalStateException("Could not read secret " + name + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private Secret fromSecretsManager(String arn) {
        String value = secretsManager.get().getSecretValue(r -> r.secretId(arn)).secretString();
        if (value == null) throw new IllegalStateException("Secret " + arn + " has no SecretString");
        return new Secret(value);
    }

    private Secret fromParameterStore(String name) {
        return new Secret(ssm.get().getParameter(r -> r.name(name).withDecryption(true)).parameter().value());
    }

    /** {@code arn:<partition>:secretsmanager:…}, in any partition (aws, aws-cn, aws-us-gov). */
    static boolean isSecretsManagerArn(String name) {
        String[] parts = name.split(":", 4);
        return parts.length == 4 && parts[0].equals("arn") && parts[2].equals("secretsmanager");
    }

    @Override
    public String toString() {
        return "SecretResolver[resolved=" + resolved.keySet() + "]";
    }
}
