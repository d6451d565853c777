package com.studiobooking.functions;

import com.studiobooking.core.usecase.book.SlotLookup;
import com.studiobooking.core.usecase.setup.SessionSetup;
import com.studiobooking.core.usecase.setup.StudioSetup;
import com.studiobooking.functions.http.Response;
import com.studiobooking.functions.http.Routes;

import java.util.Map;

/** The public catalogue ("slots" function): the studio profile, sessions and free slots, read without signing in. */
public final class CatalogueHandler extends HttpFunction {
    private final Routes routes;

    public CatalogueHandler() {
        this(Wiring.production());
        Priming.register(Priming.catalogue(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public CatalogueHandler(Wiring wiring) {
        StudioSetup setup = wiring.studioSetup();
        SlotLookup slots = wiring.slotLookup();
        SessionSetup sessions = wiring.sessionSetup();
        routes = new Routes(wiring::requestEnded)
                .on("GET /studios/{studioId}", r -> Response.ok(setup.publicProfile(r.path("studioId"), r.query("lang"))))
                .on("GET /studios/{studioId}/slots", r -> Response.ok(slots.slots(r.path("studioId"),
                        new SlotLookup.SlotRequest(r.query("serviceId"), r.query("staffId"), r.query("locationId"),
                                r.query("from"), r.query("to"), r.query("timezone")))))
                .on("GET /studios/{studioId}/sessions", r -> Response.ok(Map.of("sessions",
                        sessions.published(r.path("studioId"), r.query("from"), r.query("to"), r.query("cancelled")))));
    }

    @Override
    protected Routes routes() {
        return routes;
    }
}
