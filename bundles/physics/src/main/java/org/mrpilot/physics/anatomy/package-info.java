/** Labelled head anatomies in head coordinates (procedural, ICBM152) with planning landmarks. */
@Export
@Version("0.1.0")
package org.mrpilot.physics.anatomy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
