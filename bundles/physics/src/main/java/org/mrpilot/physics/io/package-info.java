/** File formats: NIfTI-1, NumPy .npy. */
@Export
@Version("0.1.0")
package org.mrpilot.physics.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
