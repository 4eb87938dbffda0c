package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.MultipleInstanceTransferStatusHandlerWithFileName;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Sends Part 10 files to one destination in one association; reports which ones the destination accepted. */
final class StoreScu {
    private StoreScu() {
    }

    /** The files the destination confirmed with a success status; none when it cannot be reached. */
    static Set<Path> send(Destination destination, String callingAeTitle, List<Path> files) throws Exception {
        SetOfDicomFiles set = new SetOfDicomFiles();
        for (Path f : files) {
            // Only the meta header is read: the data set is streamed as stored, never re-encoded.
            AttributeList meta = new AttributeList();
            meta.readOnlyMetaInformationHeader(f.toFile());
            set.add(f.toString(), Attribute.string(meta, TagFromName.MediaStorageSOPClassUID), Attribute.string(meta, TagFromName.MediaStorageSOPInstanceUID),
                    Attribute.string(meta, TagFromName.TransferSyntaxUID));
        }
        Set<Path> delivered = new HashSet<>();
        new com.pixelmed.network.StorageSOPClassSCU(destination.host(), destination.port(), destination.calledAeTitle(), callingAeTitle, set, 0,
                new MultipleInstanceTransferStatusHandlerWithFileName() {
                    @Override
                    public void updateStatus(int remaining, int completed, int failed, int warning, String sopInstanceUid, String fileName, boolean success) {
                        if (success) delivered.add(Path.of(fileName));
                    }
                });
        return delivered;
    }
}
