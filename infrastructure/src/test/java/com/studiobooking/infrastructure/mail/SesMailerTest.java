package com.studiobooking.infrastructure.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.WireMockAws;

import software.amazon.awssdk.services.sesv2.SesV2Client;

class SesMailerTest {
    private static final String SENDER = "Lotus Yoga <bookings@lotus.example>";
    private static final String ICS = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            + "SUMMARY:Vinyasa cu Ioana Ștefănescu\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private SesV2Client ses;

    @BeforeEach
    void start() {
        wireMock.start();
        ses = AwsClients.sesV2(WireMockAws.settings(wireMock));
        wireMock.stubFor(post("/v2/email/outbound-emails").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"MessageId\":\"m-1\"}")));
    }

    @AfterEach
    void stop() {
        ses.close();
        wireMock.stop();
    }

    @Test
    void an_email_is_sent_as_a_simple_utf8_message_with_to_and_cc_from_the_sender() {
        new SesMailer(ses, SENDER, "studio-booking").send(new Email(
                List.of("ana@example.com"), List.of("ioana@example.com"),
                "Rezervare confirmată: Vinyasa", "Te așteptăm!", "<p>Te așteptăm!</p>", List.of()));

        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/email/outbound-emails"))
                .withHeader("Authorization", matching(".*/eu-central-1/ses/aws4_request.*"))
                .withRequestBody(equalToJson("""
                        {
                          "FromEmailAddress": "Lotus Yoga <bookings@lotus.example>",
                          "Destination": {
                            "ToAddresses": ["ana@example.com"],
                            "CcAddresses": ["ioana@example.com"]
                          },
                          "Content": {
                            "Simple": {
                              "Subject": {"Data": "Rezervare confirmată: Vinyasa", "Charset": "UTF-8"},
                              "Body": {
                                "Text": {"Data": "Te așteptăm!", "Charset": "UTF-8"},
                                "Html": {"Data": "<p>Te așteptăm!</p>", "Charset": "UTF-8"}
                              }
                            }
                          },
                          "ConfigurationSetName": "studio-booking"
                        }""")));
    }

    @Test
    void an_ics_invite_travels_as_a_base64_attachment_of_the_simple_message() {
        new SesMailer(ses, SENDER).send(new Email(List.of("ana@example.com"), List.of(),
                "Invitație: Vinyasa", "Invitația e atașată.", null,
                List.of(new Email.Attachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST",
                        ICS.getBytes(StandardCharsets.UTF_8)))));

        String rawContent = Base64.getEncoder().encodeToString(ICS.getBytes(StandardCharsets.UTF_8));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/email/outbound-emails")).withRequestBody(equalToJson("""
                {
                  "FromEmailAddress": "Lotus Yoga <bookings@lotus.example>",
                  "Destination": {"ToAddresses": ["ana@example.com"]},
                  "Content": {
                    "Simple": {
                      "Subject": {"Data": "Invitație: Vinyasa", "Charset": "UTF-8"},
                      "Body": {"Text": {"Data": "Invitația e atașată.", "Charset": "UTF-8"}},
                      "Attachments": [{
                        "FileName": "invite.ics",
                        "ContentType": "text/calendar; charset=UTF-8; method=REQUEST",
                        "ContentDisposition": "ATTACHMENT",
                        "ContentTransferEncoding": "BASE64",
                        "RawContent": "%s"
                      }]
                    }
                  }
                }""".formatted(rawContent))));
    }

    @Test
    void a_rejected_email_fails_with_the_ses_error_code_but_without_any_address() {
        wireMock.stubFor(post("/v2/email/outbound-emails").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "MessageRejected")
                .withHeader("x-amzn-RequestId", "req-42")
                .withBody("{\"message\":\"Email address is not verified. The following identities failed "
                        + "the check in region EU-CENTRAL-1: bookings@lotus.example, ana@example.com\"}")));

        MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                () -> new SesMailer(ses, SENDER).send(Email.to("ana@example.com", "Cod de acces", "123456", null)));

        assertThat(failure).hasMessageContaining("MessageRejected").hasMessageContaining("400")
                .hasMessageContaining("req-42");
        StringWriter stackTrace = new StringWriter();
        failure.printStackTrace(new PrintWriter(stackTrace));
        assertThat(stackTrace.toString()).doesNotContain("example").doesNotContain("123456")
                .doesNotContain("Cod de acces");
    }
}
