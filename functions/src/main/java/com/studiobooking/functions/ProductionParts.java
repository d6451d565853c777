package com.studiobooking.functions;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The Lambda environment's adapters: provisional until the AWS adapters land. */
final class ProductionParts {
    private ProductionParts() {}

    static Wiring wiring() {
        String table = System.getenv("TABLE_NAME");
        return new Wiring(
                () -> DynamoDbClient.builder().region(Region.of(System.getenv("AWS_REGION")))
                        .httpClient(UrlConnectionHttpClient.create()).build(),
                table,
                () -> { throw new IllegalStateException("mail not wired"); },
                () -> System.getenv("TOKEN_SECRET"),
                Clock.systemUTC());
    }
}
