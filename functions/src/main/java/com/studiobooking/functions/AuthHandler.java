package com.studiobooking.functions;

import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.functions.http.Response;
import com.studiobooking.functions.http.Routes;

import java.util.Map;

/** The auth function: passwordless sign-in with an e-mailed one-time code. */
public final class AuthHandler extends HttpFunction {
    private final Routes routes;

    public AuthHandler() {
        this(Wiring.production());
        Priming.register(Priming.auth(this, Wiring.production()));
    }

    /** Tests and the local runtime pass their own wiring. */
    public AuthHandler(Wiring wiring) {
        Authentication auth = wiring.authentication();
        routes = new Routes(wiring::requestEnded)
                .on("POST /auth/code", request -> {
                    auth.requestCode(request.body(Authentication.CodeRequest.class));
                    return Response.accepted(Map.of("status", "ACCEPTED"));
                })
                .on("POST /auth/token", request -> Response.ok(auth.exchangeCode(request.body(Authentication.CodeExchange.class))));
    }

    @Override
    protected Routes routes() {
        return routes;
    }
}
