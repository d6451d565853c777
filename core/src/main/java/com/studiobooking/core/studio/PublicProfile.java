package com.studiobooking.core.studio;

import java.util.List;

/**
 * What anyone may read about a studio: no staff e-mails, no secrets, and bank details only when
 * bank transfer is enabled.
 */
public record PublicProfile(String studioId, String name, String timezone, String currency, String locale,
                            List<PaymentMethod> paymentMethods, BankDetails bankTransfer,
                            BookingPolicy bookingPolicy, CancellationPolicy cancellationPolicy,
                            Appearance appearance, List<StaffMember> staff, List<Place> locations) {

    public record BankDetails(String accountName, String iban, String bankName, int dueHours, String instructions) {
    }

    public record StaffMember(String staffId, String name, String bio) {
    }

    public record Place(String locationId, String name, String address, boolean online) {
    }

    static PublicProfile of(Studio studio, List<Staff> staff, List<Location> locations) {
        StudioSettings s = studio.settings();
        BankTransfer bank = s.bankTransfer();
        BankDetails bankDetails = bank.isEnabled() && s.accepts(PaymentMethod.BANK_TRANSFER)
                ? new BankDetails(bank.accountName(), bank.iban(), bank.bankName(), bank.dueHours(), bank.instructions())
                : null;
        return new PublicProfile(studio.studioId(), s.name(), s.timezone(), s.currency(), s.locale(),
                s.paymentMethods(), bankDetails, s.bookingPolicy(), s.cancellationPolicy(), s.appearance(),
                staff.stream().map(m -> new StaffMember(m.staffId(), m.name(), m.bio())).toList(),
                locations.stream().map(l -> new Place(l.locationId(), l.name(), l.address(), l.online())).toList());
    }
}
