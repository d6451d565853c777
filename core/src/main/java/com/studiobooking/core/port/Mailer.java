package com.studiobooking.core.port;

import com.studiobooking.core.mail.Email;

/** Sends e-mail: SES in AWS, the outbox locally. */
public interface Mailer {
    void send(Email email);
}
