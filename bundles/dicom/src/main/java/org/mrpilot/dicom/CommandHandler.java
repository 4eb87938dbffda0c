package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.Association;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.MessageServiceElementCommand;
import com.pixelmed.network.PDataPDU;
import com.pixelmed.network.PresentationDataValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Receives one request message (command, then data for C-STORE) of an association. The data set is streamed
 * into a Part 10 file in the store's incoming folder as it arrives and forced to disk; {@link InstanceStore} then
 * reads it whole to validate it, which is why the receiver bounds max.instance.mib by the heap.
 */
final class CommandHandler extends CompositeResponseHandler {
    private final InstanceStore store;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private AttributeList commandList;
    private byte presentationContextId;
    private Path file;
    private FileOutputStream out;
    private long written;
    private boolean tooLarge;

    CommandHandler(InstanceStore store) {
        this.store = store;
    }

    @Override
    public void sendPDataIndication(PDataPDU pdata, Association association) throws DicomNetworkException, DicomException, IOException {
        for (Object o : pdata.getPDVList()) {
            PresentationDataValue pdv = (PresentationDataValue) o;
            presentationContextId = pdv.getPresentationContextID();
            if (pdv.isCommand()) {
                command.write(pdv.getValue());
                if (pdv.isLastFragment()) {
                    commandList = new AttributeList();
                    commandList.read(new DicomInputStream(new ByteArrayInputStream(command.toByteArray()), TransferSyntax.ImplicitVRLittleEndian, false));
                    int field = commandField();
                    if (field == MessageServiceElementCommand.C_ECHO_RQ) setDone(true);
                    else if (field != MessageServiceElementCommand.C_STORE_RQ) {
                        throw new DicomNetworkException("unsupported command 0x" + Integer.toHexString(field));
                    }
                }
            } else {
                if (commandList == null || commandField() != MessageServiceElementCommand.C_STORE_RQ) {
                    throw new DicomNetworkException("data received without a C-STORE request");
                }
                if (out == null) open(association);
                byte[] value = pdv.getValue();
                written += value.length;
                if (written > store.maxInstanceBytes()) tooLarge = true;
                if (!tooLarge) out.write(value);
                if (pdv.isLastFragment()) {
                    out.getFD().sync();
                    out.close();
                    out = null;
                    setDone(true);
                }
            }
        }
    }

    private void open(Association association) throws IOException, DicomException, DicomNetworkException {
        file = store.newIncomingFile();
        out = new FileOutputStream(file.toFile());
        FileMetaInformation meta = new FileMetaInformation(affectedSopClass(), affectedSopInstance(),
                association.getTransferSyntaxForPresentationContextID(presentationContextId), association.getCallingAETitle());
        DicomOutputStream dout = new DicomOutputStream(out, TransferSyntax.ExplicitVRLittleEndian, null);
        meta.getAttributeList().write(dout);
        dout.flush();
    }

    /** Closes and removes a half-written file when the association breaks mid-instance. */
    void discard() {
        try {
            if (out != null) out.close();
            if (file != null) java.nio.file.Files.deleteIfExists(file);
        } catch (IOException e) {
            // InstanceStore deletes what is left in incoming at the next start; nothing else to do here.
        }
    }

    @Override
    protected void evaluateStatusAndSetSuccess(AttributeList list) {
        // Requests, not responses, arrive here: there is no status to evaluate.
    }

    int commandField() {
        return Attribute.integer(commandList, TagFromName.CommandField, -1);
    }

    int messageId() {
        return Attribute.integer(commandList, TagFromName.MessageID, 0);
    }

    String affectedSopClass() {
        return Attribute.string(commandList, TagFromName.AffectedSOPClassUID);
    }

    String affectedSopInstance() {
        return Attribute.string(commandList, TagFromName.AffectedSOPInstanceUID);
    }

    byte presentationContextId() {
        return presentationContextId;
    }

    /** The received file, or null for C-ECHO. */
    Path file() {
        return file;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    long bytesReceived() {
        return written;
    }
}
