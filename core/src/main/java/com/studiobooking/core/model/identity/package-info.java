/**
 * Who is calling ({@code Caller}, {@code Role}) and the sign-in records ({@code LoginCode}, {@code
 * SignIn}).
 */
package com.studiobooking.core.model.identity;
