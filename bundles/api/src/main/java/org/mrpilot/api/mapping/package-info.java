/** Quantitative relaxometry: weighted image series in, T1/T2 maps out. */
@Export
@Version("0.1.0")
package org.mrpilot.api.mapping;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
