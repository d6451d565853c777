package com.studiobooking.benchmarks.probe.crac;

/**
 * What {@code org.crac.Core}'s compat layer wraps every registered {@code org.crac.Resource} into (a proxy of this
 * interface), when the JVM runs with {@code -Dorg.crac.Core.Compat=com.studiobooking.benchmarks.probe.crac}.
 */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
