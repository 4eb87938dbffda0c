package org.mrpilot.api.inference;

/** A model that may not serve: its file, card, hash, signature or self-test is wrong. */
public class ModelRejectedException extends Exception {
    private final String model;
    private final String reason;

    public ModelRejectedException(String model, String reason) {
        this(model, reason, null);
    }

    public ModelRejectedException(String model, String reason, Throwable cause) {
        super("model " + model + " refused: " + reason, cause);
        this.model = model;
        this.reason = reason;
    }

    public String model() {
        return model;
    }

    public String reason() {
        return reason;
    }
}
