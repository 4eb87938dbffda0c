/**
 * Patient geometry as DICOM defines it: LPS coordinates in millimetres (x to the patient's left, y to posterior,
 * z to head), slices and volumes with exact voxel-to-patient mappings, planned slice groups.
 */
@Export
@Version("0.1.0")
package org.mrpilot.api.geometry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
