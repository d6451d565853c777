package com.studiobooking.functions.http;

/** What a route returns: a status and an object to write as JSON (or nothing). */
public record Response(int status, Object body) {
    public static Response ok(Object body) { return new Response(200, body); }

    public static Response created(Object body) { return new Response(201, body); }

    public static Response accepted(Object body) { return new Response(202, body); }

    public static Response noContent() { return new Response(204, null); }
}
