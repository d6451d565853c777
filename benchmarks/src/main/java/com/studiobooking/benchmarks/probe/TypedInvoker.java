package com.studiobooking.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * A typed {@code RequestHandler}, with the runtime's own serialization library: its API Gateway HTTP API event
 * serializers, or for a timed job (a plain JSON map) its Jackson factory.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class TypedInvoker extends Invoker {
    private final RequestHandler handler;
    private final boolean job;
    private final PojoSerializer requests;
    private final PojoSerializer responses;

    private TypedInvoker(RequestHandler handler, boolean job, PojoSerializer requests, PojoSerializer responses) {
        this.handler = handler;
        this.job = job;
        this.requests = requests;
        this.responses = responses;
    }

    static TypedInvoker of(Object handler, boolean job, ClassLoader loader) {
        return job
                ? new TypedInvoker((RequestHandler) handler, true, JacksonFactory.getInstance().getSerializer(Map.class),
                        JacksonFactory.getInstance().getSerializer(Map.class))
                : new TypedInvoker((RequestHandler) handler, false, LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, loader),
                        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, loader));
    }

    @Override
    boolean stream() {
        return false;
    }

    @Override
    Object read(byte[] event) {
        return requests.fromJson(new ByteArrayInputStream(event));
    }

    @Override
    Object handle(Object event) {
        return handler.handleRequest(event, new ProbeContext());
    }

    @Override
    void write(Object response) {
        responses.toJson(response, OutputStream.nullOutputStream());
    }

    @Override
    int status(Object response) {
        return job ? (((Map<String, Object>) response).containsKey("error") ? 400 : 200)
                : ((APIGatewayV2HTTPResponse) response).getStatusCode();
    }

    @Override
    String describe(Object response) {
        return job ? String.valueOf(response) : ((APIGatewayV2HTTPResponse) response).getBody();
    }
}
