"""Writes src/fixtures/scale-pixels.json: every uint8 value divided by 255 as Keras users do it.

Run with Debian's interpreter:  /usr/bin/python3 scripts/scale-pixels-fixture.py
`train_images / 255` divides in float64; the model then sees it as float32.
"""
import json
import pathlib

import numpy as np

pixels = np.arange(256, dtype=np.uint8)
scaled = (pixels / 255).astype(np.float32)
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "scale-pixels.json"
out.write_text(json.dumps({"generator": "scripts/scale-pixels-fixture.py", "numpy": np.__version__,
                           "expression": "(np.arange(256, dtype=np.uint8) / 255).astype(np.float32)",
                           "scaled": [float(v) for v in scaled]}) + "\n")
print(f"wrote {len(scaled)} values to {out}")
