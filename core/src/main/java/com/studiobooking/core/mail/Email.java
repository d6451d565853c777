package com.studiobooking.core.mail;

import java.util.List;

/** One message to send: plain text and HTML bodies and optional attachments (e.g. an .ics invite). */
public record Email(List<String> to, List<String> cc, String subject, String text, String html,
                    List<Attachment> attachments) {
    public Email {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Email to(String recipient, String subject, String text, String html) {
        return new Email(List.of(recipient), List.of(), subject, text, html, List.of());
    }

    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
