package com.studiobooking.infrastructure.aws;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP client for the SDK that never opens a connection: every request is read to its end and answered
 * {@code 200} with an empty JSON object, which the JSON services we call read as a success with no fields (SES v2's
 * {@code SendEmail}, EventBridge Scheduler's calls, and DynamoDB's writes, which answer exactly that when no return
 * values or consumed capacity are asked for). SnapStart's rehearsal builds its clients on it, so the SDK's whole path
 * (marshalling, endpoint rules, signing, reading the answer) runs before the snapshot and nothing leaves the process.
 * It keeps the operations it was asked for ({@code X-Amz-Target} or method and path), for tests.
 */
public final class UnsentHttpClient implements SdkHttpClient {
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream body = request.contentStreamProvider().get().newStream()) {
                        body.transferTo(OutputStream.nullOutputStream());
                    }
                }
                requests.add(request.httpRequest().method() + " " + request.httpRequest().encodedPath()
                        + request.httpRequest().firstMatchingHeader("X-Amz-Target").map(target -> " " + target).orElse(""));
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/json")
                                .putHeader("Content-Length", String.valueOf(EMPTY_OBJECT.length))
                                .putHeader("x-amzn-RequestId", "unsent")
                                .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_OBJECT)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing is in flight
            }
        };
    }

    /** The requests answered so far, as {@code METHOD /path}, followed by the {@code X-Amz-Target} if any. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public String clientName() {
        return "Unsent";
    }

    @Override
    public void close() {
        // no connections to close
    }
}
