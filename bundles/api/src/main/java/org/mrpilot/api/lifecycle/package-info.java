/** What the agent's components tell it about their own start-up. */
@Export
@Version("0.1.0")
package org.mrpilot.api.lifecycle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
