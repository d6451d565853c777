package com.studiobooking.functions;

import com.studiobooking.core.model.identity.Caller;
import com.studiobooking.core.model.session.SeriesChange;
import com.studiobooking.core.model.session.SeriesDetails;
import com.studiobooking.core.model.session.SessionDetails;
import com.studiobooking.core.model.studio.AvailabilityDetails;
import com.studiobooking.core.model.studio.LocationDetails;
import com.studiobooking.core.model.studio.NewStudio;
import com.studiobooking.core.model.studio.ServiceDetails;
import com.studiobooking.core.model.studio.StaffDetails;
import com.studiobooking.core.model.studio.StudioSettings;
import com.studiobooking.core.model.wallet.WalletChange;
import com.studiobooking.core.usecase.setup.AppointmentSetup;
import com.studiobooking.core.usecase.setup.SeriesSetup;
import com.studiobooking.core.usecase.setup.SessionSetup;
import com.studiobooking.core.usecase.setup.StudioSetup;
import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.core.usecase.wallets.Wallets;
import com.studiobooking.functions.http.Request;
import com.studiobooking.functions.http.Response;
import com.studiobooking.functions.http.Routes;

import java.util.Map;

/**
 * The admin function: opening a studio; staff routes for settings, staff, locations, services,
 * availability, session templates, sessions and recurring series, pass types, credit packs and clients' wallets,
 * and who waits for a seat of a session.
 */
public final class AdminHandler extends HttpFunction {
    private static final String STUDIO = "/studios/{studioId}";

    private final Routes routes;
    private final Authentication auth;

    public AdminHandler() {
        this(Wiring.production());
        Priming.register(Priming.admin(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public AdminHandler(Wiring wiring) {
        StudioSetup setup = wiring.studioSetup();
        AppointmentSetup appointments = wiring.appointmentSetup();
        SessionSetup sessions = wiring.sessionSetup();
        SeriesSetup series = wiring.seriesSetup();
        Wallets wallets = wiring.wallets();
        auth = wiring.authentication();
        routes = new Routes(wiring::requestEnded)
                .on("POST /studios", r -> Response.created(setup.openStudio(r.body(NewStudio.class))))

                .on("GET " + STUDIO + "/settings", r -> Response.ok(setup.settings(caller(r), studio(r))))
                .on("PUT " + STUDIO + "/settings", r -> Response.ok(
                        setup.changeSettings(caller(r), studio(r), r.body(StudioSettings.class))))

                .on("GET " + STUDIO + "/staff", r -> Response.ok(Map.of("staff", setup.staff(caller(r), studio(r)))))
                .on("POST " + STUDIO + "/staff", r -> Response.created(
                        setup.addStaff(caller(r), studio(r), r.body(StaffDetails.class))))
                .on("GET " + STUDIO + "/staff/{staffId}", r -> Response.ok(
                        setup.staffMember(caller(r), studio(r), r.path("staffId"))))
                .on("PUT " + STUDIO + "/staff/{staffId}", r -> Response.ok(
                        setup.changeStaff(caller(r), studio(r), r.path("staffId"), r.body(StaffDetails.class))))
                .on("DELETE " + STUDIO + "/staff/{staffId}", r -> {
                    setup.removeStaff(caller(r), studio(r), r.path("staffId"));
                    return Response.noContent();
                })

                .on("GET " + STUDIO + "/locations", r -> Response.ok(
                        Map.of("locations", setup.locations(caller(r), studio(r)))))
                .on("POST " + STUDIO + "/locations", r -> Response.created(
                        setup.addLocation(caller(r), studio(r), r.body(LocationDetails.class))))
                .on("GET " + STUDIO + "/locations/{locationId}", r -> Response.ok(
                        setup.location(caller(r), studio(r), r.path("locationId"))))
                .on("PUT " + STUDIO + "/locations/{locationId}", r -> Response.ok(
                        setup.changeLocation(caller(r), studio(r), r.path("locationId"), r.body(LocationDetails.class))))
                .on("DELETE " + STUDIO + "/locations/{locationId}", r -> {
                    setup.removeLocation(caller(r), studio(r), r.path("locationId"));
                    return Response.noContent();
                })

                .on("GET " + STUDIO + "/services", r -> Response.ok(
                        Map.of("services", appointments.services(caller(r), studio(r)))))
                .on("POST " + STUDIO + "/services", r -> Response.created(
                        appointments.addService(caller(r), studio(r), r.body(ServiceDetails.class))))
                .on("GET " + STUDIO + "/services/{serviceId}", r -> Response.ok(
                        appointments.service(caller(r), studio(r), r.path("serviceId"))))
                .on("PUT " + STUDIO + "/services/{serviceId}", r -> Response.ok(
                        appointments.changeService(caller(r), studio(r), r.path("serviceId"), r.body(ServiceDetails.class))))
                .on("DELETE " + STUDIO + "/services/{serviceId}", r -> {
                    appointments.removeService(caller(r), studio(r), r.path("serviceId"));
                    return Response.noContent();
                })
                .on("GET " + STUDIO + "/staff/{staffId}/availability", r -> Response.ok(
                        appointments.availability(caller(r), studio(r), r.path("staffId"))))
                .on("PUT " + STUDIO + "/staff/{staffId}/availability", r -> Response.ok(appointments.setAvailability(
                        caller(r), studio(r), r.path("staffId"), r.body(AvailabilityDetails.class))))

                .on("GET " + STUDIO + "/session-templates", r -> Response.ok(
                        Map.of("templates", sessions.templates(caller(r), studio(r)))))
                .on("POST " + STUDIO + "/session-templates", r -> Response.created(
                        sessions.addTemplate(caller(r), studio(r), r.body(SessionDetails.class))))
                .on("GET " + STUDIO + "/session-templates/{templateId}", r -> Response.ok(
                        sessions.template(caller(r), studio(r), r.path("templateId"))))
                .on("DELETE " + STUDIO + "/session-templates/{templateId}", r -> {
                    sessions.removeTemplate(caller(r), studio(r), r.path("templateId"));
                    return Response.noContent();
                })
                .on("POST " + STUDIO + "/sessions", r -> Response.created(
                        sessions.create(caller(r), studio(r), r.body(SessionDetails.class))))
                .on("GET " + STUDIO + "/sessions/{sessionId}", r -> Response.ok(
                        sessions.session(caller(r), studio(r), r.path("sessionId"))))
                .on("PUT " + STUDIO + "/sessions/{sessionId}", r -> Response.ok(
                        sessions.change(caller(r), studio(r), r.path("sessionId"), r.body(SessionDetails.class))))
                .on("POST " + STUDIO + "/sessions/{sessionId}/cancel", r -> Response.ok(
                        sessions.cancel(caller(r), studio(r), r.path("sessionId"))))

                .on("GET " + STUDIO + "/pass-types", r -> Response.ok(
                        Map.of("passTypes", wallets.passTypes(caller(r), studio(r)))))
                .on("POST " + STUDIO + "/pass-types", r -> Response.created(
                        wallets.addPassType(caller(r), studio(r), r.body(WalletChange.PassTypeDetails.class))))
                .on("GET " + STUDIO + "/credit-packs", r -> Response.ok(
                        Map.of("creditPacks", wallets.creditPacks(caller(r), studio(r)))))
                .on("POST " + STUDIO + "/credit-packs", r -> Response.created(
                        wallets.addCreditPack(caller(r), studio(r), r.body(WalletChange.CreditPackDetails.class))))
                .on("GET " + STUDIO + "/clients", r -> Response.ok(Map.of("clients", wallets.clients(caller(r), studio(r), r.query("q")))))
                .on("POST " + STUDIO + "/clients", r -> Response.created(
                        wallets.addClient(caller(r), studio(r), r.body(WalletChange.NewClient.class))))
                .on("GET " + STUDIO + "/clients/{clientId}/wallet", r -> Response.ok(
                        wallets.walletOf(caller(r), studio(r), r.path("clientId"))))
                .on("POST " + STUDIO + "/clients/{clientId}/passes", r -> Response.created(
                        wallets.issuePass(caller(r), studio(r), r.path("clientId"), r.body(WalletChange.IssuePass.class))))
                .on("POST " + STUDIO + "/clients/{clientId}/credits", r -> Response.created(
                        wallets.grantCredits(caller(r), studio(r), r.path("clientId"), r.body(WalletChange.GrantCredits.class))))

                .on("POST " + STUDIO + "/series", r -> Response.created(
                        series.create(caller(r), studio(r), r.body(SeriesDetails.class))))
                .on("GET " + STUDIO + "/series/{seriesId}", r -> Response.ok(
                        series.series(caller(r), studio(r), r.path("seriesId"))))
                .on("PATCH " + STUDIO + "/series/{seriesId}", r -> Response.ok(
                        series.change(caller(r), studio(r), r.path("seriesId"), r.body(SeriesChange.class))))
                .on("POST " + STUDIO + "/series/{seriesId}/cancel", r -> Response.ok(
                        series.cancel(caller(r), studio(r), r.path("seriesId"), r.body(SeriesSetup.LocalDateRequest.class))))
                .on("GET " + STUDIO + "/sessions/{sessionId}/waitlist", r -> Response.ok(
                        Map.of("waitlist", sessions.waitlist(caller(r), studio(r), r.path("sessionId")))));
    }

    @Override
    protected Routes routes() {
        return routes;
    }

    /**
     * The caller of a staff route, refused before the body is even read when they are not staff of
     * that studio (the use cases check the same again).
     */
    private Caller caller(Request request) {
        return auth.caller(request.bearerToken()).requireStaffOf(studio(request));
    }

    private static String studio(Request request) {
        return request.path("studioId");
    }
}
