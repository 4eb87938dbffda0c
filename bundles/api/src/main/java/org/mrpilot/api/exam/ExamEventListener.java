package org.mrpilot.api.exam;

/**
 * Whiteboard service: register an implementation and every scanner interface calls it for each event.
 * Calls come from the interface's own thread, one at a time; return quickly and hand long work elsewhere.
 */
public interface ExamEventListener {
    default void localizerReceived(LocalizerReceived event) {
    }

    default void imagesReceived(ImagesReceived event) {
    }
}
