package org.mrpilot.api.adapter;

/** An adapter's state: ready to take pushes or not (with the reason), and how many it has taken. */
public record AdapterStatus(String vendor, boolean ready, String detail, int pushes, String lastPushed) {
}
