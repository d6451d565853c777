package com.studiobooking.core.model.session;

import com.studiobooking.core.common.Check;

/**
 * How to join an online session. Shown to a participant only under rule 3
 * ({@link com.studiobooking.core.model.booking.LinkVisibility}); never in public listings, never to unpaid
 * bookings, never to another studio.
 */
public record OnlineAccess(String link, String instructions, String password) {
    public static final OnlineAccess NONE = new OnlineAccess(null, null, null);

    public boolean hasLink() {
        return link != null;
    }

    public OnlineAccess validated() {
        return new OnlineAccess(Check.httpsUrl(Check.optionalText(link, "link", 2048), "link"),
                Check.optionalText(instructions, "instructions", 4000), Check.optionalText(password, "password", 200));
    }

    @Override
    public String toString() {
        return "OnlineAccess[" + (hasLink() ? "link set" : "no link") + "]";
    }
}
