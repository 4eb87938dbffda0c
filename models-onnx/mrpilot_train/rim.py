"""Recurrent Inference Machine for T1 / T2 mapping (seed 001, section 3 and 4.4.4).

Per step the cell sees the current estimate and the closed-form gradient of the Gaussian negative
log-likelihood; the gradient is written out (no autograd) so the exported graph takes any number N of
weighted images. Internally relaxation times are estimated as log(T/1 s) so one model covers 20 ms to
several seconds with the same relative precision.

Each pixel's series is divided by its own maximum inside the graph (and A multiplied back at the end), so T and
B do not depend on how the caller scaled the images: a slice scaled by its brightest tissue and a training patch
scaled by its own give the same T1. The caller's scaling only keeps the numbers near 1.

B, the inversion efficiency, is a property of the transmit field, not of the tissue: it varies slowly in space, and
a single pixel hardly determines it (its Cramer-Rao sd at SNR 100 is 0.075 in white matter and 0.75 in CSF, against a
prior sd of 0.12; its correlation with T1 is -0.998). Fed only per-pixel gradients, the nets learned B's prior mean
and moved T1 to fit. So the cell also sees, for B, the Gauss-Newton step of a B shared by the POOL_WINDOW square
around each pixel, with each pixel's A and T1 free (eliminated per pixel, a Schur complement), each pixel weighted
by its share of the likelihood: what the pixels around it say together about B.

A voxel-wise fit cannot beat the noise of its own series; the paper's RIM beats it by learning from its neighbours.
Which neighbours are the same tissue is hard to learn with few channels, and a net that pools across a tissue
boundary, or shrinks towards the training prior, is biased. So the cell also sees, per parameter, how far the
estimates of the alike neighbours (SIMILAR_RADIUS square, each weighted by how close its whole weighted-image
series is to this pixel's, in units of the noise; see similarity_weights) lie from its own, and how many alike
neighbours there are. Pooling is then the net's choice, per pixel and per noise level.

Averaging estimates is not averaging data: at low SNR each pixel's own estimate is biased by the nonlinear signal
model (an inversion-recovery fit overestimates T1 when the noise is near the signal), and the mean of biased
estimates keeps that bias. So the cell also sees the likelihood gradient of the alike neighbours' weighted-mean
series (alike_gradient): the direction to the fit of the pooled data, which at SNR 3 is several times less noisy
than the pixel's own.

A gradient says where the fit lies but not how far: for long T1 (CSF) a large error gives a small gradient, because the
schedule hardly resolves it, and the nets stopped 5-7 % short of CSF's T1 even at SNR 60, where a voxel-wise fit
determines it to about 3 %. So the cell also sees (newton) the damped Gauss-Newton step of A and T per pixel, with B
held at its current estimate, for the pixel's own series and for the alike neighbours' pooled series: the distance to
each fit in the units of the estimate.

Graph I/O (see the model card): images [batch, N, H, W] divided by the scale, times [N] in seconds ->
kappa [batch, Q, H, W] = (A in scale units, B, T1 in s) or (A, T2 in s).
"""
import math

import torch
from torch import nn

LOG_T_MIN = math.log(0.005)
LOG_T_MAX = math.log(10.0)
PIXEL_SCALE_FLOOR = 1e-4  # below this (in caller-scaled units) a pixel is empty; avoids dividing by zero
POOL_WINDOW = 17  # pixels; the pooled step of shared parameters (B) covers this square around each pixel
MAX_SHARED_STEP = 1.0  # B lies in [1, 2]: a longer step says only that the window holds no tissue (noise)
MAX_NEWTON_STEP = 2.0  # in A (pixel-scaled) and log T: a longer step says only that the pixel is noise or undetermined
NEWTON_DAMPING = 1e-3  # relative (Levenberg-Marquardt): keeps the step finite where T is undetermined
SCHUR_DAMPING = 1e-6  # relative; keeps the per-pixel elimination finite where A and T1 are not determined
SIMILAR_RADIUS = 3  # pixels; the neighbours whose estimates are pooled lie in this (2r+1)^2 square
SIMILAR_OFFSETS = [(dy, dx) for dy in range(-SIMILAR_RADIUS, SIMILAR_RADIUS + 1)
                   for dx in range(-SIMILAR_RADIUS, SIMILAR_RADIUS + 1) if (dy, dx) != (0, 0)]
NEAREST = [SIMILAR_OFFSETS.index(o) for o in ((0, 1), (1, 0), (0, -1), (-1, 0))]


class ConvGru(nn.Module):
    """A GRU over each pixel's channel vector (1x1 convolutions)."""

    def __init__(self, channels: int):
        super().__init__()
        self.gates_x = nn.Conv2d(channels, 3 * channels, 1)
        self.gates_h = nn.Conv2d(channels, 3 * channels, 1)

    def forward(self, x, h):
        xz, xr, xn = self.gates_x(x).chunk(3, dim=1)
        hz, hr, hn = self.gates_h(h).chunk(3, dim=1)
        z = torch.sigmoid(xz + hz)
        r = torch.sigmoid(xr + hr)
        n = torch.tanh(xn + r * hn)
        return (1 - z) * n + z * h


class RimCell(nn.Module):
    """conv3x3+tanh -> GRU -> 2x (conv3x3+tanh) -> GRU -> conv1x1 to the update."""

    def __init__(self, q: int, hidden: int, pooled: int = 0):
        super().__init__()
        self.conv_in = nn.Conv2d(2 * q + pooled, hidden, 3, padding=1)
        self.gru1 = ConvGru(hidden)
        self.conv_mid = nn.Sequential(nn.Conv2d(hidden, hidden, 3, padding=1), nn.Tanh(),
                                      nn.Conv2d(hidden, hidden, 3, padding=1), nn.Tanh())
        self.gru2 = ConvGru(hidden)
        self.conv_out = nn.Conv2d(hidden, q, 1)

    def forward(self, x, h1, h2):
        h1 = self.gru1(torch.tanh(self.conv_in(x)), h1)
        h2 = self.gru2(self.conv_mid(h1), h2)
        return self.conv_out(h2), h1, h2


def newton_step(h_aa, h_at, h_tt, g_a, g_t):
    """[batch, 2, H, W]: the damped Gauss-Newton step -H^-1 g of (A, log T) from the per-pixel normal equations."""
    h_aa, h_tt = h_aa * (1 + NEWTON_DAMPING) + 1e-12, h_tt * (1 + NEWTON_DAMPING) + 1e-12
    det = h_aa * h_tt - h_at * h_at
    step_a = -(h_tt * g_a - h_at * g_t) / det
    step_t = -(h_aa * g_t - h_at * g_a) / det
    return torch.cat([step_a, step_t], dim=1).clamp(-MAX_NEWTON_STEP, MAX_NEWTON_STEP)


class SignalModel:
    """Closed-form forward model and NLL gradient in the internal parameterisation (log T)."""
    q = 0
    shared = ()  # channels of kappa that are smooth fields, not tissue properties (see shared_steps)

    def initial(self, images):
        raise NotImplementedError

    def residual_and_jacobian(self, kappa, images, times):
        """The fit of kappa to a series, which gradient, newton_steps and shared_steps take (computed once per step and
        series): per image [batch, N, H, W], the residual model - image and its derivative by each channel of kappa."""
        raise NotImplementedError

    @staticmethod
    def gradient(fit):
        """[batch, Q, H, W]: the gradient of the mean of 0.5 residual^2 over the images."""
        r, jacobian = fit
        return torch.cat([(r * j).mean(dim=1, keepdim=True) for j in jacobian], dim=1)

    @staticmethod
    def newton_steps(fit):
        """[batch, 2, H, W]: the damped Gauss-Newton step of (A, log T) per pixel, other channels held (newton_step)."""
        r, jacobian = fit
        j_a, j_t = jacobian[0], jacobian[-1]
        return newton_step((j_a * j_a).mean(1, True), (j_a * j_t).mean(1, True), (j_t * j_t).mean(1, True),
                           (j_a * r).mean(1, True), (j_t * r).mean(1, True))

    def shared_steps(self, fit, share):
        """Per shared channel [batch, len(shared), H, W]: the pooled Gauss-Newton step (see the module doc)."""
        raise NotImplementedError

    def with_amplitude_scaled(self, kappa, scale):
        return torch.cat([kappa[:, 0:1] * scale, kappa[:, 1:]], dim=1)

    def physical(self, kappa):
        raise NotImplementedError


class InversionRecovery(SignalModel):
    """kappa = (A, B, log T1); signal |A (1 - B exp(-TI/T1))|."""
    q = 3
    shared = (1,)

    def initial(self, images):
        a = images.amax(dim=1, keepdim=True)
        return torch.cat([a, torch.full_like(a, 2.0), torch.zeros_like(a)], dim=1)  # T1 = 1 s

    def residual_and_jacobian(self, kappa, images, times):
        """The residual |u| - image and its derivatives by A, B and log T1 (u = the signed model)."""
        a, b, log_t1 = kappa[:, 0:1], kappa[:, 1:2], kappa[:, 2:3].clamp(LOG_T_MIN, LOG_T_MAX)
        ratio = times.view(1, -1, 1, 1) * torch.exp(-log_t1)  # TI / T1
        decay = torch.exp(-ratio)
        u = a * (1 - b * decay)
        sign = torch.sign(u)
        return torch.abs(u) - images, (sign * (1 - b * decay), sign * (-a * decay), sign * (-a * b * decay * ratio))

    def shared_steps(self, fit, share):
        r, (j_a, j_b, j_t) = fit

        def mean(x):
            return x.mean(dim=1, keepdim=True)

        h_aa, h_tt, h_at = mean(j_a * j_a), mean(j_t * j_t), mean(j_a * j_t)
        h_bb, h_ab, h_bt = mean(j_b * j_b), mean(j_a * j_b), mean(j_b * j_t)
        g_a, g_b, g_t = mean(j_a * r), mean(j_b * r), mean(j_t * r)
        # eliminate A and log T1 per pixel: (h_aa h_at; h_at h_tt)^-1, lightly damped so flat pixels stay finite
        h_aa, h_tt = h_aa * (1 + SCHUR_DAMPING), h_tt * (1 + SCHUR_DAMPING)
        det = (h_aa * h_tt - h_at * h_at).clamp(min=1e-12)
        ia, it, iat = h_tt / det, h_aa / det, -h_at / det
        curvature = (h_bb - (h_ab * (ia * h_ab + iat * h_bt) + h_bt * (iat * h_ab + it * h_bt))).clamp(min=0)
        gradient = g_b - (h_ab * (ia * g_a + iat * g_t) + h_bt * (iat * g_a + it * g_t))
        step = -local_mean(gradient * share) / (local_mean(curvature * share) + 1e-9)
        return step.clamp(-MAX_SHARED_STEP, MAX_SHARED_STEP)

    def physical(self, kappa):
        return torch.cat([kappa[:, 0:2], torch.exp(kappa[:, 2:3].clamp(LOG_T_MIN, LOG_T_MAX))], dim=1)


class SpinEcho(SignalModel):
    """kappa = (A, log T2); signal A exp(-TE/T2)."""
    q = 2

    def initial(self, images):
        a = images.amax(dim=1, keepdim=True)
        return torch.cat([a, torch.full_like(a, math.log(0.1))], dim=1)  # T2 = 100 ms

    def residual_and_jacobian(self, kappa, images, times):
        """The residual A e^(-TE/T2) - image and its derivatives by A and log T2."""
        a, log_t2 = kappa[:, 0:1], kappa[:, 1:2].clamp(LOG_T_MIN, LOG_T_MAX)
        ratio = times.view(1, -1, 1, 1) * torch.exp(-log_t2)
        decay = torch.exp(-ratio)
        return a * decay - images, (decay, a * decay * ratio)

    def physical(self, kappa):
        return torch.cat([kappa[:, 0:1], torch.exp(kappa[:, 1:2].clamp(LOG_T_MIN, LOG_T_MAX))], dim=1)


MODELS = {"t1": InversionRecovery, "t2": SpinEcho}


def asinh(x):
    """asinh written with exportable ops (the ONNX exporter has no aten::asinh), odd-symmetric for accuracy."""
    a = torch.abs(x)
    return torch.sign(x) * torch.log(a + torch.sqrt(a * a + 1))


def shifted(padded, dy, dx, height, width):
    """The neighbour at (dy, dx) of every pixel, from a tensor padded by SIMILAR_RADIUS on both spatial axes."""
    r = SIMILAR_RADIUS
    return padded[:, :, r + dy:r + dy + height, r + dx:r + dx + width]


def padded(x):
    r = SIMILAR_RADIUS
    return nn.functional.pad(x, (r, r, r, r))


def similarity_weights(images, times):
    """[batch, len(SIMILAR_OFFSETS), H, W]: how far each neighbour's series is from the pixel's own, in units of
    what noise alone would give, mapped to a weight in [0, 1] (0 outside the image).

    Two pixels of one tissue differ by noise only: the mean over the N images of their squared difference is about
    2 sigma^2, with a relative spread of sqrt(2 / N). The noise sigma is the image's own (one number per image,
    the noise being white): half that mean squared difference to the second most alike of the four nearest
    neighbours, averaged over the image (the second most alike, so that an edge pixel still compares within its
    tissue). The excess over 2 sigma^2 in units of its spread is z; the weight is exp(-z^2 / 2) for z > 0."""
    height, width = images.shape[2], images.shape[3]
    n = torch.ones_like(times).sum()
    source, inside = padded(images), padded(torch.ones_like(images[:, :1]))
    valid = torch.cat([shifted(inside, dy, dx, height, width) for dy, dx in SIMILAR_OFFSETS], dim=1)
    squared = torch.cat([((shifted(source, dy, dx, height, width) - images) ** 2).mean(dim=1, keepdim=True)
                         for dy, dx in SIMILAR_OFFSETS], dim=1)
    nearest = squared[:, NEAREST] + 1e9 * (1 - valid[:, NEAREST])
    second = torch.topk(nearest, 2, dim=1, largest=False)[0][:, 1:2]
    noise_var = 0.5 * second.mean(dim=(2, 3), keepdim=True) + 1e-12
    z = (squared / (2 * noise_var) - 1) * torch.sqrt(n / 2)
    return torch.exp(-0.5 * torch.relu(z) ** 2) * valid


def pooled(values, weights):
    """Each pixel's values averaged with its neighbours', weighted by `weights` (the pixel itself weighs 1)."""
    height, width = values.shape[2], values.shape[3]
    source = padded(values)
    total = values
    for k, (dy, dx) in enumerate(SIMILAR_OFFSETS):
        total = total + weights[:, k:k + 1] * shifted(source, dy, dx, height, width)
    return total / (1 + weights.sum(dim=1, keepdim=True))


def local_mean(x):
    """Mean over the POOL_WINDOW square around each pixel (zeros outside the image; callers take ratios)."""
    return nn.functional.avg_pool2d(x, POOL_WINDOW, stride=1, padding=POOL_WINDOW // 2, count_include_pad=True)


class Rim(nn.Module):
    """alike=False builds the nets made before the alike-neighbour inputs (rim-t1 up to 1.3.0, rim-t2 1.1.0);
    alike_gradient=False those made before the gradient of the alike neighbours' pooled series (which needs alike);
    newton=False those made before the Gauss-Newton steps (which need alike_gradient)."""

    ARCHITECTURES = ((True, True, True), (True, True, False), (True, False, False), (False, False, False))

    def __init__(self, kind: str, hidden: int = 24, steps: int = 6, alike: bool = True, alike_gradient: bool = True,
                 newton: bool = True):
        super().__init__()
        alike_gradient = alike and alike_gradient
        newton = alike_gradient and newton
        self.kind = kind
        self.signal = MODELS[kind]()
        self.hidden = hidden
        self.steps = steps
        self.alike = alike
        self.alike_gradient = alike_gradient
        self.newton = newton
        self.cell = RimCell(self.signal.q, hidden, self.inputs_of(kind, alike, alike_gradient, newton) - 2 * self.signal.q)

    @staticmethod
    def inputs_of(kind: str, alike: bool, alike_gradient: bool, newton: bool) -> int:
        q = MODELS[kind].q
        return (2 * q + len(MODELS[kind].shared) + (q + 1 if alike else 0) + (q if alike_gradient else 0)
                + (4 if newton else 0))

    @classmethod
    def for_state(cls, kind: str, hidden: int, steps: int, state: dict) -> "Rim":
        """The architecture a saved state was trained with (read from its first convolution's inputs)."""
        width = state["cell.conv_in.weight"].shape[1]
        for alike, alike_gradient, newton in cls.ARCHITECTURES:
            if width == cls.inputs_of(kind, alike, alike_gradient, newton):
                return cls(kind, hidden, steps, alike=alike, alike_gradient=alike_gradient, newton=newton)
        raise ValueError(f"a {kind} cell with {width} inputs matches no known RIM architecture")

    def estimates(self, images, times):
        """Internal estimates after every step (list of J tensors [batch, Q, H, W]), A in the caller's units."""
        if self.alike:
            weights = similarity_weights(images, times)
            alike = weights.mean(dim=1, keepdim=True)
        pixel_scale = images.amax(dim=1, keepdim=True).clamp(min=PIXEL_SCALE_FLOOR)
        if self.alike_gradient:
            alike_images = pooled(images, weights) / pixel_scale
        images = images / pixel_scale
        # A pixel's residuals, and so its share of a shared parameter's likelihood, scale with its brightness squared.
        share = pixel_scale * pixel_scale
        kappa = self.signal.initial(images)
        h1 = h2 = None
        out = []
        for _ in range(self.steps):
            own = self.signal.residual_and_jacobian(kappa, images, times)
            inputs = [kappa, asinh(self.signal.gradient(own) * 10.0)]  # asinh keeps large gradients bounded
            if self.signal.shared:
                inputs.append(asinh(self.signal.shared_steps(own, share) * 10.0))
            if self.alike:  # what the alike neighbours estimate (A in the caller's units, relative to this pixel's scale)
                neighbours = self.signal.with_amplitude_scaled(
                    pooled(self.signal.with_amplitude_scaled(kappa, pixel_scale), weights), 1 / pixel_scale)
                inputs += [neighbours - kappa, alike]
            if self.alike_gradient:
                alike_fit = self.signal.residual_and_jacobian(kappa, alike_images, times)
                inputs.append(asinh(self.signal.gradient(alike_fit) * 10.0))
            if self.newton:
                inputs += [self.signal.newton_steps(own), self.signal.newton_steps(alike_fit)]
            x = torch.cat(inputs, dim=1)
            if h1 is None:
                h1 = h2 = x.new_zeros((x.shape[0], self.hidden, x.shape[2], x.shape[3]))
            delta, h1, h2 = self.cell(x, h1, h2)
            kappa = kappa + delta
            out.append(self.signal.with_amplitude_scaled(kappa, pixel_scale))
        return out

    def forward(self, images, times):
        return self.signal.physical(self.estimates(images, times)[-1])


def widened(rim: Rim, hidden: int) -> Rim:
    """A copy of `rim` with `hidden` channels that computes exactly the same: the old channels keep their weights and
    take nothing from the new ones, and the update reads nothing from them; the new channels start random, so they
    carry signal from the first step and training can grow their weight in the update (zero-initialised ones would
    get no gradient)."""
    if hidden < rim.hidden:
        raise ValueError(f"cannot narrow a RIM from {rim.hidden} to {hidden} hidden channels")
    wide = Rim(rim.kind, hidden=hidden, steps=rim.steps, alike=rim.alike, alike_gradient=rim.alike_gradient,
               newton=rim.newton)
    old_h = rim.hidden

    def rows(conv_out_channels_old, groups):
        # output channels of the old units: for a GRU's gate convolution, the z, r and n blocks each start at k * hidden
        return torch.cat([g * hidden + torch.arange(conv_out_channels_old // groups) for g in range(groups)])

    pairs = [(rim.cell.conv_in, wide.cell.conv_in, 1, False), (rim.cell.gru1.gates_x, wide.cell.gru1.gates_x, 3, True),
             (rim.cell.gru1.gates_h, wide.cell.gru1.gates_h, 3, True), (rim.cell.conv_mid[0], wide.cell.conv_mid[0], 1, True),
             (rim.cell.conv_mid[2], wide.cell.conv_mid[2], 1, True), (rim.cell.gru2.gates_x, wide.cell.gru2.gates_x, 3, True),
             (rim.cell.gru2.gates_h, wide.cell.gru2.gates_h, 3, True)]
    with torch.no_grad():
        for old, new, groups, hidden_inputs in pairs:
            out = rows(old.out_channels, groups)
            inputs = torch.arange(old_h) if hidden_inputs else torch.arange(old.in_channels)
            new.weight[out] = 0
            new.weight[out[:, None], inputs] = old.weight
            new.bias[out] = old.bias
        wide.cell.conv_out.weight.zero_()
        wide.cell.conv_out.weight[:, :old_h] = rim.cell.conv_out.weight
        wide.cell.conv_out.bias.copy_(rim.cell.conv_out.bias)
    return wide
