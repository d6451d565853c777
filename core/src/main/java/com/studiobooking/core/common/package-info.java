/**
 * Values and errors every layer uses: {@code Money}, {@code TimeRange}, {@code Ids}, input {@code
 * Check}s and {@code DomainException}. Depends on nothing else in core.
 */
package com.studiobooking.core.common;
