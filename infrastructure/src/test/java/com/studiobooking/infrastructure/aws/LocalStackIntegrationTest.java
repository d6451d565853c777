package com.studiobooking.infrastructure.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.mail.SesMailer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The clients from {@link AwsClients} against LocalStack: SES and DynamoDB behind one endpoint.
 * Skipped (not failed) where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIntegrationTest {
    // 4.14.0 is the last community release; later images refuse to start without LOCALSTACK_AUTH_TOKEN.
    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"))
                    .withServices(Service.DYNAMODB, Service.SES);

    private static AwsSettings settings() {
        return new AwsSettings(Region.of(LOCALSTACK.getRegion()), LOCALSTACK.getEndpoint(),
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())));
    }

    @Test
    void an_email_sent_through_ses_mailer_arrives_in_localstacks_outbox() throws Exception {
        String sender = "bookings@lotus.example";
        try (SesV2Client ses = AwsClients.sesV2(settings())) {
            ses.createEmailIdentity(r -> r.emailIdentity(sender));

            new SesMailer(ses, sender).send(new Email(List.of("ana@example.com"), List.of("ioana@example.com"),
                    "Rezervare confirmată: Vinyasa", "Te așteptăm!", "<p>Te așteptăm!</p>", List.of()));
        }

        HttpResponse<String> outbox = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(LOCALSTACK.getEndpoint() + "/_aws/ses")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(outbox.statusCode()).isEqualTo(200);
        assertThat(outbox.body()).contains(sender).contains("ana@example.com").contains("ioana@example.com")
                .contains("Rezervare confirmat").contains("Te a");
    }

    @Test
    void an_item_round_trips_through_the_dynamodb_client() {
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(settings())) {
            dynamo.createTable(r -> r.tableName("studio-booking")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                    .keySchema(
                            k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE)));
            dynamo.waiter().waitUntilTableExists(r -> r.tableName("studio-booking"));

            Map<String, AttributeValue> key = Map.of(
                    "pk", AttributeValue.fromS("STUDIO#s-1"), "sk", AttributeValue.fromS("PROFILE"));
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put("name", AttributeValue.fromS("Lotus Yoga"));
            dynamo.putItem(r -> r.tableName("studio-booking").item(item));

            assertThat(dynamo.getItem(r -> r.tableName("studio-booking").key(key).consistentRead(true)).item())
                    .isEqualTo(item);
        }
    }
}
