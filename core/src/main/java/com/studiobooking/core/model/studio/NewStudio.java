package com.studiobooking.core.model.studio;

/** A request to open a studio with its owner. */
public record NewStudio(String name, String timezone, String currency, String locale, Owner owner) {
    public record Owner(String name, String email) {
    }
}
