package com.studiobooking.benchmarks.probe.crac;

/**
 * A CRaC implementation for a JVM without CRaC, found by {@code org.crac.Core} through
 * {@code -Dorg.crac.Core.Compat=com.studiobooking.benchmarks.probe.crac}: the same mechanism Lambda uses for
 * SnapStart on Java 17 ({@code -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac}, the runtime interface
 * client's package). Without such a property and without {@code jdk.crac}/{@code javax.crac}, {@code org.crac}
 * drops every registration and its global context throws on {@code beforeCheckpoint}, so the hooks cannot be
 * run through {@code org.crac} itself. {@link #checkpointRestore()} takes no snapshot: it runs the hooks in place.
 */
public final class Core {
    private static final Context<Resource> GLOBAL = new Context<>();

    private Core() {}

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        GLOBAL.beforeCheckpoint(null);
        GLOBAL.afterRestore(null);
    }
}
