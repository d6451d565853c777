package com.studiobooking.benchmarks.probe.crac;

/** A resource's {@code beforeCheckpoint} failed (the failures are suppressed exceptions of this one). */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;
}
