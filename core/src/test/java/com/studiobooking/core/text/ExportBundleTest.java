package com.studiobooking.core.text;

import com.studiobooking.core.model.booking.Attendance;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.studio.PaymentMethod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bookings CSV export's bundle: the same keys in every language, and a label for every value it writes. */
class ExportBundleTest {

    @Test
    void every_language_has_every_header_and_every_label_the_file_can_hold() {
        List<String> keys = new ArrayList<>(List.of("place.online", "yes", "no"));
        for (Booking.Kind v : Booking.Kind.values()) keys.add("kind." + v);
        for (BookingStatus v : BookingStatus.values()) keys.add("status." + v);
        for (PaymentMethod v : PaymentMethod.values()) keys.add("method." + v);
        for (PaymentStatus v : PaymentStatus.values()) keys.add("payment." + v);
        for (Attendance.Status v : Attendance.Status.values()) keys.add("attendance." + v);
        for (Cancellation.By v : Cancellation.By.values()) keys.add("by." + v);
        Map<String, String> english = Texts.read("export", Languages.ENGLISH);
        assertThat(english).containsKeys(keys.toArray(String[]::new));
        for (Languages.Language language : Languages.supported()) {
            Map<String, String> bundle = Texts.read("export", language.code());
            assertThat(bundle.keySet()).as(language.code()).containsExactlyInAnyOrderElementsOf(english.keySet());
            assertThat(bundle.values()).as(language.code()).allSatisfy(text -> assertThat(text).isNotBlank());
        }
        assertThat(String.join("\n", Texts.read("export", "ro").values())).doesNotContain("ş", "ţ", "Ş", "Ţ");
    }
}
