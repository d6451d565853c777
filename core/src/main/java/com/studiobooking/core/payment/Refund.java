package com.studiobooking.core.payment;

/** A refund as the provider reports it. */
public record Refund(String refundId, String status) {
}
