package org.mrpilot.mapping;

import java.util.Optional;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.mapping.MappingMethod;
import org.mrpilot.api.mapping.MappingService;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.WeightedSeries;

/**
 * The mapping service on plain Java: the RIM when asked for and available, otherwise (model missing, refused
 * at load because its self-test failed, or failing at run time) the MLE, with the reason in the provenance.
 */
public final class RelaxometryMapping implements MappingService {
    private final Optional<RimMapper> rim;
    private final MleMapper mle;

    /** @param inference the inference host, or null when there is none (MLE only) */
    public RelaxometryMapping(InferenceService inference, MleMapper mle) {
        this.rim = Optional.ofNullable(inference).map(RimMapper::new);
        this.mle = mle;
    }

    @Override
    public QuantitativeMap map(WeightedSeries series, MappingMethod method) {
        if (method == MappingMethod.MLE) return mle.map(series);
        String reason;
        if (rim.isEmpty()) {
            reason = "no inference service";
        } else {
            try {
                return rim.get().map(series);
            } catch (RuntimeException e) {
                reason = e.getMessage();
            }
        }
        QuantitativeMap fallback = mle.map(series);
        return new QuantitativeMap(fallback.kind(), fallback.columns(), fallback.rows(), fallback.relaxationS(), fallback.amplitude(),
                fallback.inversion(), fallback.mask(), MleMapper.PROVENANCE + " (RIM unavailable: " + reason + ")", fallback.seconds());
    }
}
