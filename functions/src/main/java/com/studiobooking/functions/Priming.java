package com.studiobooking.functions;

import com.studiobooking.core.usecase.book.Bookings;
import com.studiobooking.functions.http.Json;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.Map;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function, run the JSON
 * paths every request takes (strict request parsing, error and response writing), so their classes
 * are loaded and linked in the snapshot instead of on the first request after a restore. Nothing
 * here calls AWS: a snapshot must not hold connections. Outside SnapStart the hook never runs.
 */
final class Priming implements Resource {
    private static final Priming INSTANCE = new Priming();

    private Priming() {}

    /** Registers once per execution environment (handlers share it). */
    static void register() {
        Core.getGlobalContext().register(INSTANCE);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reconnect: clients are built lazily or reconnect on use
    }

    static void prime() {
        Bookings.BookingRequest request = Json.read("{\"sessionId\":\"ss_priming\",\"paymentMethod\":\"CARD\","
                + "\"client\":{\"name\":\"Priming\",\"email\":\"priming@example.com\"}}", Bookings.BookingRequest.class);
        Json.write(Map.of("error", Map.of("code", "PRIMING", "message", "priming", "field", "body")));
        Json.write(request);
    }
}
