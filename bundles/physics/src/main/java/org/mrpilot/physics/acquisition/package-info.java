/** Simulated acquisition: localizer, imaging on any slice group with partial volume, k-space noise, FFT recon. */
@Export
@Version("0.1.0")
package org.mrpilot.physics.acquisition;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
