package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;

/**
 * What clients are told about cancelling, the cut-off before the start, and what a cancellation
 * before the cut-off gives back: the money ({@code REFUND}) or studio credits ({@code CREDIT}).
 * After the cut-off nothing is given back.
 */
public record CancellationPolicy(String text, Integer cutoffHours, Refund refund) {
    public enum Refund { REFUND, CREDIT }

    static final CancellationPolicy DEFAULT = new CancellationPolicy(
            "You can cancel free of charge up to 12 hours before the start.", 12, Refund.REFUND);

    CancellationPolicy validated() {
        return new CancellationPolicy(
                Check.text(text, "cancellationPolicy.text", 2000),
                Check.range(cutoffHours, "cancellationPolicy.cutoffHours", 0, 24 * 14),
                refund == null ? Refund.REFUND : refund);
    }
}
