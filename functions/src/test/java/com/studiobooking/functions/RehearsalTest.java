package com.studiobooking.functions;

import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.view.BookingView;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SnapStart's rehearsal studio: made through the use cases on its own in-memory table, its e-mails and schedules
 * built by the SDK's own clients and answered in the process (never sent), its card checkouts answered in the process.
 * Each function's rehearsed requests and their answers are checked by {@link PrimingTest}.
 */
class RehearsalTest {

    @Test
    void the_studio_is_open_and_bookable_and_its_mail_and_schedules_never_leave_the_process() {
        Rehearsal rehearsal = Rehearsal.open(StripePriming::verifier);

        assertThat(rehearsal.wiring.studioSetup().publicProfile(rehearsal.studioId, "en")).isNotNull();
        Caller owner = new Caller(rehearsal.studioId, "owner", Role.OWNER);
        assertThat(rehearsal.wiring.bookings().list(owner, rehearsal.studioId, Rehearsal.day(0), Rehearsal.day(6)))
                .extracting(BookingView::bookingId).containsExactly(rehearsal.bookingId);
        // the appointment's confirmation went to SES's client, the online class's missing-link reminder to Scheduler's
        List<String> requests = rehearsal.unsent.requests();
        assertThat(requests).anyMatch(r -> r.startsWith("POST /v2/email/outbound-emails"));
        assertThat(requests).anyMatch(r -> r.startsWith("POST /schedules/"));
        // and the DynamoDB adapter's writes went to the end on DynamoDB's client: a put, an update, a transaction
        assertThat(requests).filteredOn(r -> r.startsWith("POST / DynamoDB")).containsExactly("POST / DynamoDB_20120810.PutItem",
                "POST / DynamoDB_20120810.UpdateItem", "POST / DynamoDB_20120810.TransactWriteItems");

        Rehearsal.CardCheckout card = rehearsal.bookClassByCard("card@rehearsal.invalid");
        assertThat(card.request().studioId()).isEqualTo(rehearsal.studioId);
        assertThat(rehearsal.checkouts).hasSize(2).endsWith(card);
    }

    @Test
    void setting_the_class_link_e_mails_its_paid_participant_through_the_unsent_client() throws Exception {
        Rehearsal rehearsal = Rehearsal.open(null);
        long sent = rehearsal.unsent.requests().stream().filter(r -> r.startsWith("POST /v2/email/outbound-emails")).count();

        byte[] event = Priming.event("PUT /studios/{studioId}/sessions/{sessionId}/online-access",
                Map.of("studioId", rehearsal.studioId, "sessionId", rehearsal.sessionId), Map.of(),
                "{\"link\":\"https://rehearsal.invalid/j/2\"}", Map.of("authorization", "Bearer " + rehearsal.ownerToken));
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        new LinkReleaseHandler(rehearsal.wiring).handleRequest(new ByteArrayInputStream(event), answer, null);

        assertThat(answer.toString(StandardCharsets.UTF_8)).contains("\"statusCode\":200");
        assertThat(rehearsal.unsent.requests().stream().filter(r -> r.startsWith("POST /v2/email/outbound-emails")).count())
                .as("the participant's link e-mail").isEqualTo(sent + 1);
    }

    @Test
    void a_rehearsal_that_fails_is_an_outcome_not_an_exception_out_of_the_checkpoint_hook() {
        List<Priming.Outcome> outcomes = Priming.rehearse(new Priming.Rehearsing(wiring -> {
            throw new IllegalStateException("a handler that cannot be built");
        }, rehearsal -> List.of()));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.asExpected()).isFalse();
            assertThat(o.request()).isEqualTo("rehearsal failed: IllegalStateException");
        });
    }

    @Test
    void two_rehearsals_share_nothing() {
        Rehearsal one = Rehearsal.open(null);
        Rehearsal two = Rehearsal.open(null);
        assertThat(one.studioId).isNotEqualTo(two.studioId);
        assertThat(one.ownerToken).isNotEqualTo(two.ownerToken);
        assertThatThrownBy(() -> one.wiring.studioSetup().publicProfile(two.studioId, "en"))
                .isInstanceOf(DomainException.class);
    }
}
