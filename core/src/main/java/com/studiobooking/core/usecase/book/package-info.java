/**
 * Booking, cancelling, releasing unpaid bookings, confirming payments and refunding: appointments
 * ({@code Bookings}, {@code SlotLookup}) and session seats ({@code SessionBooking}); the client reminders'
 * schedules follow each booking ({@code ReminderSchedules}).
 */
package com.studiobooking.core.usecase.book;
