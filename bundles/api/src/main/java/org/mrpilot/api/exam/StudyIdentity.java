package org.mrpilot.api.exam;

/**
 * Who and which study a series belongs to, as the scanner sent it; results written back carry the same identity.
 * Empty strings stand for attributes the scanner left empty.
 */
public record StudyIdentity(String patientName, String patientId, String patientBirthDate, String patientSex,
                            String studyInstanceUid, String studyDate, String studyTime, String studyId,
                            String accessionNumber, String referringPhysicianName) {
    public StudyIdentity {
        if (studyInstanceUid == null || studyInstanceUid.isBlank()) throw new IllegalArgumentException("study instance UID is required");
    }
}
