package com.studiobooking.core.model.view;

import com.studiobooking.core.model.session.Series;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A recurring series as staff see it: its rule, the ids of its sessions, and, where asked, the
 * sessions themselves (without participants) or the ones a change or cancellation touched.
 */
public record SeriesView(String seriesId, List<DayOfWeek> weekdays, LocalDate firstDate, LocalDate until,
                         LocalTime startTime, String timezone, List<String> sessionIds,
                         List<SessionViews.StaffSession> sessions, List<String> changedSessionIds,
                         List<String> cancelledSessionIds) {

    public static SeriesView of(Series s, List<SessionViews.StaffSession> sessions, List<String> changed,
                                List<String> cancelled) {
        return new SeriesView(s.seriesId(), s.weekdays(), s.firstDate(), s.until(), s.startTime(), s.timezone(),
                s.sessionIds(), sessions, changed, cancelled);
    }
}
