package com.studiobooking.core.model.booking;

import com.studiobooking.core.common.Check;

/** The person a booking is for, as they gave their details (guests need no account). */
public record Client(String name, String email, String phone) {
    public Client validated() {
        String p = Check.optionalText(phone, "client.phone", 40);
        if (p != null && !p.matches("[+0-9 ()./-]{5,40}")) {
            throw com.studiobooking.core.common.DomainException.invalid("client.phone", "must be a phone number");
        }
        return new Client(Check.text(name, "client.name", 120), Check.email(email, "client.email"), p);
    }
}
