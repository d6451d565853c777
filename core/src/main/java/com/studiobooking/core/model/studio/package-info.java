/**
 * The studio and what its staff set up: settings and policies (booking, cancellation, bank transfer),
 * staff, locations, 1:1 services and each practitioner's availability.
 */
package com.studiobooking.core.model.studio;
