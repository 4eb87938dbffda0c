"""Peer for `./mrpilot bench physics`: the same centred 2D inverse FFT + magnitude that the Java recon does,
done by numpy.fft on the same k-space, timed the same way (median of repeats over all slices).

usage: numpy_fft_peer.py KSPACE.npy REPEATS OUT_MAGNITUDE.npy   (KSPACE: float64, shape (N, rows, cols, 2))
prints one line of JSON: {"median_s": ..., "numpy": "..."}
"""
import json
import sys
import time

import numpy as np


def recon(k):
    image = np.fft.fftshift(np.fft.ifft2(np.fft.ifftshift(k, axes=(-2, -1))), axes=(-2, -1))
    return np.abs(image)


def main():
    raw = np.load(sys.argv[1])
    k = raw[..., 0] + 1j * raw[..., 1]
    repeats = int(sys.argv[2])
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        out = np.stack([recon(k[s]) for s in range(k.shape[0])])
        times.append(time.perf_counter() - start)
    np.save(sys.argv[3], out.astype(np.float32))
    print(json.dumps({"median_s": float(np.median(times)), "numpy": np.__version__}))


if __name__ == "__main__":
    main()
