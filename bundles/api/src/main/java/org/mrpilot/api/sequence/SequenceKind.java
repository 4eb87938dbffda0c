package org.mrpilot.api.sequence;

/** The families of sequences the agent can build. */
public enum SequenceKind {
    /** Three orthogonal single-slice spoiled GRE planes through the centre. */
    LOCALIZER,
    /** 2D multi-slice spoiled gradient echo (FLASH). */
    SPOILED_GRE,
    /** Inversion recovery, one weighted image per inversion time (T1 mapping). */
    INVERSION_RECOVERY,
    /** Multi-echo spin echo (CPMG), one weighted image per echo time (T2 mapping). */
    MULTI_ECHO_SPIN_ECHO
}
