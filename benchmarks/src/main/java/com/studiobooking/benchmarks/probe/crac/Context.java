package com.studiobooking.benchmarks.probe.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context of the probe's CRaC stand-in, ordered as the Lambda Java runtime's own
 * ({@code com.amazonaws.services.lambda.crac}): {@code beforeCheckpoint} in reverse order of registration,
 * {@code afterRestore} in order. The first exception of a phase is thrown after every resource had its turn.
 */
public class Context<R extends Resource> implements Resource {
    private final List<Resource> resources = new ArrayList<>();

    Context() {}

    public synchronized void register(R resource) {
        resources.add(resource);
    }

    /** How many resources were registered (the handlers' {@code Priming}, once per JVM). */
    public synchronized int size() {
        return resources.size();
    }

    @Override
    public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        CheckpointException failed = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).beforeCheckpoint(this);
            } catch (Exception e) {
                if (failed == null) failed = new CheckpointException();
                failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }

    @Override
    public synchronized void afterRestore(Context<? extends Resource> context) throws RestoreException {
        RestoreException failed = null;
        for (Resource resource : resources) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                if (failed == null) failed = new RestoreException();
                failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }
}
