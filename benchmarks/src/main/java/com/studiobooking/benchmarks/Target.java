package com.studiobooking.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * What is measured: a handler class, the jar it ships in, and the sample event of one of its routes, filled
 * in with the demo studio (ids, token, a fresh e-mail per run so the sign-in rate limit never short-cuts).
 */
enum Target {
    AUTH("auth", "com.studiobooking.functions.AuthHandler", "auth/post-auth-code.json"),
    ADMIN("admin", "com.studiobooking.functions.AdminHandler", "admin/get-studios-studioId-staff.json"),
    CATALOGUE("catalogue", "com.studiobooking.functions.CatalogueHandler", "catalogue/get-studios-studioId.json"),
    FLOOR("floor", "com.studiobooking.benchmarks.floor.FloorHandler", "catalogue/get-studios-studioId.json"),
    FLOOR_POWERTOOLS("floor-powertools", "com.studiobooking.benchmarks.floor.PowertoolsFloorHandler",
            "catalogue/get-studios-studioId.json");

    final String label;
    final String handlerClass;
    final String eventFile;

    Target(String label, String handlerClass, String eventFile) {
        this.label = label;
        this.handlerClass = handlerClass;
        this.eventFile = eventFile;
    }

    static Target byLabel(String label) {
        for (Target target : values()) {
            if (target.label.equals(label)) return target;
        }
        throw new IllegalArgumentException("unknown target " + label + "; known: auth, admin, catalogue, floor, floor-powertools");
    }

    Path jar(Jars jars) {
        return switch (this) {
            case AUTH, ADMIN, CATALOGUE -> jars.functions();
            case FLOOR -> jars.floor();
            case FLOOR_POWERTOOLS -> jars.floorPowertools();
        };
    }

    /** Fills the sample event in place for invocation number {@code run}. */
    void fill(ObjectNode event, DemoStudio studio, int run) {
        event.put("isBase64Encoded", false);
        if (this == AUTH) {
            event.put("body", "{\"studioId\":\"" + studio.studioId() + "\",\"email\":\"cold-start-" + run + "@example.com\"}");
            return;
        }
        String sampleId = event.path("pathParameters").path("studioId").asText("");
        event.withObject("pathParameters").put("studioId", studio.studioId());
        String rawPath = event.path("rawPath").asText("");
        if (!sampleId.isEmpty()) event.put("rawPath", rawPath.replace(sampleId, studio.studioId()));
        if (this == ADMIN) event.withObject("headers").put("authorization", "Bearer " + studio.staffToken());
    }
}
