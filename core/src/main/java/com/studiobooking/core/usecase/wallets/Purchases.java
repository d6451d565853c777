package com.studiobooking.core.usecase.wallets;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.studio.PaymentMethod;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.wallet.Pass;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.model.wallet.Purchase;
import com.studiobooking.core.model.wallet.WalletEntry;
import com.studiobooking.core.port.Checkout;
import com.studiobooking.core.port.CheckoutRequest;
import com.studiobooking.core.port.ClientDirectory;
import com.studiobooking.core.port.PaymentGateway;
import com.studiobooking.core.port.PurchaseStore;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.port.WalletStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A signed-in client buys a pass or a credit pack by card: a checkout like a booking's; the webhook's
 * payment fills the wallet exactly once (the purchase's state change and the wallet change are one
 * transaction).
 */
public final class Purchases {
    private static final Duration CHECKOUT = Duration.ofMinutes(30);

    private final StudioStore studios;
    private final WalletStore wallets;
    private final PurchaseStore purchases;
    private final ClientDirectory clients;
    private final PaymentGateway gateway;
    private final String returnUrl;
    private final Clock clock;

    public Purchases(StudioStore studios, WalletStore wallets, PurchaseStore purchases, ClientDirectory clients,
                     PaymentGateway gateway, String returnUrl, Clock clock) {
        this.studios = studios;
        this.wallets = wallets;
        this.purchases = purchases;
        this.clients = clients;
        this.gateway = gateway;
        this.returnUrl = returnUrl;
        this.clock = clock;
    }

    public record PurchaseRequest(String passTypeId, String packId) {
    }

    public record PurchaseView(String purchaseId, Purchase.Kind kind, String name, com.studiobooking.core.common.Money price,
                               Purchase.Status status, NextAction nextAction) {
        public record NextAction(String type, String url) {
        }
    }

    /**
     * Opens a card checkout for a pass or a credit pack. With an {@code idempotencyKey} (the widget sends one per
     * "Buy" click) the purchase's id is derived from the client and the key, so a repeated or concurrent request
     * finds the same purchase and the same checkout (the provider is asked with the same key and the same
     * parameters) instead of opening a second one; the same key for another item is refused.
     */
    public PurchaseView buy(Caller caller, String studioId, PurchaseRequest request, String idempotencyKey) {
        if (caller.isAnonymous()) throw DomainException.unauthenticated("sign in to buy a pass or credits");
        caller.requireMemberOf(studioId);
        if (caller.role() != Role.CLIENT) throw DomainException.forbidden("clients buy passes and credits; staff grant them");
        Check.required(request, "body");
        String purchaseId = idempotencyKey == null ? Ids.next("pu") : Ids.derived("pu", studioId, caller.subject(),
                Check.idempotencyKey(idempotencyKey));
        StudioSettings settings = studios.settingsOf(studioId);
        if (!settings.accepts(PaymentMethod.CARD)) {
            throw DomainException.policy("PAYMENT_METHOD_NOT_ACCEPTED", "the studio does not take cards", null);
        }
        Purchase draft;
        String email = clients.find(studioId, caller.subject()).orElseThrow(() -> DomainException.notFound("client")).email();
        Instant now = clock.instant();
        if ((request.passTypeId() == null) == (request.packId() == null)) {
            throw DomainException.invalid("passTypeId", "give either passTypeId or packId");
        }
        if (request.passTypeId() != null) {
            if (!settings.accepts(PaymentMethod.PASS)) {
                throw DomainException.policy("PAYMENT_METHOD_NOT_ACCEPTED", "the studio does not take passes", "passTypeId");
            }
            PassType type = wallets.findPassType(studioId, Check.id(request.passTypeId(), "passTypeId"))
                    .orElseThrow(() -> DomainException.invalid("passTypeId", "is not a pass type of this studio"));
            draft = new Purchase(purchaseId, studioId, caller.subject(), email, Purchase.Kind.PASS, type.passTypeId(),
                    type.name(), type.price(), Purchase.Status.AWAITING_PAYMENT, null, null, null, null, now);
        } else {
            if (!settings.accepts(PaymentMethod.CREDITS)) {
                throw DomainException.policy("PAYMENT_METHOD_NOT_ACCEPTED", "the studio does not take credits", "packId");
            }
            CreditPack pack = wallets.findCreditPack(studioId, Check.id(request.packId(), "packId"))
                    .orElseThrow(() -> DomainException.invalid("packId", "is not a credit pack of this studio"));
            draft = new Purchase(purchaseId, studioId, caller.subject(), email, Purchase.Kind.CREDITS, pack.packId(),
                    pack.name(), pack.price(), Purchase.Status.AWAITING_PAYMENT, null, null, null, null, now);
        }
        Purchase purchase = draft;
        if (!purchases.create(draft)) {
            purchase = purchases.find(purchaseId).orElseThrow(() -> new IllegalStateException("purchase " + purchaseId + " vanished"));
            if (purchase.kind() != draft.kind() || !purchase.itemId().equals(draft.itemId())) {
                throw DomainException.policy("IDEMPOTENCY_KEY_REUSED",
                        "this Idempotency-Key was used for a different purchase", "Idempotency-Key");
            }
            if (purchase.checkoutUrl() != null || purchase.status() != Purchase.Status.AWAITING_PAYMENT) return view(purchase);
        }
        return view(openCheckout(purchase, settings));
    }

    /**
     * The purchase's checkout. Everything sent to the provider follows from the stored purchase (its expiry from
     * {@code createdAt}), so a concurrent repeat asks with the same idempotency key and the same parameters and
     * gets the same checkout back.
     */
    private Purchase openCheckout(Purchase purchase, StudioSettings settings) {
        String studioId = purchase.studioId();
        String back = returnUrl + (returnUrl.contains("?") ? "&" : "?") + "studio=" + studioId + "&purchase=" + purchase.purchaseId();
        Checkout checkout = gateway.createCheckout(new CheckoutRequest(purchase.purchaseId(), studioId, purchase.price(),
                purchase.name() + " — " + settings.name(), purchase.clientEmail(), back + "&paid=1", back + "&cancelled=1",
                purchase.createdAt().plus(CHECKOUT), "checkout-" + purchase.purchaseId()));
        Purchase open = purchase.with(Purchase.Status.AWAITING_PAYMENT, checkout.checkoutId(), checkout.url(), checkout.expiresAt(), null);
        purchases.attachCheckout(open);
        return open;
    }

    public boolean isPurchase(String reference) {
        return reference.startsWith("pu_");
    }

    /**
     * The card payment arrived: the pass or credits land in the wallet, once. The history line's description
     * is the item's name only (the client reads it in their language beside the line's kind).
     */
    public void paid(String purchaseId, String paymentId) {
        Optional<Purchase> found = purchases.find(purchaseId);
        if (found.isEmpty() || found.get().status() != Purchase.Status.AWAITING_PAYMENT) return;
        Purchase p = found.get();
        Purchase paid = p.with(Purchase.Status.PAID, p.checkoutId(), p.checkoutUrl(), p.expiresAt(), paymentId);
        Instant now = clock.instant();
        if (p.kind() == Purchase.Kind.PASS) {
            PassType type = wallets.findPassType(p.studioId(), p.itemId()).orElseThrow();
            Pass pass = new Pass(Ids.next("ps"), p.clientId(), type.passTypeId(), type.name(), type.entries(), type.entries(),
                    now, now.plus(Duration.ofDays(type.validDays())));
            purchases.completeWithPass(paid, pass, new WalletEntry(now, WalletEntry.Kind.PASS_ISSUED, 0, type.entries(),
                    pass.passId(), null, type.name()));
        } else {
            CreditPack pack = wallets.findCreditPack(p.studioId(), p.itemId()).orElseThrow();
            purchases.completeWithCredits(paid, pack.credits(), new WalletEntry(now, WalletEntry.Kind.CREDITS_GRANTED,
                    pack.credits(), 0, null, null, pack.name()));
        }
    }

    /** The checkout expired or failed: the purchase ends unpaid. */
    public void ended(String purchaseId) {
        purchases.find(purchaseId).filter(p -> p.status() == Purchase.Status.AWAITING_PAYMENT)
                .ifPresent(p -> purchases.expire(p.with(Purchase.Status.EXPIRED, p.checkoutId(), p.checkoutUrl(), p.expiresAt(), null)));
    }

    private static PurchaseView view(Purchase p) {
        return new PurchaseView(p.purchaseId(), p.kind(), p.name(), p.price(), p.status(),
                p.status() == Purchase.Status.AWAITING_PAYMENT && p.checkoutUrl() != null
                        ? new PurchaseView.NextAction("REDIRECT", p.checkoutUrl()) : new PurchaseView.NextAction("NONE", null));
    }
}
