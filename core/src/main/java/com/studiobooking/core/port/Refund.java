package com.studiobooking.core.port;

/** A refund as the provider reports it. */
public record Refund(String refundId, String status) {
}
