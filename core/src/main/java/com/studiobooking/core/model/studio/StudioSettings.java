package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Everything an owner configures about the studio. As a change request every field is optional:
 * a present section replaces the stored one, an absent one is kept ({@link #changedBy}).
 */
public record StudioSettings(String name, String timezone, String currency, String locale,
                             List<PaymentMethod> paymentMethods, BankTransfer bankTransfer,
                             BookingPolicy bookingPolicy, CancellationPolicy cancellationPolicy,
                             Integer missingLinkReminderHours, Appearance appearance,
                             ClientReminders clientReminders, NoShowPolicy noShowPolicy, WaitlistPolicy waitlist,
                             InstructorNotices instructorNotices) {

    /** Settings (or a change) that say nothing about client reminders, no-shows, waitlists or instructor notices. */
    public StudioSettings(String name, String timezone, String currency, String locale,
                          List<PaymentMethod> paymentMethods, BankTransfer bankTransfer,
                          BookingPolicy bookingPolicy, CancellationPolicy cancellationPolicy,
                          Integer missingLinkReminderHours, Appearance appearance) {
        this(name, timezone, currency, locale, paymentMethods, bankTransfer, bookingPolicy, cancellationPolicy,
                missingLinkReminderHours, appearance, null, null, null, null);
    }

    public static StudioSettings initial(String name, String timezone, String currency, String locale) {
        return new StudioSettings(name, timezone, currency, locale, List.of(PaymentMethod.CARD),
                BankTransfer.DISABLED, BookingPolicy.DEFAULT, CancellationPolicy.initial(locale), 24, Appearance.DEFAULT,
                ClientReminders.DEFAULT, NoShowPolicy.DEFAULT, WaitlistPolicy.DEFAULT, InstructorNotices.DEFAULT).validated();
    }

    public StudioSettings changedBy(StudioSettings change) {
        return new StudioSettings(
                pick(change.name, name), pick(change.timezone, timezone), pick(change.currency, currency),
                pick(change.locale, locale),
                change.paymentMethods == null && change.bankTransfer != null
                        ? withBankTransferMethod(paymentMethods, change.bankTransfer.isEnabled())
                        : pick(change.paymentMethods, paymentMethods),
                pick(change.bankTransfer, bankTransfer), pick(change.bookingPolicy, bookingPolicy),
                pick(change.cancellationPolicy, cancellationPolicy),
                pick(change.missingLinkReminderHours, missingLinkReminderHours), pick(change.appearance, appearance),
                pick(change.clientReminders, clientReminders), pick(change.noShowPolicy, noShowPolicy),
                pick(change.waitlist, waitlist), pick(change.instructorNotices, instructorNotices))
                .validated();
    }

    public StudioSettings validated() {
        List<PaymentMethod> methods = List.copyOf(new LinkedHashSet<>(Check.required(paymentMethods, "paymentMethods")));
        if (methods.contains(PaymentMethod.FREE)) {
            throw DomainException.invalid("paymentMethods", "FREE is set per service or session, not for the studio");
        }
        BankTransfer bank = (bankTransfer == null ? BankTransfer.DISABLED : bankTransfer).validated();
        if (methods.contains(PaymentMethod.BANK_TRANSFER) && !bank.isEnabled()) {
            throw DomainException.invalid("paymentMethods", "BANK_TRANSFER needs bankTransfer.enabled with account details");
        }
        if (bank.isEnabled() && !methods.contains(PaymentMethod.BANK_TRANSFER)) {
            methods = withBankTransferMethod(methods, true);
        }
        return new StudioSettings(
                Check.text(name, "name", 120), Check.timezone(timezone, "timezone"),
                Check.currency(currency, "currency"), Check.locale(locale, "locale"), methods, bank,
                Check.required(bookingPolicy, "bookingPolicy").validated(),
                Check.required(cancellationPolicy, "cancellationPolicy").validated(),
                Check.range(missingLinkReminderHours, "missingLinkReminderHours", 0, 24 * 14),
                (appearance == null ? Appearance.DEFAULT : appearance).validated(),
                (clientReminders == null ? ClientReminders.DEFAULT : clientReminders).validated(),
                (noShowPolicy == null ? NoShowPolicy.DEFAULT : noShowPolicy).validated(),
                (waitlist == null ? WaitlistPolicy.DEFAULT : waitlist).validated(),
                (instructorNotices == null ? InstructorNotices.DEFAULT : instructorNotices).validated());
    }

    public boolean accepts(PaymentMethod method) {
        return paymentMethods.contains(method);
    }

    private static List<PaymentMethod> withBankTransferMethod(List<PaymentMethod> methods, boolean enabled) {
        List<PaymentMethod> result = new ArrayList<>(methods);
        result.remove(PaymentMethod.BANK_TRANSFER);
        if (enabled) result.add(PaymentMethod.BANK_TRANSFER);
        return List.copyOf(result);
    }

    private static <T> T pick(T changed, T current) {
        return changed != null ? changed : current;
    }
}
