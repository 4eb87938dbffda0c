/** Results returned to the scanner console and PACS as DICOM objects. */
@Export
@Version("0.1.0")
package org.mrpilot.api.dicom;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
