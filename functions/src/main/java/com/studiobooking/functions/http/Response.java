package com.studiobooking.functions.http;

/** What a route returns: a status and an object to write as JSON (or nothing), or a file to download. */
public record Response(int status, Object body) {
    public static Response ok(Object body) { return new Response(200, body); }

    public static Response created(Object body) { return new Response(201, body); }

    public static Response accepted(Object body) { return new Response(202, body); }

    public static Response noContent() { return new Response(204, null); }

    /** A text file the browser saves under {@code fileName} (e.g. a CSV export). */
    public static Response download(String contentType, String fileName, String text) {
        return new Response(200, new Download(contentType, fileName, text));
    }

    /** A body written as it is, with its own content type, as an attachment. */
    public record Download(String contentType, String fileName, String text) {
    }
}
