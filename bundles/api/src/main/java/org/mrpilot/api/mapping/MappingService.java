package org.mrpilot.api.mapping;

/** Computes T1 or T2 maps from a weighted series. */
public interface MappingService {

    /** @throws IllegalArgumentException when the series cannot be mapped (the reason names what is wrong) */
    QuantitativeMap map(WeightedSeries series, MappingMethod method);
}
