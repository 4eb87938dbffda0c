"""Closed-form relaxometry signal models, acquisition schedules (seed 001, Table 2) and tissue values (Table 1).

Only these equations are re-implemented here; tissue maps come from the physics core (see patches.py).
Units: seconds for times, A in units of the CSF proton density.
"""
import numpy as np

# Table 2 of seed 001, seconds.
TI_23 = np.array([172, 204, 237, 270, 303, 335, 368, 401, 434, 467, 499, 532, 565, 598, 630, 663, 696, 729,
                  761, 794, 827, 860, 893], dtype=np.float64) / 1000
TI_25 = np.concatenate([TI_23, [0.925, 0.958]])
TI_31 = np.array([139, 166, 193, 219, 246, 272, 299, 325, 352, 379, 405, 432, 458, 485, 511, 538, 565, 591,
                  618, 644, 671, 697, 724, 751, 777, 804, 838, 857, 883, 915, 937], dtype=np.float64) / 1000
TE_6 = np.array([10, 20, 40, 80, 160, 320], dtype=np.float64) / 1000

# Table 1 of seed 001: (T1 mean, T1 sd, T2 mean, T2 sd) in seconds, (A mean, A sd).
TISSUES = {
    "csf": (3.5, 0.3, 2.0, 0.3, 1.0, 0.3),
    "gm": (1.4, 0.3, 0.11, 0.03, 0.85, 0.3),
    "wm": (0.78, 0.25, 0.08, 0.02, 0.65, 0.3),
    "fat": (0.42, 0.1, 0.07, 0.02, 0.9, 0.3),
    "muscle": (1.2, 0.3, 0.05, 0.02, 0.7, 0.3),
    "skin": (1.23, 0.3, 0.05, 0.02, 0.7, 0.3),
    "skull": (0.4, 0.1, 0.03, 0.01, 0.9, 0.3),
    "vessels": (1.98, 0.3, 0.275, 0.07, 1.0, 0.3),
    "marrow": (0.58, 0.1, 0.05, 0.02, 0.8, 0.3),
}


def t1_signal(a, b, t1, ti):
    """|A (1 - B exp(-TI/T1))|; parameters broadcast against ti (last axis or leading, caller's choice)."""
    return np.abs(a * (1 - b * np.exp(-ti / t1)))


def t2_signal(a, t2, te):
    """A exp(-TE/T2)."""
    return a * np.exp(-te / t2)
