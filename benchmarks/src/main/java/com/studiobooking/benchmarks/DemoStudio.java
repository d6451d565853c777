package com.studiobooking.benchmarks;

import com.studiobooking.core.auth.Caller;
import com.studiobooking.core.auth.Role;
import com.studiobooking.core.studio.LocationDetails;
import com.studiobooking.core.studio.NewStudio;
import com.studiobooking.core.studio.BookingLinks;
import com.studiobooking.core.studio.StaffProfile;
import com.studiobooking.core.studio.StaffDetails;
import com.studiobooking.core.studio.StudioSetup;
import com.studiobooking.infrastructure.dynamo.DynamoStudioStore;
import com.studiobooking.infrastructure.dynamo.StudioTable;
import com.studiobooking.infrastructure.token.JwtTokenService;
import com.studiobooking.infrastructure.token.SigningKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

/** The studio the cold handlers read: an owner, one staff member and a location, made through the project's own use case. */
record DemoStudio(String studioId, String staffToken) {

    static DemoStudio seed(DynamoDbClient dynamo, String table, String tokenSecret) {
        dynamo.createTable(StudioTable.createRequest(table));
        Clock clock = Clock.systemUTC();
        StudioSetup setup = new StudioSetup(new DynamoStudioStore(dynamo, table),
                new BookingLinks("https://book.example/widget"), clock);
        StudioSetup.Opened opened = setup.openStudio(new NewStudio("Lotus Yoga", "Europe/Bucharest", "RON", "ro",
                new NewStudio.Owner("Ana Pop", "ana@example.com")));
        String studioId = opened.studioId();
        Caller owner = new Caller(studioId, opened.ownerStaffId(), Role.OWNER);
        StaffProfile ioana = setup.addStaff(owner, studioId, new StaffDetails("Ioana", "ioana@example.com", null, null));
        setup.addLocation(owner, studioId, new LocationDetails("Main room", "Str. Lalelelor 3", false, null));

        // the same secret the handlers get as TOKEN_SECRET, so AdminHandler accepts the token
        String staffToken = new JwtTokenService(new SigningKeys(tokenSecret), clock)
                .issue(new Caller(studioId, ioana.staffId(), Role.STAFF), clock.instant().plus(Duration.ofHours(12)));
        return new DemoStudio(studioId, staffToken);
    }
}
