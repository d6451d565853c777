/**
 * A booking and its rules: statuses, payment states, the money decisions ({@code MoneyRules}), who may
 * see an online link ({@code LinkVisibility}, rule 3), a booking as a session's participant.
 */
package com.studiobooking.core.model.booking;
