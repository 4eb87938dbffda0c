package org.mrpilot.api.lifecycle;

/**
 * Work a component goes on doing after its activation returned, such as loading its models on a thread of its own.
 * The agent does not call itself ready until every registered piece of start-up work is done.
 */
public interface StartupWork {
    /** What is being done, for the log: "loading the configured models". */
    String description();

    /** True once the work has ended, whatever its outcome. */
    boolean done();
}
