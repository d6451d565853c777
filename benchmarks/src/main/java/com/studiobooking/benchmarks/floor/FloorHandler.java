package com.studiobooking.benchmarks.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;

/**
 * The cold-start floor: the least a handler of ours can do, one GetItem of a studio's profile through an SDK
 * client built as production builds it (URL connection client, region and credentials from the environment,
 * the {@code AWS_ENDPOINT_URL} override). No project code, no JSON mapping.
 */
public final class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final FloorTable table = new FloorTable();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String studioId = event.getPathParameters().get("studioId");
        boolean found = table.hasProfile(studioId);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(found ? 200 : 404)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"found\":" + found + "}")
                .build();
    }
}
