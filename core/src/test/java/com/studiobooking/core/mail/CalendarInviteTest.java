package com.studiobooking.core.mail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarInviteTest {
    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static CalendarInvite invite(CalendarInvite.Method method, int sequence, ZoneId zone, String start,
                                         String end) {
        return new CalendarInvite(method, "bk1@studio-booking", sequence, Instant.parse("2026-11-23T10:00:00.123Z"),
                zone, Instant.parse(start), Instant.parse(end), "Massage with Ioana", "Main room, Str. Lalelelor 3",
                "Massage with Ioana at Lotus Yoga.\nReference: LY-7K3Q",
                new CalendarInvite.Person("Lotus Yoga", "ioana@example.com"),
                new CalendarInvite.Person("Maria Popescu", "maria@example.com"));
    }

    private static CalendarInvite massage(String start, String end) {
        return invite(CalendarInvite.Method.REQUEST, 0, BUCHAREST, start, end);
    }

    private static List<String> lines(CalendarInvite invite) {
        return Arrays.asList(unfold(invite.text()).split("\r\n"));
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }

    @Test
    void an_invite_is_a_calendar_with_the_studio_zone_and_one_event() {
        assertThat(massage("2026-12-01T07:00:00Z", "2026-12-01T08:00:00Z").text()).isEqualTo(String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Studio Booking//EN",
                "METHOD:REQUEST",
                "BEGIN:VTIMEZONE",
                "TZID:Europe/Bucharest",
                "BEGIN:DAYLIGHT",
                "TZOFFSETFROM:+0200",
                "TZOFFSETTO:+0300",
                "DTSTART:19700329T030000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "TZOFFSETFROM:+0300",
                "TZOFFSETTO:+0200",
                "DTSTART:19701025T040000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
                "END:STANDARD",
                "END:VTIMEZONE",
                "BEGIN:VEVENT",
                "UID:bk1@studio-booking",
                "DTSTAMP:20261123T100000Z",
                "DTSTART;TZID=Europe/Bucharest:20261201T090000",
                "DTEND;TZID=Europe/Bucharest:20261201T100000",
                "SEQUENCE:0",
                "STATUS:CONFIRMED",
                "SUMMARY:Massage with Ioana",
                "LOCATION:Main room\\, Str. Lalelelor 3",
                "DESCRIPTION:Massage with Ioana at Lotus Yoga.\\nReference: LY-7K3Q",
                "ORGANIZER;CN=Lotus Yoga:mailto:ioana@example.com",
                "ATTENDEE;CN=Maria Popescu;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE",
                " :mailto:maria@example.com",
                "END:VEVENT",
                "END:VCALENDAR",
                ""));
    }

    @Test
    void start_and_end_are_wall_clock_times_in_the_studio_zone() {
        assertThat(lines(massage("2026-12-01T07:00:00Z", "2026-12-01T08:30:00Z"))).contains(
                "DTSTART;TZID=Europe/Bucharest:20261201T090000", "DTEND;TZID=Europe/Bucharest:20261201T103000");
        // summer time: UTC+3
        assertThat(lines(massage("2026-07-01T06:00:00Z", "2026-07-01T07:00:00Z"))).contains(
                "DTSTART;TZID=Europe/Bucharest:20260701T090000", "DTEND;TZID=Europe/Bucharest:20260701T100000");
    }

    @Test
    void nine_o_clock_in_new_york_stays_nine_o_clock_on_both_sides_of_a_clock_change() {
        // clocks go back on Sunday 1 Nov 2026: 09:00 is 13:00Z on Friday and 14:00Z on Monday
        assertThat(lines(invite(CalendarInvite.Method.REQUEST, 0, NEW_YORK, "2026-10-30T13:00:00Z", "2026-10-30T14:00:00Z")))
                .contains("DTSTART;TZID=America/New_York:20261030T090000", "DTEND;TZID=America/New_York:20261030T100000");
        assertThat(lines(invite(CalendarInvite.Method.REQUEST, 0, NEW_YORK, "2026-11-02T14:00:00Z", "2026-11-02T15:00:00Z")))
                .contains("DTSTART;TZID=America/New_York:20261102T090000", "DTEND;TZID=America/New_York:20261102T100000");
        // clocks go forward on Sunday 8 Mar 2026
        assertThat(lines(invite(CalendarInvite.Method.REQUEST, 0, NEW_YORK, "2026-03-06T14:00:00Z", "2026-03-06T15:00:00Z")))
                .contains("DTSTART;TZID=America/New_York:20260306T090000");
        assertThat(lines(invite(CalendarInvite.Method.REQUEST, 0, NEW_YORK, "2026-03-09T13:00:00Z", "2026-03-09T14:00:00Z")))
                .contains("DTSTART;TZID=America/New_York:20260309T090000");
        // an appointment across the change: 01:00 EDT to 03:00 EST is three real hours
        assertThat(lines(invite(CalendarInvite.Method.REQUEST, 0, NEW_YORK, "2026-11-01T05:00:00Z", "2026-11-01T08:00:00Z")))
                .contains("DTSTART;TZID=America/New_York:20261101T010000", "DTEND;TZID=America/New_York:20261101T030000");
    }

    @Test
    void the_second_pass_through_a_repeated_hour_is_written_in_utc() {
        // 01:30 happens twice on 1 Nov 2026 in New York; a TZID time would mean the first (EDT) one
        assertThat(lines(invite(CalendarInvite.Method.REQUEST, 0, NEW_YORK, "2026-11-01T05:30:00Z", "2026-11-01T05:50:00Z")))
                .contains("DTSTART;TZID=America/New_York:20261101T013000", "DTEND;TZID=America/New_York:20261101T015000");
        assertThat(lines(invite(CalendarInvite.Method.REQUEST, 0, NEW_YORK, "2026-11-01T06:30:00Z", "2026-11-01T07:30:00Z")))
                .contains("DTSTART:20261101T063000Z", "DTEND;TZID=America/New_York:20261101T023000");
    }

    @Test
    void a_cancel_has_the_same_uid_a_higher_sequence_and_cancelled_status() {
        List<String> request = lines(invite(CalendarInvite.Method.REQUEST, 0, BUCHAREST, "2026-12-01T07:00:00Z", "2026-12-01T08:00:00Z"));
        List<String> cancel = lines(invite(CalendarInvite.Method.CANCEL, 1, BUCHAREST, "2026-12-01T07:00:00Z", "2026-12-01T08:00:00Z"));

        assertThat(request).contains("METHOD:REQUEST", "STATUS:CONFIRMED", "SEQUENCE:0", "UID:bk1@studio-booking");
        assertThat(cancel).contains("METHOD:CANCEL", "STATUS:CANCELLED", "SEQUENCE:1", "UID:bk1@studio-booking");
    }

    @Test
    void the_attachment_is_invite_ics_in_utf8_with_the_method_in_its_content_type() {
        Email.Attachment request = massage("2026-12-01T07:00:00Z", "2026-12-01T08:00:00Z").attachment();
        Email.Attachment cancel = invite(CalendarInvite.Method.CANCEL, 1, BUCHAREST, "2026-12-01T07:00:00Z",
                "2026-12-01T08:00:00Z").attachment();

        assertThat(request.filename()).isEqualTo("invite.ics");
        assertThat(request.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
        assertThat(cancel.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
        assertThat(new String(request.content(), StandardCharsets.UTF_8))
                .isEqualTo(massage("2026-12-01T07:00:00Z", "2026-12-01T08:00:00Z").text());
    }

    @Test
    void every_line_ends_in_crlf_and_none_is_longer_than_75_octets() {
        String longText = "Ședință de masaj terapeutic 🧘 cu Ioana; adu un prosop, apă și haine comode. ".repeat(6);
        CalendarInvite invite = new CalendarInvite(CalendarInvite.Method.REQUEST, "bk1@studio-booking", 0,
                Instant.parse("2026-11-23T10:00:00Z"), BUCHAREST, Instant.parse("2026-12-01T07:00:00Z"),
                Instant.parse("2026-12-01T08:00:00Z"), longText, null, longText, null,
                new CalendarInvite.Person("Maria Popescu", "maria@example.com"));
        String ics = invite.text();

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(lines(invite)).contains("SUMMARY:" + CalendarInvite.escapeText(longText),
                "DESCRIPTION:" + CalendarInvite.escapeText(longText));
    }

    @Test
    void folding_breaks_between_characters_and_continues_with_a_space() {
        String exactly75 = "DESCRIPTION:" + "a".repeat(63);
        assertThat(CalendarInvite.fold(exactly75)).isEqualTo(exactly75);
        assertThat(CalendarInvite.fold(exactly75 + "b")).isEqualTo(exactly75 + "\r\n b");

        // 74 octets, then a two-octet ș that would make 76: it moves whole to the next line
        String before = "DESCRIPTION:" + "a".repeat(62);
        assertThat(CalendarInvite.fold(before + "șb")).isEqualTo(before + "\r\n șb");
        // a four-octet emoji is never split either, and continuation lines hold 74 octets after the space
        String folded = CalendarInvite.fold("X:" + "🧘".repeat(40));
        assertThat(folded.split("\r\n")).extracting(l -> l.getBytes(StandardCharsets.UTF_8).length)
                .containsExactly(74, 73, 17);
        assertThat(folded.replace("\r\n ", "")).isEqualTo("X:" + "🧘".repeat(40));
    }

    @Test
    void text_values_escape_backslash_semicolon_comma_and_line_breaks() {
        assertThat(CalendarInvite.escapeText("Room 1, floor 2; ask at desk \\ back\nline 2\r\nline 3\rline 4"))
                .isEqualTo("Room 1\\, floor 2\\; ask at desk \\\\ back\\nline 2\\nline 3\\nline 4");
        assertThat(CalendarInvite.escapeText("tab\tkept, bell\u0007 dropped")).isEqualTo("tab\tkept\\, bell  dropped");
    }

    @Test
    void names_in_parameters_are_quoted_when_needed_and_cannot_break_a_line() {
        CalendarInvite invite = new CalendarInvite(CalendarInvite.Method.REQUEST, "bk1@studio-booking", 0,
                Instant.parse("2026-11-23T10:00:00Z"), BUCHAREST, Instant.parse("2026-12-01T07:00:00Z"),
                Instant.parse("2026-12-01T08:00:00Z"), "Massage", null, null,
                new CalendarInvite.Person("Lotus Yoga, Bucharest", "ioana@example.com"),
                new CalendarInvite.Person("Eve \"E\"\r\nX-INJECTED:1", "eve@example.com"));

        assertThat(lines(invite)).contains("ORGANIZER;CN=\"Lotus Yoga, Bucharest\":mailto:ioana@example.com",
                        "ATTENDEE;CN=\"Eve E  X-INJECTED:1\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:eve@example.com")
                .noneMatch(line -> line.startsWith("X-INJECTED"));
    }

    @Test
    void a_zone_given_as_an_offset_is_quoted_where_it_names_the_zone() {
        CalendarInvite invite = invite(CalendarInvite.Method.REQUEST, 0, ZoneId.of("+02:00"), "2026-12-01T07:00:00Z",
                "2026-12-01T08:00:00Z");
        assertThat(lines(invite)).contains("TZID:+02:00", "DTSTART;TZID=\"+02:00\":20261201T090000");
    }

    @Test
    void an_invite_must_end_after_it_starts() {
        assertThatThrownBy(() -> massage("2026-12-01T08:00:00Z", "2026-12-01T08:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
