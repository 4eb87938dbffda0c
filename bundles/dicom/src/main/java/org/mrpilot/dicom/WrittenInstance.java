package org.mrpilot.dicom;

/** One encoded result instance, ready for the outbox. */
record WrittenInstance(String sopClassUid, String sopInstanceUid, String seriesInstanceUid, byte[] part10) {
}
