/**
 * E-mails and calendar invites composed from the model, in the studio's time zone: what each message
 * says, never how it is sent.
 */
package com.studiobooking.core.mail;
