/**
 * The languages we write in and their texts: message bundles per surface ({@code mail}, {@code widget})
 * and language ({@code en}, {@code ro}, {@code id}) with named placeholders and CLDR plural forms, and
 * how each language writes dates, times and money. Depends on {@code common} only.
 */
package com.studiobooking.core.text;
