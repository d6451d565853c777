package com.studiobooking.core.model.view;

import com.studiobooking.core.common.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookingsCsvTest {

    @Test
    void values_are_quoted_as_rfc_4180_says_and_formulas_are_written_as_text() {
        assertThat(BookingsCsv.field(null)).isEmpty();
        assertThat(BookingsCsv.field("Maria Popescu")).isEqualTo("Maria Popescu");
        assertThat(BookingsCsv.field("Sala mare, etaj 1")).isEqualTo("\"Sala mare, etaj 1\"");
        assertThat(BookingsCsv.field("Maria \"Mia\"")).isEqualTo("\"Maria \"\"Mia\"\"\"");
        assertThat(BookingsCsv.field("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(BookingsCsv.field(" padded ")).isEqualTo("\" padded \"");
        assertThat(BookingsCsv.field("=1+1")).isEqualTo("'=1+1");
        assertThat(BookingsCsv.field("+40 722 000 111")).isEqualTo("'+40 722 000 111");
        assertThat(BookingsCsv.field("-2")).isEqualTo("'-2");
        assertThat(BookingsCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(BookingsCsv.field("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }

    @Test
    void amounts_are_in_major_units_with_the_currency_decimals() {
        assertThat(BookingsCsv.amount(new Money(25050L, "RON"))).isEqualTo("250.50");
        assertThat(BookingsCsv.amount(new Money(5L, "EUR"))).isEqualTo("0.05");
        assertThat(BookingsCsv.amount(new Money(150000L, "JPY"))).isEqualTo("150000");
        assertThat(BookingsCsv.amount(null)).isEmpty();
    }
}
