/**
 * How records appear in the API: bookings, sessions (public and staff), the public profile, services
 * and availability.
 */
package com.studiobooking.core.model.view;
