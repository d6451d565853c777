package com.studiobooking.core.model.slots;

import java.time.Instant;

/** A bookable time: the appointment itself (without buffers), who delivers it and where. */
public record Slot(Instant start, Instant end, String staffId, String locationId) {
}
