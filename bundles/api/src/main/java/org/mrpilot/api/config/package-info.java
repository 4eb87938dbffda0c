/** Validation of component configuration, shared by every bundle's components. */
@Export
@Version("0.1.0")
package org.mrpilot.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
