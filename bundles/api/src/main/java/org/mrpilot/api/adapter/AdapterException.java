package org.mrpilot.api.adapter;

/** The scanner side could not take a push (target not writable, connection lost, ...). */
public class AdapterException extends Exception {
    public AdapterException(String message, Throwable cause) {
        super(message, cause);
    }
}
