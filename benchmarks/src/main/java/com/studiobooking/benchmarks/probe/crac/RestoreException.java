package com.studiobooking.benchmarks.probe.crac;

/** A resource's {@code afterRestore} failed (the failures are suppressed exceptions of this one). */
public class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;
}
