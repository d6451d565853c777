package com.studiobooking.infrastructure.config;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Resolves a secret at run time from AWS Secrets Manager with {@code GetSecretValue}, by its name or ARN
 * (full, or partial without the random suffix). The one secrets path of the functions
 * (docs/decisions/secrets-path.md): no SSM client, no extension. Each name is fetched once, on first use,
 * and kept for the life of the process; the client is built on first use too, so a function that never
 * needs a secret never builds it. Values never appear in messages or {@code toString()}.
 */
public final class SecretResolver {
    private final Supplier<SecretsManagerClient> secretsManager;
    private final Map<String, Secret> resolved = new ConcurrentHashMap<>();

    public SecretResolver(Supplier<SecretsManagerClient> secretsManager) {
        this.secretsManager = Lazy.of(secretsManager);
    }

    public static SecretResolver using(AwsSettings settings) {
        return new SecretResolver(() -> AwsClients.secretsManager(settings));
    }

    /**
     * Builds the Secrets Manager client now, without a request and without reading any secret: SnapStart priming
     * does this before the snapshot, so the first request that needs a secret only fetches it.
     */
    public void buildClient() {
        secretsManager.get();
    }

    /** @throws IllegalStateException when the secret cannot be read; nothing is cached then */
    public Secret resolve(String name) {
        Objects.requireNonNull(name, "name");
        return resolved.computeIfAbsent(name, this::fetch);
    }

    private Secret fetch(String name) {
        String value;
        try {
            value = secretsManager.get().getSecretValue(r -> r.secretId(name)).secretString();
        } catch (SdkException e) {
            throw new IllegalStateException("Could not read secret " + name + " from Secrets Manager: "
                    + e.getClass().getSimpleName(), e);
        }
        if (value == null) throw new IllegalStateException("Secret " + name + " has no SecretString");
        return new Secret(value);
    }

    @Override
    public String toString() {
        return "SecretResolver[resolved=" + resolved.keySet() + "]";
    }
}
