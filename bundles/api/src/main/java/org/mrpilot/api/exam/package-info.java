/**
 * Exam events: what a scanner interface (DICOM, MRD) received, as plain records, delivered to
 * {@link org.mrpilot.api.exam.ExamEventListener} services (whiteboard: register one, receive every event).
 */
@Export
@Version("0.1.0")
package org.mrpilot.api.exam;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
