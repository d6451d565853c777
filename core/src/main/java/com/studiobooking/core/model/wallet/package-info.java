/**
 * Passes, credit packs and a client's wallet.
 */
package com.studiobooking.core.model.wallet;
