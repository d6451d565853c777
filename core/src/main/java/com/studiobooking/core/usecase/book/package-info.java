/**
 * Booking, cancelling, releasing unpaid bookings, confirming payments and refunding: appointments
 * ({@code Bookings}, {@code SlotLookup}) and session seats ({@code SessionBooking}).
 */
package com.studiobooking.core.usecase.book;
