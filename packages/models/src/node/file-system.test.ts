import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { loadModel } from '../io/load.js';
import { Sequential } from '../sequential.js';
import { fileSystem } from './file-system.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lab-model-'));

function model(seed: number, units = 8): Sequential {
  const m = new Sequential(
    [new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units, activation: 'relu' }), new Dense({ units: 3, activation: 'softmax' })],
    { seed },
  );
  m.build();
  return m;
}

describe('fileSystem(dir)', () => {
  it('writes model.json + weights.bin that tfjs-layers reads, and reads them back', async () => {
    const dir = path.join(tmp(), 'model');
    const ours = model(1);
    await ours.save(fileSystem(dir), { labels: ['0', '1', '2'] });
    expect(fs.readdirSync(dir).sort()).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    const bin = fs.readFileSync(path.join(dir, 'weights.bin'));
    const theirs = await tfl.loadLayersModel(
      tf.io.fromMemory({ ...json, weightSpecs: json.weightsManifest[0].weights, weightData: new Uint8Array(bin).buffer }),
    );
    const loaded = await loadModel(fileSystem(dir));
    expect(loaded.metadata.labels).toEqual(['0', '1', '2']);
    const x = tf.randomUniform([3, 4, 4, 1], 0, 1, 'float32', 1);
    const [a, b, c] = [ours.predict(x), theirs.predict(x) as tf.Tensor, loaded.predict(x)];
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeLessThanOrEqual(1e-6);
    expect(Array.from(c.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b, c]);
    for (const m of [ours, loaded]) m.dispose();
    theirs.dispose();
  });

  it('says which file is missing or inconsistent', async () => {
    const dir = path.join(tmp(), 'model');
    await expect(loadModel(fileSystem(dir))).rejects.toThrow(/model.json: not found/);
    const m = model(2);
    await m.save(fileSystem(dir));
    m.dispose();
    fs.writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(10));
    await expect(loadModel(fileSystem(dir))).rejects.toThrow(/hold 10 bytes, but model.json's manifest needs \d+/);
    fs.rmSync(path.join(dir, 'weights.bin'));
    await expect(loadModel(fileSystem(dir))).rejects.toThrow(/lists the weights file 'weights.bin', which is missing/);
    fs.writeFileSync(path.join(dir, 'model.json'), '{ not json');
    await expect(loadModel(fileSystem(dir))).rejects.toThrow(/not a valid model.json/);
  });

  it('treats the folder as a boundary: manifest paths leaving it, FIFOs and devices are refused at once', async () => {
    const before = tf.memory().numTensors;
    const dir = path.join(tmp(), 'model');
    const m = model(3);
    await m.save(fileSystem(dir));
    m.dispose();
    const jsonPath = path.join(dir, 'model.json');
    const json = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
    for (const bad of ['../../etc/passwd', '/etc/passwd', '../model/weights.bin/..', '']) {
      json.weightsManifest[0].paths = [bad];
      fs.writeFileSync(jsonPath, JSON.stringify(json));
      await expect(loadModel(fileSystem(dir)), bad).rejects.toThrow(bad === '' ? /not a file name/ : /leaves the model folder/);
    }
    json.weightsManifest[0].paths = ['weights.fifo'];
    fs.writeFileSync(jsonPath, JSON.stringify(json));
    execFileSync('mkfifo', [path.join(dir, 'weights.fifo')]);
    await expect(loadModel(fileSystem(dir))).rejects.toThrow(/weights.fifo: a weights file of this model is a FIFO \(named pipe\), not a regular file/);
    const devDir = path.join(tmp(), 'dev-model');
    fs.mkdirSync(devDir);
    fs.symlinkSync('/dev/zero', path.join(devDir, 'model.json'));
    await expect(loadModel(fileSystem(devDir))).rejects.toThrow(/model.json: the model file is a character device, not a regular file/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('recovers the previous model when a save died between its renames', async () => {
    const root = tmp();
    const dir = path.join(root, 'model');
    const m = model(3);
    await m.save(fileSystem(dir));
    fs.renameSync(dir, `${dir}.previous-dead`);
    const loaded = await loadModel(fileSystem(dir));
    expect(loaded.countParams()).toBe(m.countParams());
    m.dispose();
    loaded.dispose();
  });

  it('a save killed midway leaves the previous model intact', async () => {
    // A child process saves a 5 MB model over and over; it is killed at a random moment, and the
    // directory must still hold one complete, loadable model.
    const dir = path.join(tmp(), 'model');
    const first = model(4, 400);
    await first.save(fileSystem(dir));
    first.dispose();
    const here = path.dirname(fileURLToPath(import.meta.url));
    const script = path.join(here, '../../dist/node/index.js');
    const models = path.join(here, '../../dist/index.js');
    const code = `
      import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu';
      const { Sequential, Dense, Flatten } = await import(${JSON.stringify(models)});
      const { fileSystem } = await import(${JSON.stringify(script)});
      await tf.setBackend('cpu');
      for (let i = 0; ; i++) {
        const m = new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 400 }), new Dense({ units: 3 })], { seed: i });
        m.build(); await m.save(fileSystem(${JSON.stringify(dir)})); m.dispose();
        if (i === 0) process.stdout.write('saving\\n');
      }`;
    for (const delay of [30, 90, 170]) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: path.join(here, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const loaded = await loadModel(fileSystem(dir));
      expect(loaded.countParams()).toBe(16 * 400 + 400 + 400 * 3 + 3);
      loaded.dispose();
    }
  });
});
