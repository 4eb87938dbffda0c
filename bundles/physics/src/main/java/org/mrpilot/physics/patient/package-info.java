/** Virtual patients in the scanner: pose, tissue-parameter maps and signal sampling on any plane (scanner LPS mm). */
@Export
@Version("0.1.0")
package org.mrpilot.physics.patient;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
