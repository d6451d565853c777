package com.studiobooking.core.model.studio;

import com.studiobooking.core.common.Check;
import com.studiobooking.core.common.DomainException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * E-mails that remind clients of a confirmed booking, {@code hoursBefore} its start (several allowed,
 * e.g. a day and two hours before). Off for a new studio: the owner turns them on.
 */
public record ClientReminders(Boolean enabled, List<Integer> hoursBefore) {
    /** The most reminders one booking gets. */
    public static final int MOST = 3;
    /** The earliest a reminder goes: a week before the start. */
    public static final int MOST_HOURS_BEFORE = 24 * 7;

    /** A new studio's, and a studio's whose settings were stored before reminders existed: off, 24 h once on. */
    public static final ClientReminders DEFAULT = new ClientReminders(false, List.of(24));

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    /** The hours before the start at which a confirmed booking is reminded: none while reminders are off. */
    public List<Integer> activeHours() {
        return isEnabled() ? hoursBefore : List.of();
    }

    /** Enabled is required; hours default to 24, each 1 to 168, at most three, no repeats; earliest first. */
    ClientReminders validated() {
        boolean on = Check.required(enabled, "clientReminders.enabled");
        List<Integer> hours = hoursBefore == null ? DEFAULT.hoursBefore : hoursBefore;
        if (hours.size() > MOST) {
            throw DomainException.invalid("clientReminders.hoursBefore", "must hold at most " + MOST + " reminders");
        }
        if (on && hours.isEmpty()) {
            throw DomainException.invalid("clientReminders.hoursBefore", "must hold at least one reminder when enabled");
        }
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            String field = "clientReminders.hoursBefore[" + i + "]";
            int h = Check.range(hours.get(i), field, 1, MOST_HOURS_BEFORE);
            if (checked.contains(h)) throw DomainException.invalid(field, "repeats " + h + " hours");
            checked.add(h);
        }
        checked.sort(Comparator.reverseOrder());
        return new ClientReminders(on, List.copyOf(checked));
    }
}
