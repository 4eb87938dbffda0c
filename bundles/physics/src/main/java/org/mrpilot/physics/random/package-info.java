/** Deterministic random numbers, fixed by this bundle's code alone. */
@Export
@Version("0.1.0")
package org.mrpilot.physics.random;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
