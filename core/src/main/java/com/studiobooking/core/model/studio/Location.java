package com.studiobooking.core.model.studio;

import java.time.Instant;

/** Where sessions and appointments happen: a room with an address, or online. */
public record Location(String locationId, String name, String address, boolean online, String notes, Instant createdAt) {
}
