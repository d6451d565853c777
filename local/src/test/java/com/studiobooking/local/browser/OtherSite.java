package com.studiobooking.local.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openqa.selenium.WebElement;

import com.sun.net.httpserver.HttpServer;

/**
 * A studio's own website, on another origin than the local runtime (the JDK's HTTP server on its own
 * port): plain HTML pages the tests write, to embed the widget as a studio would.
 */
final class OtherSite implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    OtherSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", page == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Publishes a page whose body is {@code body}; its address. */
    String page(String path, String body) {
        pages.put(path, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">"
                + "<title>Studio site</title></head>"
                + "<body style=\"font-family:sans-serif;margin:1rem\">" + body + "</body></html>");
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * Waits until the widget's iframe is as tall as the widget's page inside it (within a pixel, with
     * no scrollbar of its own); that height.
     */
    static long frameFollowsContent(Browser browser, WebElement frame) {
        return browser.await(d -> {
            long outer = frame.getSize().getHeight();
            d.switchTo().frame(frame);
            long inner = ((Number) browser.script("const s = getComputedStyle(document.body); return Math.ceil("
                    + "document.body.getBoundingClientRect().height + parseFloat(s.marginTop) + parseFloat(s.marginBottom));")).longValue();
            boolean scrolls = (Boolean) browser.script(
                    "return document.documentElement.scrollHeight > document.documentElement.clientHeight + 1;");
            d.switchTo().defaultContent();
            return inner > 300 && Math.abs(outer - inner) <= 1 && !scrolls ? outer : null;
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
