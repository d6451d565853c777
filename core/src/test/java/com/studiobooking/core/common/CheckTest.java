package com.studiobooking.core.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CheckTest {
    @Test
    void dates_and_date_times_from_2000_to_2100_are_read() {
        assertThat(Check.date("2000-01-01", "from")).isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(Check.date("2100-12-31", "to")).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(Check.dateTime("2026-12-01T09:00:00+02:00", "start")).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(Check.dateTime("2100-12-31T23:59:59Z", "start")).isEqualTo(Instant.parse("2100-12-31T23:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31", "-0001-12-31"})
    void a_date_outside_2000_to_2100_is_refused_naming_the_field(String date) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> Check.date(date, "from"));

        assertThat(refused).as(date).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).isEqualTo("from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "0000-12-01T09:00:00+02:00", "1999-12-31T23:59:59Z",
            "2101-01-01T00:00:00Z", "+99999-12-31T23:59:59Z", "-999999999-01-01T00:00:00+18:00",
            "+999999999-12-31T23:59:59-18:00", "2000-01-01T00:30:00+01:00"})
    void a_date_time_outside_2000_to_2100_is_refused_naming_the_field(String dateTime) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> Check.dateTime(dateTime, "start"));

        assertThat(refused).as(dateTime).isNotNull();
        assertThat(refused.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(refused.field()).isEqualTo("start");
    }

    @Test
    void an_id_has_our_shape() {
        assertThat(Check.id("st_demo-1", "studioId")).isEqualTo("st_demo-1");
        for (String id : new String[]{"a".repeat(65), "..", "a/b", "\u00e9", "a b", ""}) {
            assertThat(catchThrowableOfType(DomainException.class, () -> Check.id(id, "serviceId")).field()).isEqualTo("serviceId");
        }
        assertThat(Ids.wellFormed(Ids.next("bk"))).isTrue();
        assertThat(Ids.wellFormed("a".repeat(64))).isTrue();
        assertThat(Ids.wellFormed("a".repeat(65))).isFalse();
        assertThat(Ids.wellFormed(null)).isFalse();
    }
}
