package com.studiobooking.infrastructure.payment;

import java.util.regex.Pattern;

import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;

/**
 * Stripe refused or could not complete a request. The message says what was asked and what Stripe
 * answered (HTTP status, error type and code, request id, Stripe's message) and never contains an
 * API key: Stripe's own text is scrubbed, and the SDK exception is not kept as the cause.
 */
public final class PaymentProviderException extends RuntimeException {
    private static final Pattern API_KEY = Pattern.compile("\\b(sk|rk|pk|whsec)_[A-Za-z0-9_*]+");

    private final Integer statusCode;
    private final String type;
    private final String code;

    PaymentProviderException(String action, StripeException e) {
        super(describe(action, e));
        StripeError error = e.getStripeError();
        this.statusCode = e.getStatusCode();
        this.type = error == null ? null : error.getType();
        this.code = e.getCode();
    }

    /** The local checkout refusing a request the way Stripe would. */
    PaymentProviderException(String message, int statusCode, String type, String code) {
        super(message);
        this.statusCode = statusCode;
        this.type = type;
        this.code = code;
    }

    /** The HTTP status Stripe answered with; null when no answer arrived (network failure). */
    public Integer statusCode() { return statusCode; }

    /** Stripe's error type: {@code card_error}, {@code invalid_request_error}, {@code api_error}, … */
    public String type() { return type; }

    /** Stripe's error code, e.g. {@code card_declined}, {@code charge_already_refunded}; may be null. */
    public String code() { return code; }

    private static String describe(String action, StripeException e) {
        StripeError error = e.getStripeError();
        StringBuilder out = new StringBuilder("Stripe ").append(action).append(" failed");
        if (e.getStatusCode() != null) out.append(": HTTP ").append(e.getStatusCode());
        if (error != null && error.getType() != null) out.append(' ').append(error.getType());
        if (e.getCode() != null) out.append(", code ").append(e.getCode());
        if (error != null && error.getDeclineCode() != null) out.append(", decline code ").append(error.getDeclineCode());
        if (error != null && error.getParam() != null) out.append(", param ").append(error.getParam());
        if (e.getRequestId() != null) out.append(", request ").append(e.getRequestId());
        String message = error != null && error.getMessage() != null ? error.getMessage()
                : e.getClass().getSimpleName() + " " + e.getMessage();
        return out.append(": ").append(scrub(message)).toString();
    }

    static String scrub(String text) {
        return API_KEY.matcher(text).replaceAll("$1_****");
    }
}
