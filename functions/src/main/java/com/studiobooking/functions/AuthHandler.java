package com.studiobooking.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.studiobooking.core.usecase.signin.Authentication;
import com.studiobooking.functions.http.Response;
import com.studiobooking.functions.http.Routes;

import java.util.Map;

/** The auth function: passwordless sign-in with an e-mailed one-time code. */
public final class AuthHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Routes routes;

    public AuthHandler() {
        this(Wiring.production());
        Priming.register();
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
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return routes.handle(event, context);
    }
}
