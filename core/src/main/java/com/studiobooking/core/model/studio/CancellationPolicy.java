package com.studiobooking.core.model.studio;

import com.studiobooking.core.text.Languages;
import com.studiobooking.core.text.Texts;

import com.studiobooking.core.common.Check;

/**
 * What clients are told about cancelling, the cut-off before the start, and what a cancellation
 * before the cut-off gives back: the money ({@code REFUND}) or studio credits ({@code CREDIT}).
 * After the cut-off nothing is given back.
 */
public record CancellationPolicy(String text, Integer cutoffHours, Refund refund) {
    public enum Refund { REFUND, CREDIT }

    private static final int DEFAULT_CUTOFF_HOURS = 12;

    /** A new studio's policy: free cancellation up to 12 hours before the start, said in the studio's language. */
    static CancellationPolicy initial(String locale) {
        String text = Texts.of("mail", Languages.forTag(locale)).plural("policy.default", DEFAULT_CUTOFF_HOURS);
        return new CancellationPolicy(text, DEFAULT_CUTOFF_HOURS, Refund.REFUND);
    }

    CancellationPolicy validated() {
        return new CancellationPolicy(
                Check.text(text, "cancellationPolicy.text", 2000),
                Check.range(cutoffHours, "cancellationPolicy.cutoffHours", 0, 24 * 14),
                refund == null ? Refund.REFUND : refund);
    }
}
