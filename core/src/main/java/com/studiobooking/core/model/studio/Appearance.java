package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;

/** How the booking page looks. */
public record Appearance(String color, String logoUrl, Boolean showServiceCollections) {
    static final Appearance DEFAULT = new Appearance("#7c3aed", null, true);

    Appearance validated() {
        return new Appearance(
                color == null ? DEFAULT.color : Check.hexColor(color, "appearance.color"),
                Check.httpsUrl(logoUrl, "appearance.logoUrl"),
                showServiceCollections == null || showServiceCollections);
    }
}
