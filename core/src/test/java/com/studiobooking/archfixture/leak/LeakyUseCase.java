package com.studiobooking.archfixture.leak;

import java.net.http.HttpClient;

/** A class reaching for an HTTP type: proves that the foreign-type rule can fail. */
public class LeakyUseCase {
    HttpClient client;
}
