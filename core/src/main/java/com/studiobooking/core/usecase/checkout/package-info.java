/**
 * Card payments of bookings: the checkout and its hold (never past the start), refunds with retries.
 */
package com.studiobooking.core.usecase.checkout;
