package com.studiobooking.benchmarks.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The floor plus one structured log line through Powertools for AWS Lambda (Java) logging: SLF4J over log4j2
 * with its JSON layout, Lambda context fields added by the functional {@code withLogging} (no AspectJ weaving).
 * The difference to {@link FloorHandler} is what adopting Powertools logging would cost a cold start.
 */
public final class PowertoolsFloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsFloorHandler.class);

    private final FloorHandler floor = new FloorHandler();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response = floor.handleRequest(event, context);
            LOG.info("request", entry("route", event.getRouteKey()), entry("status", response.getStatusCode()),
                    entry("durationMs", (System.nanoTime() - started) / 1_000_000));
            return response;
        });
    }
}
