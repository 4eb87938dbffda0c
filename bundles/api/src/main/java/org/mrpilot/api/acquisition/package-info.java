/** What a scanner acquired or is asked to acquire: contrast parameters of a series. */
@Export
@Version("0.1.0")
package org.mrpilot.api.acquisition;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
