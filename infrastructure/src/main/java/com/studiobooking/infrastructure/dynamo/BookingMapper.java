package com.studiobooking.infrastructure.dynamo;

import com.studiobooking.core.model.booking.Attendance;
import com.studiobooking.core.model.booking.Booking;
import com.studiobooking.core.model.booking.BookingStatus;
import com.studiobooking.core.model.booking.Cancellation;
import com.studiobooking.core.model.booking.Client;
import com.studiobooking.core.model.booking.PaymentStatus;
import com.studiobooking.core.model.session.SessionFormat;
import com.studiobooking.core.model.studio.PaymentMethod;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static com.studiobooking.infrastructure.dynamo.Attr.bool;
import static com.studiobooking.infrastructure.dynamo.Attr.instant;
import static com.studiobooking.infrastructure.dynamo.Attr.integer;
import static com.studiobooking.infrastructure.dynamo.Attr.item;
import static com.studiobooking.infrastructure.dynamo.Attr.map;
import static com.studiobooking.infrastructure.dynamo.Attr.str;

/** The booking item: found by id, and listed for staff through GSI1 by studio and start. */
final class BookingMapper {
    private BookingMapper() {}

    static Map<String, AttributeValue> booking(Booking b) {
        Cancellation c = b.cancellation();
        return item()
                .put(Keys.PK, Keys.booking(b.bookingId())).put(Keys.SK, Keys.BOOKING).put("type", "BOOKING")
                .put(Keys.GSI1PK, Keys.studioBookings(b.studioId()))
                .put(Keys.GSI1SK, Keys.time(b.start()) + "#" + b.bookingId())
                .put("bookingId", b.bookingId()).put("studioId", b.studioId()).put("kind", b.kind().name())
                .put("serviceId", b.serviceId()).put("serviceName", b.serviceName())
                .put("staffId", b.staffId()).put("staffName", b.staffName()).put("locationId", b.locationId())
                .put("start", b.start()).put("end", b.end())
                .put("bufferBeforeMinutes", b.bufferBeforeMinutes()).put("bufferAfterMinutes", b.bufferAfterMinutes())
                .put("client", item().put("name", b.client().name()).put("email", b.client().email())
                        .put("phone", b.client().phone()).build())
                .put("clientId", b.clientId()).put("paymentMethod", b.paymentMethod().name())
                .put("status", b.status().name()).put("paymentStatus", b.paymentStatus().name())
                .put("price", AppointmentMapper.money(b.price())).put("reference", b.reference())
                .put("paymentDueBy", b.paymentDueBy())
                .put("cancellation", c == null ? null : item().put("cancelledAt", c.cancelledAt())
                        .put("by", c.by().name()).put("late", c.late()).build())
                .put("notes", b.notes()).put("language", b.language()).put("createdAt", b.createdAt())
                .put("sessionId", b.session() == null ? null : b.session().sessionId())
                .put("seat", b.session() == null ? null : b.session().format().name())
                .put("walletUse", b.walletUse() == null ? null : item().put("passId", b.walletUse().passId())
                        .put("credits", b.walletUse().credits()).build())
                .put("card", b.card() == null ? null : item().put("checkoutId", b.card().checkoutId())
                        .put("checkoutUrl", b.card().checkoutUrl()).put("paymentId", b.card().paymentId()).build())
                .put("attendance", b.attendance() == null ? null : item().put("status", b.attendance().status().name())
                        .put("markedAt", b.attendance().markedAt()).put("forfeit", b.attendance().forfeit()).build())
                .put("waitlistTicket", b.waitlistTicket()).put("calendarSequence", b.calendarSequence())
                .put("onlineAccess", OnlineAccessMapper.item(b.onlineAccess())).put("linkVersion", b.linkVersion())
                .put("version", b.version())
                .put("bookedBy", b.bookedBy())
                .build();
    }

    static Booking booking(Map<String, AttributeValue> i) {
        Map<String, AttributeValue> client = map(i, "client");
        Map<String, AttributeValue> c = map(i, "cancellation");
        Map<String, AttributeValue> walletUse = map(i, "walletUse");
        Map<String, AttributeValue> card = map(i, "card");
        Map<String, AttributeValue> attendance = map(i, "attendance");
        return new Booking(str(i, "bookingId"), str(i, "studioId"), Booking.Kind.valueOf(str(i, "kind")),
                str(i, "serviceId"), str(i, "serviceName"), str(i, "staffId"), str(i, "staffName"), str(i, "locationId"),
                instant(i, "start"), instant(i, "end"), integer(i, "bufferBeforeMinutes"), integer(i, "bufferAfterMinutes"),
                new Client(str(client, "name"), str(client, "email"), str(client, "phone")), str(i, "clientId"),
                PaymentMethod.valueOf(str(i, "paymentMethod")), BookingStatus.valueOf(str(i, "status")),
                PaymentStatus.valueOf(str(i, "paymentStatus")), AppointmentMapper.money(map(i, "price")),
                str(i, "reference"), instant(i, "paymentDueBy"),
                c == null ? null : new Cancellation(instant(c, "cancelledAt"), Cancellation.By.valueOf(str(c, "by")),
                        Boolean.TRUE.equals(bool(c, "late"))),
                str(i, "notes"), str(i, "language"), instant(i, "createdAt"),
                str(i, "sessionId") == null ? null
                        : new Booking.SessionSeat(str(i, "sessionId"), SessionFormat.valueOf(str(i, "seat"))),
                walletUse == null ? null : new Booking.WalletUse(str(walletUse, "passId"), integer(walletUse, "credits")),
                card == null ? null : new Booking.CardPayment(str(card, "checkoutId"), str(card, "checkoutUrl"),
                        str(card, "paymentId")),
                attendance == null ? null : new Attendance(Attendance.Status.valueOf(str(attendance, "status")),
                        instant(attendance, "markedAt"), Boolean.TRUE.equals(bool(attendance, "forfeit"))),
                integer(i, "waitlistTicket"), zeroIfAbsent(i, "calendarSequence"),
                map(i, "onlineAccess") == null ? null : OnlineAccessMapper.access(map(i, "onlineAccess")),
                zeroIfAbsent(i, "linkVersion"),
                zeroIfAbsent(i, "version"), str(i, "bookedBy"));
    }

    private static int zeroIfAbsent(Map<String, AttributeValue> i, String name) {
        Integer value = integer(i, name);
        return value == null ? 0 : value;
    }
}
