/** Seeded training-set exports (.npy + meta.json). */
@Export
@Version("0.1.0")
package org.mrpilot.physics.dataset;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
