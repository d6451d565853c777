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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
