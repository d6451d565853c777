/**
 * Group sessions: formats (in person, online, hybrid), templates, online access, and the rule that
 * online sessions are prepaid.
 */
package com.studiobooking.core.model.session;
