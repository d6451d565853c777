/**
 * Staff set the studio up: settings, staff, locations, services, availability, session templates and
 * sessions (a cancelled or moved session takes its bookings along through {@code usecase.book}).
 */
package com.studiobooking.core.usecase.setup;
