package com.studiobooking.infrastructure.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

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
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES client from {@link AwsClients} against LocalStack, a second emulator beside moto. Skipped
 * (not failed) where no Docker engine is available. DynamoDB is not tested here: LocalStack's DynamoDB
 * runs DynamoDB Local inside its image, whose licence is not open source; the DynamoDB adapter is
 * tested on moto (docs/decisions/storage-engines.md).
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIntegrationTest {
    // 4.14.0 is the last community release; later images refuse to start without LOCALSTACK_AUTH_TOKEN.
    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.14.0"))
                    .withServices(Service.SES);

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
}
