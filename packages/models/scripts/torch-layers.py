"""Writes src/fixtures/torch-layers.json: forward values and gradients of lab's layers computed by PyTorch.

Run with Debian's interpreter, which has torch (python3-torch):
    /usr/bin/python3 scripts/torch-layers.py

Each case gives a layer (lab's class name and options), a channels-last input x, the layer's weights
in Keras layout (conv kernel [kh, kw, in, out]), an upstream gradient r shaped like the output, and
what PyTorch computes in float64 from the float32-rounded inputs: the output y and the gradients of
sum(y * r) with respect to x and to each weight. Tensors move to PyTorch's channels-first layout and
back. Keras' 'same' padding (more on the bottom/right when the total is odd) is an explicit F.pad;
'same' average pooling divides by the number of input values in the window, as Keras does.
Batch norm in training uses the batch's biased variance for the moving update (Keras 3); PyTorch's
own running_var uses the unbiased one, so the moving statistics are computed here by formula.
"""
import json
import math
import pathlib

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
rng = np.random.default_rng(20261203)
cases = []


def f32(a):
    return torch.tensor(np.asarray(a, dtype=np.float32), dtype=torch.float64)


def rand(*shape, scale=1.0):
    return f32(rng.standard_normal(shape) * scale)


def nchw(x):
    return x.permute(0, 3, 1, 2)


def nhwc(x):
    return x.permute(0, 2, 3, 1)


def same_pads(n, k, s, d=1):
    out = math.ceil(n / s)
    total = max((out - 1) * s + (k - 1) * d + 1 - n, 0)
    return total // 2, total - total // 2


def pad_same(x, k, s, d=(1, 1), value=0.0):
    top, bottom = same_pads(x.shape[2], k[0], s[0], d[0])
    left, right = same_pads(x.shape[3], k[1], s[1], d[1])
    return F.pad(x, (left, right, top, bottom), value=value)


ACTS = {
    'linear': lambda v: v,
    'relu': F.relu,
    'tanh': torch.tanh,
    'sigmoid': torch.sigmoid,
    'elu': F.elu,
    'leakyRelu': lambda v: F.leaky_relu(v, 0.2),
    'gelu': F.gelu,
    'softplus': F.softplus,
    'swish': F.silu,
}


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def record(layer, options, x, weights, fn, training=False, extra=None):
    xs = x.clone().requires_grad_(True)
    ws = [w.clone().requires_grad_(True) for w in weights.values()]
    y = fn(xs, *ws)
    r = rand(*y.shape)
    (y * r).sum().backward()
    case = {
        'layer': layer,
        'options': options,
        'training': training,
        'x': {'shape': list(x.shape), 'values': x.flatten().tolist()},
        'weights': {k: {'shape': list(v.shape), 'values': v.flatten().tolist()} for k, v in weights.items()},
        'r': r.flatten().tolist(),
        'y': {'shape': list(y.shape), 'values': y.detach().flatten().tolist()},
        'dx': xs.grad.flatten().tolist(),
        'dw': {k: w.grad.flatten().tolist() for k, w in zip(weights, ws)},
    }
    if extra:
        case.update(extra)
    cases.append(case)


def conv_case(batch, h, w, cin, filters, kernel, strides=1, padding='valid', dilation=1, activation='linear', bias=True):
    k, s, d = pair(kernel), pair(strides), pair(dilation)
    x = rand(batch, h, w, cin)
    weights = {'kernel': rand(k[0], k[1], cin, filters, scale=0.5)}
    if bias:
        weights['bias'] = rand(filters, scale=0.5)

    def fn(xs, kernel_, bias_=None):
        t = nchw(xs)
        if padding == 'same':
            t = pad_same(t, k, s, d)
        out = F.conv2d(t, kernel_.permute(3, 2, 0, 1), bias_, stride=s, dilation=d)
        return nhwc(ACTS[activation](out))

    options = {'filters': filters, 'kernelSize': kernel, 'strides': strides, 'padding': padding, 'dilationRate': dilation, 'activation': activation, 'useBias': bias}
    record('Conv2D', options, x, weights, fn)


def pool_case(kind, batch, h, w, c, pool=2, strides=None, padding='valid'):
    k = pair(pool)
    s = pair(strides if strides is not None else pool)
    x = rand(batch, h, w, c)

    def fn(xs):
        t = nchw(xs)
        if kind == 'MaxPooling2D':
            if padding == 'same':
                t = pad_same(t, k, s, value=-math.inf)
            return nhwc(F.max_pool2d(t, k, s))
        if padding == 'same':
            total = F.avg_pool2d(pad_same(t, k, s), k, s, divisor_override=1)
            count = F.avg_pool2d(pad_same(torch.ones_like(t), k, s), k, s, divisor_override=1)
            return nhwc(total / count)
        return nhwc(F.avg_pool2d(t, k, s))

    options = {'poolSize': pool, 'padding': padding}
    if strides is not None:
        options['strides'] = strides
    record(kind, options, x, {}, fn)


def batch_norm_case(shape, training, momentum=0.99, epsilon=1e-3, center=True, scale=True):
    x = rand(*shape, scale=2.0) + 0.5
    c = shape[-1]
    weights = {}
    if scale:
        weights['gamma'] = f32(1 + 0.3 * rng.standard_normal(c))
    if center:
        weights['beta'] = rand(c, scale=0.3)
    moving_mean = rand(c, scale=0.2)
    moving_var = f32(0.5 + rng.random(c))
    axes = tuple(range(len(shape) - 1))

    def fn(xs, *ws):
        named = dict(zip(weights, ws))
        flat = xs.reshape(-1, c)
        out = F.batch_norm(flat, None if training else moving_mean, None if training else moving_var, named.get('gamma'), named.get('beta'), training=training, eps=epsilon)
        return out.reshape(xs.shape)

    extra = {'moving': {'mean': moving_mean.tolist(), 'variance': moving_var.tolist()}}
    if training:
        mean = x.mean(dim=axes)
        var = x.var(dim=axes, unbiased=False)
        extra['movingAfter'] = {'mean': (moving_mean * momentum + mean * (1 - momentum)).tolist(), 'variance': (moving_var * momentum + var * (1 - momentum)).tolist()}
    record('BatchNormalization', {'momentum': momentum, 'epsilon': epsilon, 'center': center, 'scale': scale}, x, weights, fn, training, extra)


# Conv2D: kernel sizes, strides, padding, dilation, activations, bias, batch 1, odd sizes.
conv_case(2, 7, 6, 2, 3, 3)
conv_case(1, 5, 5, 1, 4, 3, activation='relu')
conv_case(3, 8, 7, 3, 2, [2, 3], strides=2, padding='same', activation='relu')
conv_case(2, 9, 8, 2, 3, 3, strides=[2, 1], padding='valid', activation='tanh')
conv_case(2, 7, 7, 2, 2, 3, strides=2, padding='same')
conv_case(1, 9, 9, 2, 3, 3, dilation=2, activation='elu')
conv_case(2, 8, 9, 1, 2, [3, 2], dilation=[2, 1], padding='same', activation='gelu')
conv_case(2, 6, 6, 3, 4, 1, bias=False, activation='swish')
conv_case(2, 6, 5, 2, 3, 4, padding='same', activation='softplus')
conv_case(1, 5, 6, 2, 2, 3, strides=3, padding='same', activation='leakyRelu')
conv_case(2, 6, 6, 2, 2, 3, activation='sigmoid')
# Pooling.
for kind in ('MaxPooling2D', 'AveragePooling2D'):
    pool_case(kind, 2, 6, 6, 3)
    pool_case(kind, 1, 7, 5, 2)
    pool_case(kind, 2, 7, 7, 2, pool=3, strides=2)
    pool_case(kind, 2, 7, 6, 2, pool=[2, 3], padding='same')
    pool_case(kind, 1, 5, 5, 1, pool=3, strides=1, padding='same')
    pool_case(kind, 2, 9, 8, 2, pool=2, strides=[1, 2])
# Global average pooling.
x = rand(3, 5, 4, 2)
record('GlobalAveragePooling2D', {}, x, {}, lambda xs: xs.mean(dim=(1, 2)))
# Batch norm, training and inference, on images and on features.
batch_norm_case([4, 3, 3, 2], True)
batch_norm_case([4, 3, 3, 2], False)
batch_norm_case([6, 5], True, momentum=0.9, epsilon=1e-5)
batch_norm_case([6, 5], False, epsilon=1e-5, center=False)
batch_norm_case([1, 4, 4, 3], True, scale=False)
# Activations through Dense(linear) → the activation alone is checked on a plain tensor.
for name in ACTS:
    x = rand(4, 6, scale=3.0)
    record('Activation', {'activation': name}, x, {}, lambda xs, name=name: ACTS[name](xs))

out = pathlib.Path(__file__).resolve().parent.parent / 'src' / 'fixtures' / 'torch-layers.json'
out.write_text(json.dumps({'torch': torch.__version__, 'cases': cases}) + '\n')
print(f'wrote {len(cases)} cases to {out}')
