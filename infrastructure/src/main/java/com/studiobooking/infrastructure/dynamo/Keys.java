package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.slots.SlotFinder;
import com.studiobooking.infrastructure.table.TableShape;

/**
 * Every key format of the single table, defined once. A studio's configuration shares the partition
 * {@code STUDIO#<id>} (read with one Query); its other records live in partitions that start with the
 * same prefix, so every key is built from the studio id and tenants never mix.
 */
final class Keys {
    static final String PK = TableShape.PK;
    static final String SK = TableShape.SK;
    static final String GSI1 = "GSI1";
    static final String GSI1PK = TableShape.STUDIO_BOOKING.indexes().get(GSI1).partitionKey();
    static final String GSI1SK = TableShape.STUDIO_BOOKING.indexes().get(GSI1).sortKey();
    static final String TTL = TableShape.STUDIO_BOOKING.ttlAttribute();

    static final String PROFILE = "PROFILE";
    static final String STAFF_PREFIX = "STAFF#";
    static final String LOCATION_PREFIX = "LOCATION#";
    static final String SERVICE_PREFIX = "SERVICE#";
    static final String BOOKING = "BOOKING";

    private Keys() {}

    static String studio(String studioId) { return "STUDIO#" + studioId; }
    static String staff(String staffId) { return STAFF_PREFIX + staffId; }
    static String staffEmail(String email) { return "STAFFEMAIL#" + email; }
    static String location(String locationId) { return LOCATION_PREFIX + locationId; }
    static String service(String serviceId) { return SERVICE_PREFIX + serviceId; }
    static String availability(String staffId) { return "AVAILABILITY#" + staffId; }

    /** A booking is found by its id alone (guests have no studio in the URL). */
    static String booking(String bookingId) { return "BOOKING#" + bookingId; }

    /** Beside a booking, in its partition: a client reminder sent, per hour before and start. */
    static String reminderSent(int hoursBefore, java.time.Instant start) {
        return "REMINDED#" + hoursBefore + "H#" + time(start);
    }

    /** Beside an online appointment, in its partition: a link version e-mailed to its client. */
    static String linkSent(int linkVersion) { return "LINKSENT#" + linkVersion; }

    /** Beside an online appointment, in its partition: staff reminded of its missing link, per start. */
    static String linkReminderSent(java.time.Instant start) { return "LINKREMINDED#" + time(start); }

    /** GSI1 partition listing a studio's bookings by start, for staff. */
    static String studioBookings(String studioId) { return studio(studioId) + "#BOOKINGS"; }

    /** Appointments with their buffers, by start: what slot lookup reads in one query. */
    static String studioCalendar(String studioId) { return studio(studioId) + "#CALENDAR"; }

    /** One staff member's reserved time, in {@link #TIME_UNIT_MINUTES}-minute units (see StaffTime). */
    static String staffTime(String studioId, String staffId) { return studio(studioId) + "#STAFFTIME#" + staffId; }
    /** The unit slot lookup rounds a start after a booking up to, so an offered slot is always claimable. */
    static final int TIME_UNIT_MINUTES = SlotFinder.CLAIM_UNIT_MINUTES;

    /** A client's wallet (credits, passes, history) and pointers to their bookings. */
    static String client(String studioId, String clientId) { return studio(studioId) + "#CLIENT#" + clientId; }
    static final String BOOKING_POINTER_PREFIX = "BOOKING#";
    static final String PASS_PREFIX = "PASS#";
    static final String HISTORY_PREFIX = "HISTORY#";
    static final String CREDITS = "CREDITS";

    static String session(String studioId, String sessionId) { return studio(studioId) + "#SESSION#" + sessionId; }
    static final String SESSION = "SESSION";
    static final String PARTICIPANT_PREFIX = "PARTICIPANT#";
    /** A client's place in a session's waitlist (one per client and session), beside the participants. */
    static String waiting(String clientId) { return "WAITING#" + clientId; }
    static String studioSessions(String studioId) { return studio(studioId) + "#SESSIONS"; }
    /** The markers of instructors' digests sent, per day and instructor. */
    static String studioDigests(String studioId) { return studio(studioId) + "#DIGESTS"; }
    static String digestSent(java.time.LocalDate day, String instructorId) { return "DIGEST#" + day + "#" + instructorId; }
    static String template(String templateId) { return "TEMPLATE#" + templateId; }
    static final String TEMPLATE_PREFIX = "TEMPLATE#";
    static String series(String seriesId) { return "SERIES#" + seriesId; }
    /** In an in-person session's partition, one pointer per online twin created beside it. */
    static final String TWIN_PREFIX = "TWIN#";
    static String passType(String passTypeId) { return "PASSTYPE#" + passTypeId; }
    static final String PASS_TYPE_PREFIX = "PASSTYPE#";
    static String creditPack(String packId) { return CREDIT_PACK_PREFIX + packId; }
    static final String CREDIT_PACK_PREFIX = "CREDITPACK#";

    /** A card purchase of a pass or credits, found by its id alone (the webhook knows only that). */
    static String purchase(String purchaseId) { return "PURCHASE#" + purchaseId; }
    static final String PURCHASE = "PURCHASE";

    /** Processed payment-provider events (one Stripe account serves every studio). */
    static final String PAYMENT_EVENTS = "PAYMENT_EVENTS";

    static String studioIdempotency(String studioId) { return studio(studioId) + "#IDEMPOTENCY"; }

    /** Epoch seconds, zero-padded so that string order is time order. */
    static String time(java.time.Instant instant) { return String.format("%012d", instant.getEpochSecond()); }

    /** Login codes and their rate counters: short-lived, kept out of the studio's configuration partition. */
    static String studioLogins(String studioId) { return studio(studioId) + "#LOGIN"; }
    static String loginCode(String email) { return "CODE#" + email; }
    static String loginRate(String email, long windowEpochSecond) { return "RATE#" + email + "#" + windowEpochSecond; }

    static String studioClients(String studioId) { return studio(studioId) + "#CLIENTS"; }
    static final String CLIENT_EMAIL_PREFIX = "EMAIL#";
    static String clientEmail(String email) { return CLIENT_EMAIL_PREFIX + email; }
    static final String CLIENT_ID_PREFIX = "ID#";
    static String clientId(String clientId) { return CLIENT_ID_PREFIX + clientId; }
}
