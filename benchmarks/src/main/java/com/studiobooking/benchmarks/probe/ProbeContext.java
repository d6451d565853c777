package com.studiobooking.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;

/** The invocation context a Lambda function sees, with the values of a 1024 MB function in eu-west-1. */
final class ProbeContext implements Context {
    private static final String FUNCTION = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "cold-start-probe");

    @Override public String getAwsRequestId() { return "00000000-0000-4000-8000-000000000001"; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + FUNCTION; }
    @Override public String getLogStreamName() { return "cold-start-probe"; }
    @Override public String getFunctionName() { return FUNCTION; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:123456789012:function:" + FUNCTION; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 15_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { System.out.println(message); }
            @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
        };
    }
}
