package org.mrpilot.dicom;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * Which presentation contexts an association gets: Verification and the image storage SOP classes we can place in
 * patient space, in an uncompressed transfer syntax (explicit VR preferred). Every refusal is logged with its reason;
 * the sender sees it as "abstract syntax" or "transfer syntaxes not supported".
 */
final class StorePolicy implements PresentationContextSelectionPolicy {
    static final Set<String> STORAGE_CLASSES = Set.of(SOPClass.MRImageStorage);
    private static final List<String> PREFERRED = List.of(TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian,
            TransferSyntax.ImplicitVRLittleEndian);
    private static final byte ACCEPTED = 0;
    private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    private static final byte TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    private final Log log;

    StorePolicy(Log log) {
        this.log = log;
    }

    @Override
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int associationNumber, int debugLevel) {
        return applyPresentationContextSelectionPolicy(contexts, associationNumber);
    }

    @Override
    @SuppressWarnings("unchecked")
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int associationNumber) {
        java.util.Set<String> refusedClasses = new java.util.TreeSet<>();
        for (Object o : contexts) {
            PresentationContext pc = (PresentationContext) o;
            String sopClass = pc.getAbstractSyntaxUID();
            List<String> offered = List.copyOf(pc.getTransferSyntaxUIDs());
            pc.newTransferSyntaxUIDs();
            if (!SOPClass.Verification.equals(sopClass) && !STORAGE_CLASSES.contains(sopClass)) {
                pc.setResultReason(ABSTRACT_SYNTAX_NOT_SUPPORTED);
                refusedClasses.add(sopClass);
                continue;
            }
            String chosen = PREFERRED.stream().filter(offered::contains).findFirst().orElse(null);
            if (chosen == null) {
                pc.setResultReason(TRANSFER_SYNTAXES_NOT_SUPPORTED);
                log.warn("association " + associationNumber + ": refused transfer syntaxes " + offered + " for " + sopClass
                        + " (only uncompressed ones are accepted)");
            } else {
                pc.addTransferSyntaxUID(chosen);
                pc.setResultReason(ACCEPTED);
            }
        }
        if (!refusedClasses.isEmpty()) {
            log.info("association " + associationNumber + ": " + refusedClasses.size() + " proposed SOP classes refused (only MR Image Storage and Verification)");
        }
        return contexts;
    }
}
