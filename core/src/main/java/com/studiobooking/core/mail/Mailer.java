package com.studiobooking.core.mail;

/** Sends e-mail: SES in AWS, the outbox locally. */
public interface Mailer {
    void send(Email email);
}
