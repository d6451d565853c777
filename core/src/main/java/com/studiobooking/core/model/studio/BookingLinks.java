package com.studiobooking.core.model.studio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to the booking page (the widget at a configured base URL) for a studio, a staff member or a service. */
public final class BookingLinks {
    private final String base;

    public BookingLinks(String widgetBaseUrl) {
        this.base = widgetBaseUrl + (widgetBaseUrl.contains("?") ? "&" : "?");
    }

    public String studio(String studioId) {
        return base + "studio=" + encode(studioId);
    }

    public String staff(String studioId, String staffId) {
        return studio(studioId) + "&staff=" + encode(staffId);
    }

    public String service(String studioId, String serviceId) {
        return studio(studioId) + "&service=" + encode(serviceId);
    }

    /**
     * The page of one booking, where its client manages it: {@code ?studio=…&booking=…}, then {@code extraQuery}
     * (e.g. {@code paid=1}, or null), and the booking's access token in the fragment ({@code #access=…}): a
     * browser never sends a fragment to a server, so the token stays out of access logs and Referer headers.
     */
    public String booking(String studioId, String bookingId, String extraQuery, String accessToken) {
        return studio(studioId) + "&booking=" + encode(bookingId)
                + (extraQuery == null ? "" : "&" + extraQuery) + "#access=" + encode(accessToken);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
