package com.studiobooking.core.usecase.book;

import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.view.BookingsCsv;
import com.studiobooking.core.port.BookingStore;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.text.Languages;

import java.time.ZoneId;

/**
 * Staff download the studio's bookings of a date range as CSV (what accountants ask for): every booking
 * starting in those days, cancelled ones included, in the language asked for or the studio's.
 */
public final class BookingExport {
    private final StudioStore studios;
    private final BookingStore bookings;

    public BookingExport(StudioStore studios, BookingStore bookings) {
        this.studios = studios;
        this.bookings = bookings;
    }

    public BookingsCsv.File bookings(Caller caller, String studioId, String from, String to, String language) {
        caller.requireStaffOf(studioId);
        StudioCatalog catalog = studios.catalogOf(studioId);
        ZoneId zone = ZoneId.of(catalog.studio().settings().timezone());
        StaffDateRange days = StaffDateRange.of(from, to, zone);
        String chosen = Languages.choice(language, "lang");
        String lang = chosen != null ? chosen : Languages.forTag(catalog.studio().settings().locale());
        return BookingsCsv.of(studioId, days.first(), days.last(), bookings.bookingsStartingIn(studioId, days.time()),
                catalog.locations(), zone, lang);
    }
}
