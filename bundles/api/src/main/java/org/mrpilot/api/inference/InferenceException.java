package org.mrpilot.api.inference;

/** An inference that could not run: unknown model, inputs that do not fit the card, or a runtime failure. */
public class InferenceException extends RuntimeException {
    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
