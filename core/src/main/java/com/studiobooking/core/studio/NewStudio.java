package com.studiobooking.core.studio;

/** A request to open a studio with its owner. */
public record NewStudio(String name, String timezone, String currency, String locale, Owner owner) {
    public record Owner(String name, String email) {
    }
}
