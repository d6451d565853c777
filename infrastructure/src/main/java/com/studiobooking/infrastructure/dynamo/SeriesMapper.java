package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.session.Series;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.instant;
import static com.studiobooking.infrastructure.dynamo.Attr.item;
import static com.studiobooking.infrastructure.dynamo.Attr.str;
import static com.studiobooking.infrastructure.dynamo.Attr.strings;

/** A recurring series in its studio's partition: its rule and the ids of its sessions. */
final class SeriesMapper {
    private SeriesMapper() {}

    static Map<String, AttributeValue> series(Series s) {
        return item().put(Keys.PK, Keys.studio(s.studioId())).put(Keys.SK, Keys.series(s.seriesId())).put("type", "SERIES")
                .put("seriesId", s.seriesId()).put("studioId", s.studioId())
                .putStrings("weekdays", s.weekdays().stream().map(Enum::name).toList())
                .put("firstDate", s.firstDate().toString()).put("until", s.until().toString())
                .put("startTime", s.startTime().toString()).put("timezone", s.timezone())
                .putStrings("sessionIds", s.sessionIds()).put("createdAt", s.createdAt())
                .build();
    }

    static Series series(Map<String, AttributeValue> i) {
        return new Series(str(i, "seriesId"), str(i, "studioId"), strings(i, "weekdays", DayOfWeek::valueOf),
                LocalDate.parse(str(i, "firstDate")), LocalDate.parse(str(i, "until")), LocalTime.parse(str(i, "startTime")),
                str(i, "timezone"), strings(i, "sessionIds", id -> id), instant(i, "createdAt"));
    }
}
