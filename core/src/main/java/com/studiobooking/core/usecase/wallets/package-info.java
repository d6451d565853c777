/**
 * Passes and credits: granted by staff, bought by clients by card, read as a wallet.
 */
package com.studiobooking.core.usecase.wallets;
