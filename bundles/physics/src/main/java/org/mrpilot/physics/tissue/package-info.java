/** Tissue library (1.5 T, 3 T) and per-subject, per-voxel sampling of tissue parameters (seed 001 section 4.2). */
@Export
@Version("0.1.0")
package org.mrpilot.physics.tissue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
