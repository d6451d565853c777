package com.studiobooking.core.model.view;

import com.studiobooking.core.common.Money;
import com.studiobooking.core.model.studio.Appearance;
import com.studiobooking.core.model.studio.BankTransfer;
import com.studiobooking.core.model.studio.BookingLinks;
import com.studiobooking.core.model.studio.BookingPolicy;
import com.studiobooking.core.model.studio.CancellationPolicy;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.Service;
import com.studiobooking.core.model.studio.ServiceFormat;
import com.studiobooking.core.model.studio.Studio;
import com.studiobooking.core.model.studio.StudioCatalog;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.studio.WaitlistPolicy;
import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.text.Languages;
import com.studiobooking.core.text.Texts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What anyone may read about a studio: no staff e-mails, no secrets, and bank details only when
 * bank transfer is enabled. {@code language} is the one the widget speaks (the visitor's choice when
 * we write it, else the studio's), {@code languages} those it may switch to, {@code labels} the
 * widget's texts in {@code language} (English where a text is missing). {@code passTypes} and
 * {@code creditPacks} are what a client may buy by card: empty unless the studio takes cards and,
 * respectively, passes or credits; cheapest first.
 */
public record PublicProfile(String studioId, String name, String timezone, String currency, String locale,
                            List<PaymentMethod> paymentMethods, BankDetails bankTransfer,
                            BookingPolicy bookingPolicy, CancellationPolicy cancellationPolicy,
                            WaitlistPolicy waitlist, Appearance appearance, String bookingLink, List<StaffMember> staff,
                            List<Place> locations, List<Collection> services, String language, List<Languages.Language> languages,
                            Map<String, String> labels, List<PassOffer> passTypes, List<CreditOffer> creditPacks) {

    /** A pass a signed-in client may buy by card: {@code entries} classes within {@code validDays} of buying. */
    public record PassOffer(String passTypeId, String name, int entries, int validDays, Money price) {
    }

    /** A credit pack a signed-in client may buy by card; credits do not expire. */
    public record CreditOffer(String packId, String name, int credits, Money price) {
    }

    /** {@code minHoursBeforeStart}: a transfer is offered only for what starts at least this far ahead. */
    public record BankDetails(String accountName, String iban, String bankName, int dueHours, String instructions,
                              int minHoursBeforeStart) {
    }

    public record StaffMember(String staffId, String name, String bio, String bookingLink) {
    }

    public record Collection(String collection, List<Offer> services) {
    }

    public record Offer(String serviceId, String name, String description, int durationMinutes, Money price,
                        List<String> staffIds, String bookingLink, ServiceFormat format) {
    }

    public record Place(String locationId, String name, String address, boolean online) {
    }

    public static PublicProfile of(StudioCatalog catalog, BookingLinks links, String language) {
        Studio studio = catalog.studio();
        String id = studio.studioId();
        StudioSettings s = studio.settings();
        BankTransfer bank = s.bankTransfer();
        BankDetails bankDetails = bank.isEnabled() && s.accepts(PaymentMethod.BANK_TRANSFER)
                ? new BankDetails(bank.accountName(), bank.iban(), bank.bankName(), bank.dueHours(), bank.instructions(),
                        bank.leadHours())
                : null;
        return new PublicProfile(studio.studioId(), s.name(), s.timezone(), s.currency(), s.locale(),
                s.paymentMethods(), bankDetails, s.bookingPolicy(), s.cancellationPolicy(), s.waitlist(), s.appearance(),
                links.studio(id),
                catalog.staff().stream().map(m -> new StaffMember(m.staffId(), m.name(), m.bio(),
                        links.staff(id, m.staffId()))).toList(),
                catalog.locations().stream().map(l -> new Place(l.locationId(), l.name(), l.address(), l.online())).toList(),
                collections(catalog, links), language, Languages.supported(), Texts.of("widget", language).all(),
                s.accepts(PaymentMethod.CARD) && s.accepts(PaymentMethod.PASS)
                        ? catalog.passTypes().stream().sorted(Comparator.comparing(PassType::price, byAmount()).thenComparing(PassType::name))
                                .map(p -> new PassOffer(p.passTypeId(), p.name(), p.entries(), p.validDays(), p.price())).toList()
                        : List.of(),
                s.accepts(PaymentMethod.CARD) && s.accepts(PaymentMethod.CREDITS)
                        ? catalog.creditPacks().stream().sorted(Comparator.comparing(CreditPack::price, byAmount()).thenComparing(CreditPack::name))
                                .map(c -> new CreditOffer(c.packId(), c.name(), c.credits(), c.price())).toList()
                        : List.of());
    }

    private static Comparator<Money> byAmount() {
        return Comparator.comparingLong(Money::amount);
    }

    /** Bookable services grouped by collection, collections and services by name; unnamed last. */
    private static List<Collection> collections(StudioCatalog catalog, BookingLinks links) {
        Map<String, List<Offer>> groups = new LinkedHashMap<>();
        catalog.services().stream().filter(Service::bookableOnline)
                .sorted(Comparator.comparing((Service sv) -> sv.collection() == null)
                        .thenComparing(sv -> sv.collection() == null ? "" : sv.collection()).thenComparing(Service::name))
                .forEach(sv -> groups.computeIfAbsent(sv.collection() == null ? "" : sv.collection(), k -> new ArrayList<>())
                        .add(new Offer(sv.serviceId(), sv.name(), sv.description(), sv.durationMinutes(), sv.price(),
                                sv.staffIds(), links.service(catalog.studio().studioId(), sv.serviceId()), sv.format())));
        return groups.entrySet().stream()
                .map(e -> new Collection(e.getKey().isEmpty() ? null : e.getKey(), List.copyOf(e.getValue()))).toList();
    }
}
