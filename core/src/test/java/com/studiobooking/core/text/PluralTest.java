package com.studiobooking.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CLDR's plural categories for whole numbers in the languages we write. */
class PluralTest {
    @Test
    void romanian_has_three_forms() {
        assertThat(Plural.category("ro", 1)).isEqualTo("one");
        for (long few : new long[]{0, 2, 5, 19, 101, 119, 1001}) assertThat(Plural.category("ro", few)).as("%d", few).isEqualTo("few");
        for (long other : new long[]{20, 21, 100, 120, 1000}) assertThat(Plural.category("ro", other)).as("%d", other).isEqualTo("other");
    }

    @Test
    void english_has_one_and_other_and_indonesian_one_form() {
        assertThat(Plural.category("en", 1)).isEqualTo("one");
        assertThat(Plural.category("en", 0)).isEqualTo("other");
        assertThat(Plural.category("en", 2)).isEqualTo("other");
        assertThat(Plural.category("id", 1)).isEqualTo("other");
        assertThat(Plural.category("id", 20)).isEqualTo("other");
    }

    @Test
    void texts_pick_the_form_and_fill_the_count() {
        Texts ro = Texts.of("mail", "ro");
        assertThat(ro.plural("cutoff.hours", 1)).isEqualTo("1 oră");
        assertThat(ro.plural("cutoff.hours", 2)).isEqualTo("2 ore");
        assertThat(ro.plural("cutoff.hours", 20)).isEqualTo("20 de ore");
        assertThat(ro.plural("payment.credits", 101)).isEqualTo("101 credite");
        assertThat(Texts.of("mail", "id").plural("payment.credits", 3)).isEqualTo("3 kredit");
        assertThat(Texts.of("mail", "en").plural("payment.credits", 1)).isEqualTo("1 credit");
    }

    @Test
    void languages_come_from_tags_and_unknown_ones_fall_back_to_english() {
        assertThat(Languages.forTag("ro-RO")).isEqualTo("ro");
        assertThat(Languages.forTag("id")).isEqualTo("id");
        assertThat(Languages.forTag("tlh")).isEqualTo("en");
        assertThat(Languages.forTag(null)).isEqualTo("en");
    }
}
