/**
 * Sequence tables in the units of the Pulseq specification (RF Hz, gradients Hz/m, times in microseconds,
 * ADC dwell in nanoseconds), the protocols that produce them, the geometry table an adapter renders, and
 * the safety limits every table is checked against before it leaves the agent.
 */
@Export
@Version("0.1.0")
package org.mrpilot.api.sequence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
