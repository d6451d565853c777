package com.studiobooking.functions;

import com.studiobooking.core.model.schedule.JobKind;
import com.studiobooking.infrastructure.testing.TestTables;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the instructors' daily digest costs in DynamoDB requests (figures in docs/benchmarks.md), counted at the
 * table the stores use, on moto: the studio, its sessions of the day in one query, its staff in one query, then
 * per instructor with classes a participants query per class and one marker.
 */
class InstructorDigestCostTest {
    private CountingTable counting;

    @Test
    void a_digest_reads_the_studio_the_days_sessions_and_the_staff_then_per_instructor_its_classes_and_one_marker() {
        Api api = new Api(TestTables.Engine.MOTO, table -> counting = CountingTable.withKeys(table));
        String studioId = api.openStudio("ana@example.com");
        String owner = api.signIn(studioId, "ana@example.com");
        String roomId = api.call("admin/post-studios-studioId-locations.json").path("studioId", studioId).token(owner)
                .body(Map.of("name", "Main room", "address", "Str. Lalelelor 3")).send().json().get("locationId").asText();
        for (String[] s : new String[][]{{"Ioana", "2026-11-24T09:00:00+02:00", "2026-11-24T18:00:00+02:00"},
                {"Petra", "2026-11-24T12:00:00+02:00", null}}) {
            String staffId = api.call("admin/post-studios-studioId-staff.json").path("studioId", studioId).token(owner)
                    .body(Map.of("name", s[0], "email", s[0].toLowerCase() + "@example.com")).send().json().get("staffId").asText();
            for (String start : new String[]{s[1], s[2]}) {
                if (start == null) continue;
                assertThat(api.call("admin/post-studios-studioId-sessions.json").path("studioId", studioId).token(owner)
                        .body(Map.of("name", "Flow", "start", start, "durationMinutes", 60, "capacity", 10,
                                "instructorId", staffId, "format", "IN_PERSON", "locationId", roomId,
                                "price", Map.of("amount", 5000, "currency", "RON"), "paymentMethods", List.of("CARD")))
                        .send().status()).isEqualTo(201);
            }
        }
        assertThat(api.call("admin/put-studios-studioId-settings.json").path("studioId", studioId).token(owner)
                .body(Map.of("instructorNotices", Map.of("mode", "DAILY_DIGEST", "digestHour", 7))).send().status())
                .isEqualTo(200);
        api.clock.advance(Duration.between(api.clock.instant(), Instant.parse("2026-11-24T05:00:00Z")));

        List<String> digest = counting.measure(() -> assertThat(api.scheduler.runDue()).isEqualTo(1));

        // 2 instructors, 3 classes: 3 + 3 participant queries + 2 markers
        assertThat(digest).containsExactlyInAnyOrder(
                "GetItem STUDIO#" + studioId + " PROFILE",
                "Query", "Query",
                "Query", "Query", "PutItem STUDIO#" + studioId + "#DIGESTS DIGEST#",
                "Query", "PutItem STUDIO#" + studioId + "#DIGESTS DIGEST#");

        List<String> again = counting.measure(() -> assertThat(api.wiring.jobRunner()
                .run(JobKind.INSTRUCTOR_DIGEST, Map.of("studioId", studioId))).isFalse());
        assertThat(again).as("fired again: the same reads, both markers refused").hasSize(8);
    }
}
