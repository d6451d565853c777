package com.studiobooking.infrastructure.mail;

/**
 * An e-mail could not be handed to the mail service. The message names the failure (error code,
 * HTTP status, request id) but never a recipient, a subject or a body, so it is safe to log.
 */
public class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
