package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudioSettingsTest {
    private final StudioSettings initial = StudioSettings.initial("Lotus Yoga", "Europe/Bucharest", "RON", "ro");

    @Test
    void a_new_studio_starts_with_sensible_defaults() {
        assertThat(initial.paymentMethods()).containsExactly(PaymentMethod.CARD);
        assertThat(initial.bankTransfer().isEnabled()).isFalse();
        assertThat(initial.bookingPolicy()).isEqualTo(new BookingPolicy(60, 60));
        assertThat(initial.cancellationPolicy().cutoffHours()).isEqualTo(12);
        assertThat(initial.missingLinkReminderHours()).isEqualTo(24);
    }

    @Test
    void a_change_replaces_only_the_sections_it_names() {
        StudioSettings changed = initial.changedBy(new StudioSettings(null, "America/New_York", null, null, null,
                null, new BookingPolicy(30, 14), null, null, null));

        assertThat(changed.timezone()).isEqualTo("America/New_York");
        assertThat(changed.bookingPolicy()).isEqualTo(new BookingPolicy(30, 14));
        assertThat(changed.name()).isEqualTo("Lotus Yoga");
        assertThat(changed.cancellationPolicy()).isEqualTo(initial.cancellationPolicy());
    }

    @Test
    void enabling_bank_transfer_adds_the_method_and_disabling_removes_it() {
        StudioSettings on = initial.changedBy(bank(new BankTransfer(true, "Lotus SRL", "ro49 aaaa 1b31 0075 9384 0000", null, null, null)));
        assertThat(on.paymentMethods()).containsExactly(PaymentMethod.CARD, PaymentMethod.BANK_TRANSFER);
        assertThat(on.bankTransfer().iban()).isEqualTo("RO49AAAA1B31007593840000");
        assertThat(on.bankTransfer().dueHours()).isEqualTo(48);

        StudioSettings off = on.changedBy(bank(new BankTransfer(false, null, null, null, null, null)));
        assertThat(off.paymentMethods()).containsExactly(PaymentMethod.CARD);
    }

    @Test
    void bank_transfer_needs_an_account_with_a_valid_iban() {
        assertField(() -> initial.changedBy(bank(new BankTransfer(true, null, "RO49AAAA1B31007593840000", null, null, null))),
                "bankTransfer.accountName");
        assertField(() -> initial.changedBy(bank(new BankTransfer(true, "X", "RO48AAAA1B31007593840000", null, null, null))),
                "bankTransfer.iban");
        assertField(() -> initial.changedBy(new StudioSettings(null, null, null, null,
                List.of(PaymentMethod.BANK_TRANSFER), null, null, null, null, null)), "paymentMethods");
    }

    @Test
    void values_are_checked_field_by_field() {
        assertField(() -> StudioSettings.initial("", "Europe/Bucharest", "RON", "ro"), "name");
        assertField(() -> StudioSettings.initial("X", "Europe/Nowhere", "RON", "ro"), "timezone");
        assertField(() -> StudioSettings.initial("X", "Europe/Bucharest", "LEI", "ro"), "currency");
        assertField(() -> StudioSettings.initial("X", "Europe/Bucharest", "RON", "not a tag!"), "locale");
        assertField(() -> initial.changedBy(new StudioSettings(null, null, null, null, null, null,
                new BookingPolicy(-1, 10), null, null, null)), "bookingPolicy.minNoticeMinutes");
        assertField(() -> initial.changedBy(new StudioSettings(null, null, null, null, null, null, null, null, null,
                new Appearance("purple", null, null))), "appearance.color");
        assertField(() -> initial.changedBy(new StudioSettings(null, null, null, null, List.of(PaymentMethod.FREE),
                null, null, null, null, null)), "paymentMethods");
    }

    @Test
    void a_no_show_forfeits_nothing_until_the_owner_says_so() {
        assertThat(initial.noShowPolicy().forfeits()).isFalse();

        StudioSettings forfeiting = initial.changedBy(noShow(new NoShowPolicy(true)));
        assertThat(forfeiting.noShowPolicy().forfeits()).isTrue();
        assertThat(forfeiting.changedBy(noShow(null)).noShowPolicy().forfeits()).as("an absent section is kept").isTrue();
        assertThat(forfeiting.changedBy(noShow(new NoShowPolicy(false))).noShowPolicy().forfeits()).isFalse();
        assertField(() -> initial.changedBy(noShow(new NoShowPolicy(null))), "noShowPolicy.forfeit");
    }

    @Test
    void the_waitlist_is_off_until_the_owner_turns_it_on_and_closes_an_hour_before_by_default() {
        assertThat(initial.waitlist().isEnabled()).isFalse();

        StudioSettings on = initial.changedBy(waitlist(new WaitlistPolicy(true, null)));
        assertThat(on.waitlist()).isEqualTo(new WaitlistPolicy(true, 60));
        assertThat(on.changedBy(waitlist(null)).waitlist().isEnabled()).as("an absent section is kept").isTrue();
        assertThat(on.changedBy(waitlist(new WaitlistPolicy(true, 0))).waitlist().closesMinutesBefore()).isZero();
        assertField(() -> initial.changedBy(waitlist(new WaitlistPolicy(null, 60))), "waitlist.enabled");
        assertField(() -> initial.changedBy(waitlist(new WaitlistPolicy(true, -1))), "waitlist.closesMinutesBefore");
        assertField(() -> initial.changedBy(waitlist(new WaitlistPolicy(true, WaitlistPolicy.MOST_MINUTES_BEFORE + 1))),
                "waitlist.closesMinutesBefore");
    }

    @Test
    void instructors_hear_nothing_about_class_bookings_until_the_studio_chooses_how() {
        assertThat(initial.instructorNotices().mode()).isEqualTo(InstructorNotices.Mode.NONE);

        StudioSettings digest = initial.changedBy(notices(new InstructorNotices(InstructorNotices.Mode.DAILY_DIGEST, null)));
        assertThat(digest.instructorNotices()).isEqualTo(new InstructorNotices(InstructorNotices.Mode.DAILY_DIGEST, 7));
        assertThat(digest.changedBy(notices(null)).instructorNotices().mode()).isEqualTo(InstructorNotices.Mode.DAILY_DIGEST);
        assertField(() -> initial.changedBy(notices(new InstructorNotices(null, 7))), "instructorNotices.mode");
        assertField(() -> initial.changedBy(notices(new InstructorNotices(InstructorNotices.Mode.DAILY_DIGEST, 24))),
                "instructorNotices.digestHour");
    }

    private static StudioSettings waitlist(WaitlistPolicy policy) {
        return new StudioSettings(null, null, null, null, null, null, null, null, null, null, null, null, policy, null);
    }

    private static StudioSettings notices(InstructorNotices notices) {
        return new StudioSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, notices);
    }

    private static StudioSettings noShow(NoShowPolicy policy) {
        return new StudioSettings(null, null, null, null, null, null, null, null, null, null, null, policy, null, null);
    }

    @Test
    void client_reminders_are_off_until_the_owner_turns_them_on_and_keep_their_hours() {
        assertThat(initial.clientReminders()).isEqualTo(new ClientReminders(false, List.of(24)));
        assertThat(initial.clientReminders().activeHours()).isEmpty();

        StudioSettings on = initial.changedBy(reminders(new ClientReminders(true, null)));
        assertThat(on.clientReminders().activeHours()).containsExactly(24);
        StudioSettings several = on.changedBy(reminders(new ClientReminders(true, List.of(2, 48, 24))));
        assertThat(several.clientReminders().hoursBefore()).as("earliest first").containsExactly(48, 24, 2);
        assertThat(several.changedBy(new StudioSettings(null, "Europe/London", null, null, null, null, null, null, null,
                null)).clientReminders()).isEqualTo(several.clientReminders());
        StudioSettings off = several.changedBy(reminders(new ClientReminders(false, List.of())));
        assertThat(off.clientReminders().activeHours()).isEmpty();
    }

    @Test
    void client_reminder_hours_are_one_to_a_week_before_at_most_three_and_never_repeated() {
        assertField(() -> initial.changedBy(reminders(new ClientReminders(null, List.of(24)))), "clientReminders.enabled");
        assertField(() -> initial.changedBy(reminders(new ClientReminders(true, List.of()))), "clientReminders.hoursBefore");
        assertField(() -> initial.changedBy(reminders(new ClientReminders(true, List.of(1, 2, 3, 4)))),
                "clientReminders.hoursBefore");
        assertField(() -> initial.changedBy(reminders(new ClientReminders(true, List.of(24, 0)))),
                "clientReminders.hoursBefore[1]");
        assertField(() -> initial.changedBy(reminders(new ClientReminders(true, List.of(169)))),
                "clientReminders.hoursBefore[0]");
        assertField(() -> initial.changedBy(reminders(new ClientReminders(true, List.of(24, 2, 24)))),
                "clientReminders.hoursBefore[2]");
        assertThat(initial.changedBy(reminders(new ClientReminders(true, List.of(1, 168)))).clientReminders()
                .hoursBefore()).containsExactly(168, 1);
    }

    private static StudioSettings reminders(ClientReminders reminders) {
        return new StudioSettings(null, null, null, null, null, null, null, null, null, null, reminders, null, null, null);
    }

    private static StudioSettings bank(BankTransfer bank) {
        return new StudioSettings(null, null, null, null, null, bank, null, null, null, null);
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
