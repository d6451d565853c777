/**
 * Applies payment-provider events exactly once (rule 5): to bookings or to pass and credit purchases.
 */
package com.studiobooking.core.usecase.pay;
