/** Slice planning from a localizer: the planning service, its plan and the localizer's quality verdict. */
@Export
@Version("0.1.0")
package org.mrpilot.api.planning;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
