/** Closed-form MR signal equations; times in seconds. */
@Export
@Version("0.1.0")
package org.mrpilot.physics.signal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
