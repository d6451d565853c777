/**
 * What core needs from outside, implemented in {@code infrastructure/}: the stores, {@code Mailer},
 * {@code Scheduler}, {@code PaymentGateway} and webhook verification, tokens, the payment-event log
 * and the staff write fence.
 */
package com.studiobooking.core.port;
