package com.studiobooking.infrastructure.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.studiobooking.core.mail.Email;
import com.studiobooking.core.port.Mailer;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends e-mail through SES v2 {@code SendEmail} as a simple message. SES v2 accepts attachments on
 * simple messages, so an .ics invite needs no hand-built MIME: SES assembles the multipart message.
 */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String sender;
    private final String configurationSet;

    public SesMailer(SesV2Client ses, String sender) {
        this(ses, sender, null);
    }

    /** @param configurationSet SES configuration set for event publishing, or null for none */
    public SesMailer(SesV2Client ses, String sender, String configurationSet) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    @Override
    public void send(Email email) {
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(sender)
                .destination(destination(email))
                .content(content -> content.simple(message(email)))
                .configurationSetName(configurationSet)
                .build();
        try {
            ses.sendEmail(request);
        } catch (AwsServiceException e) {
            // Not chained: SES error messages can quote the addresses (e.g. "identities failed the check: …").
            throw new MailDeliveryException("SES did not accept the e-mail: " + errorCode(e)
                    + " (HTTP " + e.statusCode() + ", request id " + e.requestId() + ")", null);
        } catch (SdkException e) {
            throw new MailDeliveryException("Could not reach SES: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? "unknown error" : e.awsErrorDetails().errorCode();
    }

    private static Destination destination(Email email) {
        Destination.Builder destination = Destination.builder().toAddresses(email.to());
        if (!email.cc().isEmpty()) destination.ccAddresses(email.cc());
        return destination.build();
    }

    private static Message message(Email email) {
        Body.Builder body = Body.builder();
        if (email.text() != null) body.text(utf8(email.text()));
        if (email.html() != null) body.html(utf8(email.html()));
        Message.Builder message = Message.builder().subject(utf8(email.subject())).body(body.build());
        if (!email.attachments().isEmpty()) message.attachments(attachments(email.attachments()));
        return message.build();
    }

    private static List<Attachment> attachments(List<Email.Attachment> attachments) {
        return attachments.stream()
                .map(a -> Attachment.builder()
                        .fileName(a.filename())
                        .contentType(a.contentType())
                        .contentDisposition(AttachmentContentDisposition.ATTACHMENT)
                        // SES defaults to 7bit, which would mangle non-ASCII text such as names in an .ics
                        .contentTransferEncoding(AttachmentContentTransferEncoding.BASE64)
                        .rawContent(SdkBytes.fromByteArray(a.content()))
                        .build())
                .toList();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}
