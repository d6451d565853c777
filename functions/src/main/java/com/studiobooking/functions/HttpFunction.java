package com.studiobooking.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.studiobooking.functions.http.HttpEvents;
import com.studiobooking.functions.http.Routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function behind API Gateway's HTTP API. Lambda hands it the event as bytes ({@link RequestStreamHandler}), so
 * the runtime's own event serializer is never loaded (see {@link HttpEvents}); tests and the local runtime call
 * {@link #handle} with the event as an object.
 */
public abstract class HttpFunction implements RequestStreamHandler {
    /** The function's routes, built by its constructor. */
    protected abstract Routes routes();

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpEvents.write(handle(HttpEvents.read(input), context), output);
    }

    public final APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return routes().handle(event, context);
    }
}
