package com.studiobooking.core.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One appointment as an iCalendar (RFC 5545) invite that mail clients offer to add to a calendar.
 * Times are written as wall-clock times in the studio's zone with a VTIMEZONE for it
 * ({@link CalendarTimeZone}), so the calendar shows the time the studio means whatever zone the
 * reader is in. A cancel keeps the UID and carries a higher {@code sequence}. {@code stamp} (DTSTAMP)
 * comes from the booking, not the clock, so the same booking always gives the same invite.
 * {@code location}, {@code description} and {@code organizer} may be null.
 */
public record CalendarInvite(Method method, String uid, int sequence, Instant stamp, ZoneId zone, Instant start,
                             Instant end, String summary, String location, String description, Person organizer,
                             Person attendee) {

    public static final String FILENAME = "invite.ics";

    public enum Method {
        REQUEST("CONFIRMED"), CANCEL("CANCELLED"),
        /** A file the client keeps (the manage page's "Add to calendar"): no reply expected. */
        PUBLISH("CONFIRMED");

        private final String status;

        Method(String status) { this.status = status; }
    }

    /** The UID of a booking's event: its request, its updates and its cancel all carry it. */
    public static String bookingUid(String bookingId) {
        return bookingId + "@studio-booking";
    }

    /** Someone with an e-mail address: the organizer or an attendee. */
    public record Person(String name, String email) {
    }

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public CalendarInvite {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(attendee, "attendee");
        if (!end.isAfter(start)) throw new IllegalArgumentException("the invite must end after it starts");
        if (sequence < 0) throw new IllegalArgumentException("sequence must not be negative");
    }

    /** The .ics text: folded lines, each ending in CRLF. */
    public String text() {
        List<String> lines = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Studio Booking//EN",
                "METHOD:" + method.name()));
        lines.addAll(CalendarTimeZone.lines(zone, start));
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + escapeText(uid));
        lines.add("DTSTAMP:" + UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS)));
        lines.add("DTSTART" + dateTime(start));
        lines.add("DTEND" + dateTime(end));
        lines.add("SEQUENCE:" + sequence);
        lines.add("STATUS:" + method.status);
        if (summary != null) lines.add("SUMMARY:" + escapeText(summary));
        if (location != null) lines.add("LOCATION:" + escapeText(location));
        if (description != null) lines.add("DESCRIPTION:" + escapeText(description));
        if (organizer != null && organizer.email() != null) {
            lines.add("ORGANIZER" + commonName(organizer) + ":" + mailto(organizer.email()));
        }
        lines.add("ATTENDEE" + commonName(attendee) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:"
                + mailto(attendee.email()));
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");
        StringBuilder out = new StringBuilder();
        for (String line : lines) out.append(fold(line)).append("\r\n");
        return out.toString();
    }

    /** The invite as the {@value #FILENAME} attachment, with the method in its content type as iTIP asks. */
    public Email.Attachment attachment() {
        return new Email.Attachment(FILENAME, "text/calendar; charset=UTF-8; method=" + method.name(),
                text().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code ;TZID=zone:wall-clock}. A wall-clock time that occurs twice (the hour repeated when
     * clocks go back) means its first occurrence in iCalendar, so the second one is written in UTC.
     */
    private String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!local.withEarlierOffsetAtOverlap().toInstant().equals(instant)) {
            return ":" + UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
        }
        return ";TZID=" + paramValue(zone.getId()) + ":" + CalendarTimeZone.LOCAL.format(local);
    }

    private static String commonName(Person person) {
        return person.name() == null || person.name().isBlank() ? "" : ";CN=" + paramValue(person.name());
    }

    private static String mailto(String email) {
        return "mailto:" + withoutControls(email).replaceAll("\\s", "");
    }

    /** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
    static String escapeText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                }
                default -> out.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** A parameter value: quoted when it holds {@code : ; ,}; a double quote cannot appear in one at all. */
    static String paramValue(String value) {
        String clean = withoutControls(value).replace("\"", "");
        return clean.matches(".*[:;,].*") ? "\"" + clean + "\"" : clean;
    }

    private static String withoutControls(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }

    /**
     * Folds a content line so that no physical line exceeds 75 octets of UTF-8 (RFC 5545 3.1).
     * Breaks fall between code points, never inside a multi-byte character; a continuation starts
     * with one space, which counts towards its 75.
     */
    static String fold(String line) {
        StringBuilder out = new StringBuilder(line.length() + line.length() / 60 * 3);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) return 1;
        if (codePoint < 0x800) return 2;
        if (codePoint < 0x10000) return 3;
        return 4;
    }
}
