/**
 * Sign-in by e-mailed code, bearer tokens and the caller behind each request.
 */
package com.studiobooking.core.usecase.signin;
