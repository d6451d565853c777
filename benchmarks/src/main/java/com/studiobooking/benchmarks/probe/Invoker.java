package com.studiobooking.benchmarks.probe;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Calls a handler as the Lambda Java runtime does, in three steps the probes time apart: {@link #read} the event
 * (the runtime's event serializer for a typed {@code RequestHandler}; nothing for a {@code RequestStreamHandler},
 * which gets the bytes), {@link #handle} it, {@link #write} the response. The status is read afterwards, off the clock.
 * Each kind lives in its own class so that a stream handler's JVM never loads the serialization library.
 */
abstract class Invoker {

    static Invoker of(Object handler, boolean job, ClassLoader loader) {
        return handler instanceof RequestStreamHandler stream ? new StreamInvoker(stream, job) : TypedInvoker.of(handler, job, loader);
    }

    /** Whether the handler takes the event's bytes ({@code RequestStreamHandler}). */
    abstract boolean stream();

    abstract Object read(byte[] event) throws Exception;

    abstract Object handle(Object event) throws Exception;

    abstract void write(Object response) throws Exception;

    /** The HTTP status of a response (a job's answer counts as 200 unless it carries an "error"). */
    abstract int status(Object response);

    /** The response as text, for a failure message. */
    abstract String describe(Object response);
}
