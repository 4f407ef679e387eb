// @lab/data installed from its tarball: an IDX round trip (gzipped, through fflate), seeded
// splits, errors, and the Node entry point.
import assert from 'node:assert/strict';
import { DataError, encodeIdxUint8, kFold, readIdxImages, readIdxLabels, trainTestSplit } from '@lab/data';
import { defaultMnistCacheDir, type LoadMnistOptions } from '@lab/data/node';

const pixels = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 10);
const images = readIdxImages(encodeIdxUint8(pixels, [2, 3, 4], { gzip: true }), { name: 'tiny-images' });
assert.deepEqual([images.count, images.rows, images.cols], [2, 3, 4]);
assert.deepEqual(Array.from(images.pixels), Array.from(pixels));
const labels = readIdxLabels(encodeIdxUint8(Uint8Array.from([7, 2, 1]), [3]));
assert.deepEqual(Array.from(labels), [7, 2, 1]);
assert.throws(() => readIdxImages(Uint8Array.from([1, 2, 3]), { name: 'broken' }), DataError);

const split = trainTestSplit(10, { testSize: 0.3, seed: 0 });
assert.deepEqual([split.train.length, split.test.length], [7, 3]);
assert.deepEqual(trainTestSplit(10, { testSize: 0.3, seed: 0 }), split, 'same seed, same split');
const folds = kFold(10, { k: 5 });
assert.deepEqual(folds.map((fold) => fold.test.length), [2, 2, 2, 2, 2]);

const options: LoadMnistOptions = { timeoutMs: 1000 };
assert.equal(typeof defaultMnistCacheDir({ XDG_CACHE_HOME: '/tmp/xdg' }), 'string');
console.log(images.count, images.rows, images.cols, split.test.length, folds.length, Object.keys(options).length);
