/**
 * Free appointment slots from weekly hours, overrides, time off, buffers and busy time ({@code
 * SlotFinder}): a pure function.
 */
package com.studiobooking.core.model.slots;
