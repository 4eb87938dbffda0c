package org.mrpilot.api.dicom;

/** Quantities a parametric map can hold; values in the api are always in seconds. */
public enum MapQuantity {
    T1, T2
}
