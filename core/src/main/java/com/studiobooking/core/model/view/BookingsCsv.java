package com.studiobooking.core.model.view;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.studio.Location;
import com.studiobooking.core.text.Texts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A studio's bookings of a date range as a CSV file for its accountant (RFC 4180: comma-separated, CRLF
 * lines, quoted where needed), headers and labels in the studio's language, dates and times in its zone
 * (named in the headers), amounts in major units with a point ({@code 250.00}). It starts with a UTF-8
 * byte-order mark so that spreadsheet programs read ă, ș or ț right. A value a spreadsheet would take for
 * a formula (a client typing {@code =HYPERLINK(…)} as their name) is written with a leading apostrophe.
 */
public final class BookingsCsv {
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final char BOM = '\uFEFF';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BookingsCsv() {}

    /** The file's name and text. */
    public record File(String name, String text) {
    }

    /** One column: its header key in the bundle and how a booking fills it. */
    private record Column(String key, Function<Booking, String> value) {
    }

    public static File of(String studioId, LocalDate first, LocalDate last, List<Booking> bookings,
                          List<Location> locations, ZoneId zone, String language) {
        Texts texts = Texts.of("export", language);
        Map<String, String> places = locations.stream().collect(Collectors.toMap(Location::locationId, Location::name));
        List<Column> columns = columns(texts, zone, places);
        StringBuilder csv = new StringBuilder().append(BOM);
        line(csv, columns.stream().map(c -> texts.text(c.key(), "zone", zone.getId())).toList());
        bookings.stream()
                .sorted(Comparator.comparing(Booking::start).thenComparing(Booking::bookingId))
                .forEach(b -> line(csv, columns.stream().map(c -> c.value().apply(b)).toList()));
        return new File("bookings-" + studioId + "-" + DATE.format(first) + "-" + DATE.format(last) + ".csv", csv.toString());
    }

    private static List<Column> columns(Texts texts, ZoneId zone, Map<String, String> places) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("column.reference", Booking::reference));
        columns.add(new Column("column.date", b -> DATE.format(local(b.start(), zone))));
        columns.add(new Column("column.start", b -> TIME.format(local(b.start(), zone))));
        columns.add(new Column("column.end", b -> TIME.format(local(b.end(), zone))));
        columns.add(new Column("column.kind", b -> texts.text("kind." + b.kind().name())));
        columns.add(new Column("column.what", Booking::serviceName));
        columns.add(new Column("column.staff", Booking::staffName));
        columns.add(new Column("column.place", b -> b.isOnlineSeat() ? texts.text("place.online")
                : b.locationId() == null ? "" : places.getOrDefault(b.locationId(), b.locationId())));
        columns.add(new Column("column.client", b -> b.client().name()));
        columns.add(new Column("column.email", b -> b.client().email()));
        columns.add(new Column("column.phone", b -> b.client().phone()));
        columns.add(new Column("column.status", b -> texts.text("status." + b.status().name())));
        columns.add(new Column("column.method", b -> texts.text("method." + b.paymentMethod().name())));
        columns.add(new Column("column.payment", b -> texts.text("payment." + b.paymentStatus().name())));
        columns.add(new Column("column.amount", b -> amount(b.price())));
        columns.add(new Column("column.currency", b -> b.price() == null ? "" : b.price().currency()));
        columns.add(new Column("column.credits", b -> b.walletUse() == null || b.walletUse().credits() == 0 ? ""
                : String.valueOf(b.walletUse().credits())));
        columns.add(new Column("column.attendance", b -> b.attendance() == null ? ""
                : texts.text("attendance." + b.attendance().status().name())));
        columns.add(new Column("column.cancelledAt", b -> b.cancellation() == null ? ""
                : DATE_TIME.format(local(b.cancellation().cancelledAt(), zone))));
        columns.add(new Column("column.cancelledBy", b -> b.cancellation() == null ? ""
                : texts.text("by." + b.cancellation().by().name())));
        columns.add(new Column("column.late", b -> b.cancellation() == null ? ""
                : texts.text(b.cancellation().late() ? "yes" : "no")));
        columns.add(new Column("column.created", b -> DATE_TIME.format(local(b.createdAt(), zone))));
        columns.add(new Column("column.notes", Booking::notes));
        columns.add(new Column("column.bookingId", Booking::bookingId));
        return columns;
    }

    private static ZonedDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone);
    }

    /** Minor units in major units with the currency's decimals and a point: 25000 RON is 250.00. */
    static String amount(Money price) {
        if (price == null || price.amount() == null) return "";
        int digits = Math.max(0, Currency.getInstance(price.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(price.amount(), digits).toPlainString();
    }

    private static void line(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) csv.append(',');
            csv.append(field(values.get(i)));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting, after defusing what a spreadsheet would run as a formula. */
    static String field(String value) {
        if (value == null || value.isEmpty()) return "";
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || !text.equals(text.strip());
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
