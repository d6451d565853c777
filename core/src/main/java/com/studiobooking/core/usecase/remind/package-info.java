/**
 * Reminders when their schedule fires: to staff when an online session still has no link
 * ({@code MissingLinkReminder}), and to clients before a confirmed booking ({@code ClientReminder}).
 */
package com.studiobooking.core.usecase.remind;
