package org.mrpilot.dicom;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;

/**
 * How the C-STORE receiver listens.
 *
 * @param aeTitle          our AE title (the called AE title senders must use)
 * @param bindAddress      interface to listen on
 * @param port             TCP port; 0 picks a free one
 * @param acceptedCallingAeTitles senders allowed to associate; empty = any
 * @param maxAssociations  associations served at once; more wait for a free slot
 * @param quietPeriod      a series without new images for this long is complete
 */
public record ScpSettings(String aeTitle, InetAddress bindAddress, int port, Set<String> acceptedCallingAeTitles, int maxAssociations,
                          Duration quietPeriod) {
    public ScpSettings {
        acceptedCallingAeTitles = Set.copyOf(acceptedCallingAeTitles);
    }
}
