package com.studiobooking.core.model.studio;

import java.time.Instant;

/** A tenant: every other record belongs to exactly one studio. */
public record Studio(String studioId, StudioSettings settings, Instant createdAt) {
    public Studio withSettings(StudioSettings changed) {
        return new Studio(studioId, changed, createdAt);
    }
}
