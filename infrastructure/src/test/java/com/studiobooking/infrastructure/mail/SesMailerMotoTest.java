package com.studiobooking.infrastructure.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.studiobooking.core.mail.Email;
import com.studiobooking.infrastructure.aws.AwsClients;
import com.studiobooking.infrastructure.aws.AwsSettings;
import com.studiobooking.infrastructure.testing.MotoServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * {@link SesMailer} against SES v2 as moto emulates it (server mode, production-built SDK client): the
 * sender identity is created in moto first, the e-mail goes through the adapter, and what moto accepted is
 * read back from its internal state ({@code GET /moto-api/data.json}, models {@code ses.Message}). Unlike
 * the WireMock stub of {@link SesMailerTest}, which answers any request with a message id, moto refuses a
 * sender that is not a verified identity (address or domain), as SES does, with the error SES v2 uses
 * ({@code MessageRejected}).
 *
 * <p>Where moto (5.2.5) differs from SES, the test is named after the difference and says what SES does:
 * moto keeps only the subject, one body (the HTML when there is one, else the text) and the recipients of
 * a simple message, and drops its attachments, charsets and configuration set; it checks the sender but
 * not the recipients (no sandbox); and it takes a created identity as verified. So the .ics attachment and
 * the exact request stay pinned by the WireMock test, and moto cannot show that the MIME SES assembles
 * carries the invite.
 */
class SesMailerMotoTest {
    private static final String ICS = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            + "SUMMARY:Vinyasa cu Ioana Ștefănescu\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SesV2Client ses;

    @BeforeAll
    static void client() {
        AwsSettings aws = new AwsSettings(Region.EU_CENTRAL_1, MotoServer.shared().endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        ses = AwsClients.sesV2(aws);
    }

    @AfterAll
    static void close() {
        ses.close();
    }

    @Test
    void an_email_from_the_verified_sender_arrives_with_its_to_and_cc_recipients_subject_and_body() {
        String domain = uniqueDomain();
        String address = "bookings@" + domain;
        ses.createEmailIdentity(r -> r.emailIdentity(address));

        new SesMailer(ses, "Lotus Yoga <" + address + ">").send(new Email(
                List.of("ana@example.com"), List.of("ioana@example.com"),
                "Rezervare confirmată: Vinyasa", "Te așteptăm!", null, List.of()));

        JsonObject message = onlyMessageFrom(domain);
        assertThat(message.get("source").getAsString()).isEqualTo("Lotus Yoga <" + address + ">");
        assertThat(strings(message.getAsJsonObject("destinations").getAsJsonArray("ToAddresses")))
                .containsExactly("ana@example.com");
        assertThat(strings(message.getAsJsonObject("destinations").getAsJsonArray("CcAddresses")))
                .containsExactly("ioana@example.com");
        assertThat(message.get("subject").getAsString()).isEqualTo("Rezervare confirmată: Vinyasa");
        assertThat(message.get("body").getAsString()).isEqualTo("Te așteptăm!");
    }

    @Test
    void a_verified_domain_lets_any_of_its_addresses_send() {
        String domain = uniqueDomain();
        ses.createEmailIdentity(r -> r.emailIdentity(domain));

        new SesMailer(ses, "Lotus Yoga <no-reply@" + domain + ">")
                .send(Email.to("ana@example.com", "Codul tău de acces", "123456", "<b>123456</b>"));

        JsonObject message = onlyMessageFrom(domain);
        assertThat(strings(message.getAsJsonObject("destinations").getAsJsonArray("ToAddresses")))
                .containsExactly("ana@example.com");
        assertThat(message.getAsJsonObject("destinations").has("CcAddresses")).isFalse();
    }

    @Test
    void an_email_with_an_ics_invite_is_accepted_as_one_simple_message() {
        String domain = uniqueDomain();
        ses.createEmailIdentity(r -> r.emailIdentity(domain));

        new SesMailer(ses, "bookings@" + domain).send(new Email(List.of("ana@example.com"), List.of(),
                "Invitație: Vinyasa", "Invitația e atașată.", null,
                List.of(new Email.Attachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST",
                        ICS.getBytes(StandardCharsets.UTF_8)))));

        JsonObject message = onlyMessageFrom(domain);
        assertThat(message.get("subject").getAsString()).isEqualTo("Invitație: Vinyasa");
        assertThat(message.get("body").getAsString()).isEqualTo("Invitația e atașată.");
    }

    @Test
    void an_unverified_sender_is_refused_with_a_mail_delivery_exception_naming_message_rejected_but_no_address() {
        String domain = uniqueDomain();

        MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                () -> new SesMailer(ses, "Lotus Yoga <bookings@" + domain + ">")
                        .send(Email.to("ana@example.com", "Cod de acces", "123456", null)));

        assertThat(failure).hasMessageStartingWith("SES did not accept the e-mail: MessageRejected (HTTP 400, request id ")
                .hasNoCause();
        StringWriter stackTrace = new StringWriter();
        failure.printStackTrace(new PrintWriter(stackTrace));
        assertThat(stackTrace.toString()).doesNotContain(domain).doesNotContain("ana@example.com")
                .doesNotContain("123456").doesNotContain("Cod de acces");
        assertThat(messagesFrom(domain)).isEmpty();
    }

    @Test
    void a_sender_whose_identity_was_deleted_is_refused_again() {
        String domain = uniqueDomain();
        String address = "bookings@" + domain;
        ses.createEmailIdentity(r -> r.emailIdentity(address));
        SesMailer mailer = new SesMailer(ses, address);
        mailer.send(Email.to("ana@example.com", "Unu", "1", null));

        ses.deleteEmailIdentity(r -> r.emailIdentity(address));

        MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                () -> mailer.send(Email.to("ana@example.com", "Doi", "2", null)));
        assertThat(failure).hasMessageContaining("MessageRejected");
        assertThat(messagesFrom(domain)).singleElement()
                .satisfies(m -> assertThat(m.get("subject").getAsString()).isEqualTo("Unu"));
    }

    // ---------------------------------------------------------------- where moto differs from SES

    @Test
    void moto_keeps_no_trace_of_the_attachments_of_a_simple_message() {
        // SES v2 assembles a multipart/mixed MIME message with the attachment (base64, as SesMailer asks).
        // moto's SendEmail reads only Subject and Html-else-Text of Content.Simple: the attachment, the
        // charsets and the text part when there is an HTML part are dropped, and nothing raw is kept.
        String domain = uniqueDomain();
        ses.createEmailIdentity(r -> r.emailIdentity(domain));

        new SesMailer(ses, "bookings@" + domain).send(new Email(List.of("ana@example.com"), List.of(),
                "Invitație: Vinyasa", "Invitația e atașată.", "<p>Invitația e atașată.</p>",
                List.of(new Email.Attachment("invite.ics", "text/calendar; charset=UTF-8; method=REQUEST",
                        ICS.getBytes(StandardCharsets.UTF_8)))));

        JsonObject message = onlyMessageFrom(domain);
        assertThat(message.get("body").getAsString()).isEqualTo("<p>Invitația e atașată.</p>");
        assertThat(message.keySet()).containsExactlyInAnyOrder("id", "source", "destinations", "subject", "body");
        assertThat(message.toString()).doesNotContain("invite.ics").doesNotContain("VCALENDAR");
    }

    @Test
    void moto_accepts_a_configuration_set_that_does_not_exist() {
        // SES v2: SendEmail with an unknown ConfigurationSetName fails (NotFoundException). moto ignores the
        // field, so a misnamed configuration set is not caught here.
        String domain = uniqueDomain();
        ses.createEmailIdentity(r -> r.emailIdentity(domain));

        new SesMailer(ses, "bookings@" + domain, "no-such-configuration-set-" + UUID.randomUUID())
                .send(Email.to("ana@example.com", "Salut", "Salut", null));

        assertThat(messagesFrom(domain)).hasSize(1);
    }

    @Test
    void moto_delivers_to_recipients_that_are_not_verified_as_if_the_account_were_out_of_the_sandbox() {
        // SES in the sandbox also refuses unverified recipients (MessageRejected: "Email address is not
        // verified. The following identities failed the check ..."); moto checks only the sender. And it lets
        // an identity send as soon as it is created, while its own GetEmailIdentity still answers
        // VerifiedForSendingStatus=false (SES waits for the link in its e-mail, or for DKIM).
        String domain = uniqueDomain();
        ses.createEmailIdentity(r -> r.emailIdentity("bookings@" + domain));
        assertThat(ses.getEmailIdentity(r -> r.emailIdentity("bookings@" + domain)).verifiedForSendingStatus())
                .isFalse();

        new SesMailer(ses, "bookings@" + domain).send(Email.to("unverified-" + UUID.randomUUID() + "@example.org",
                "Salut", "Salut", null));

        assertThat(messagesFrom(domain)).hasSize(1);
    }

    // ---------------------------------------------------------------- moto's state

    private static JsonObject onlyMessageFrom(String domain) {
        Sent sent = sentFrom(domain);
        assertThat(sent.raw()).as("raw messages moto accepted from %s", domain).isEmpty();
        assertThat(sent.simple()).as("messages moto accepted from %s", domain).hasSize(1);
        return sent.simple().get(0);
    }

    private static List<JsonObject> messagesFrom(String domain) {
        return sentFrom(domain).simple();
    }

    /** What moto accepted from addresses of the domain (each test sends from a domain of its own). */
    private record Sent(List<JsonObject> simple, List<JsonObject> raw) {
    }

    /** One read of moto's state: it holds every model of the JVM's tests, so each read costs. */
    private static Sent sentFrom(String domain) {
        JsonObject ses = motoState().getAsJsonObject("ses");
        return new Sent(from(ses, "Message", domain), from(ses, "RawMessage", domain));
    }

    private static List<JsonObject> from(JsonObject ses, String model, String domain) {
        List<JsonObject> found = new ArrayList<>();
        if (ses == null || !ses.has(model)) return found;
        for (JsonElement element : ses.getAsJsonArray(model)) {
            JsonObject message = element.getAsJsonObject();
            if (message.has("source") && message.get("source").getAsString().contains("@" + domain)) found.add(message);
        }
        return found;
    }

    private static JsonObject motoState() {
        URI data = MotoServer.shared().endpoint().resolve("/moto-api/data.json");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(data).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("GET %s", data).isEqualTo(200);
            return JsonParser.parseString(response.body()).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }

    private static String uniqueDomain() {
        return "lotus-" + UUID.randomUUID().toString().substring(0, 13) + ".example";
    }
}
