/**
 * The reminder to staff when an online session still has no link.
 */
package com.studiobooking.core.usecase.remind;
