package com.studiobooking.core.usecase.wallets;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;
import com.studiobooking.core.common.Ids;
import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.identity.Role;
import com.studiobooking.core.model.studio.CreditPack;
import com.studiobooking.core.model.wallet.Pass;
import com.studiobooking.core.model.studio.PassType;
import com.studiobooking.core.model.wallet.Wallet;
import com.studiobooking.core.model.wallet.WalletChange;
import com.studiobooking.core.model.wallet.WalletEntry;
import com.studiobooking.core.port.ClientDirectory;
import com.studiobooking.core.port.StudioStore;
import com.studiobooking.core.port.WalletStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Pass types and credit packs (staff), clients' wallets (staff grant or sell), and a client's own wallet. */
public final class Wallets {
    private final StudioStore studios;
    private final WalletStore wallets;
    private final ClientDirectory clients;
    private final Clock clock;

    public Wallets(StudioStore studios, WalletStore wallets, ClientDirectory clients, Clock clock) {
        this.studios = studios;
        this.wallets = wallets;
        this.clients = clients;
        this.clock = clock;
    }

    public List<PassType> passTypes(Caller caller, String studioId) {
        caller.requireStaffOf(studioId);
        return wallets.listPassTypes(studioId);
    }

    public PassType addPassType(Caller caller, String studioId, WalletChange.PassTypeDetails d) {
        caller.requireOwnerOf(studioId);
        Check.required(d, "body");
        PassType type = new PassType(Ids.next("pt"), Check.text(d.name(), "name", 120),
                Check.range(d.entries(), "entries", 1, 1000), Check.range(d.validDays(), "validDays", 1, 3660),
                Check.required(d.price(), "price").validated("price", studios.settingsOf(studioId).currency()), clock.instant());
        wallets.savePassType(studioId, type);
        return type;
    }

    public List<CreditPack> creditPacks(Caller caller, String studioId) {
        caller.requireStaffOf(studioId);
        return wallets.listCreditPacks(studioId);
    }

    public CreditPack addCreditPack(Caller caller, String studioId, WalletChange.CreditPackDetails d) {
        caller.requireOwnerOf(studioId);
        Check.required(d, "body");
        CreditPack pack = new CreditPack(Ids.next("cp"), Check.text(d.name(), "name", 120),
                Check.range(d.credits(), "credits", 1, 10_000),
                Check.required(d.price(), "price").validated("price", studios.settingsOf(studioId).currency()), clock.instant());
        wallets.saveCreditPack(studioId, pack);
        return pack;
    }

    /** The studio's clients; {@code query} (optional) keeps those whose name, e-mail or phone contains it. */
    public List<ClientDirectory.ClientRecord> clients(Caller caller, String studioId, String query) {
        caller.requireStaffOf(studioId);
        String q = Check.optionalText(query, "q", 120);
        if (q == null) return clients.list(studioId);
        String needle = q.toLowerCase(java.util.Locale.ROOT);
        String digits = needle.replaceAll("[^0-9]", "");
        return clients.list(studioId).stream().filter(c -> contains(c.name(), needle) || contains(c.email(), needle)
                || (!digits.isEmpty() && c.phone() != null && c.phone().replaceAll("[^0-9]", "").contains(digits))).toList();
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(needle);
    }

    public ClientDirectory.ClientRecord addClient(Caller caller, String studioId, WalletChange.NewClient body) {
        caller.requireStaffOf(studioId);
        studios.settingsOf(studioId);
        String email = Check.email(Check.required(body, "body").email(), "email");
        String clientId = clients.clientIdFor(studioId, email);
        return clients.find(studioId, clientId).orElse(ClientDirectory.ClientRecord.registered(clientId, email));
    }

    public Wallet walletOf(Caller caller, String studioId, String clientId) {
        caller.requireStaffOf(studioId);
        existingClient(studioId, clientId);
        return wallets.wallet(studioId, clientId);
    }

    /** A pass of the type, valid from now for the type's days. */
    public Pass issuePass(Caller caller, String studioId, String clientId, WalletChange.IssuePass body) {
        caller.requireStaffOf(studioId);
        Check.required(body, "body");
        existingClient(studioId, clientId);
        PassType type = wallets.findPassType(studioId, Check.id(body.passTypeId(), "passTypeId"))
                .orElseThrow(() -> DomainException.invalid("passTypeId", "is not a pass type of this studio"));
        Instant now = clock.instant();
        Pass pass = new Pass(Ids.next("ps"), clientId, type.passTypeId(), type.name(), type.entries(), type.entries(), now,
                now.plus(Duration.ofDays(type.validDays())));
        wallets.issuePass(studioId, pass, new WalletEntry(now, WalletEntry.Kind.PASS_ISSUED, 0, type.entries(),
                pass.passId(), null, note(type.name(), body.note())));
        return pass;
    }

    public Wallet grantCredits(Caller caller, String studioId, String clientId, WalletChange.GrantCredits body) {
        caller.requireStaffOf(studioId);
        Check.required(body, "body");
        existingClient(studioId, clientId);
        int credits;
        String what;
        if (body.packId() != null) {
            if (body.credits() != null) throw DomainException.invalid("credits", "give either packId or credits");
            CreditPack pack = wallets.findCreditPack(studioId, Check.id(body.packId(), "packId"))
                    .orElseThrow(() -> DomainException.invalid("packId", "is not a credit pack of this studio"));
            credits = pack.credits();
            what = pack.name();
        } else {
            credits = Check.range(body.credits(), "credits", 1, 10_000);
            what = credits + " credits";
        }
        wallets.grantCredits(studioId, clientId, credits, new WalletEntry(clock.instant(),
                WalletEntry.Kind.CREDITS_GRANTED, credits, 0, null, null, note(what, body.note())));
        return wallets.wallet(studioId, clientId);
    }

    /** A signed-in client's own wallet. */
    public Wallet mine(Caller caller) {
        if (caller.isAnonymous()) throw DomainException.unauthenticated("a client token is required");
        if (caller.role() != Role.CLIENT) throw DomainException.forbidden("client tokens only");
        return wallets.wallet(caller.studioId(), caller.subject());
    }

    private void existingClient(String studioId, String clientId) {
        Check.id(clientId, "clientId");
        if (clients.find(studioId, clientId).isEmpty()) throw DomainException.notFound("client");
    }


    private static String note(String what, String note) {
        String extra = Check.optionalText(note, "note", 300);
        return extra == null ? what : what + " — " + extra;
    }
}
