import { describe, expect, it } from 'vitest';
import { formatFilepath } from './format-filepath.js';

// Keras fills ModelCheckpoint's filepath with Python's str.format(epoch=epoch + 1, **logs):
// 'weights.{epoch:02d}-{val_loss:.2f}.keras' → 'weights.03-0.12.keras'.
describe('formatFilepath', () => {
  it('fills names with Python format specs', () => {
    expect(formatFilepath('weights.{epoch:02d}-{val_loss:.2f}.keras', { epoch: 3, val_loss: 0.1234 })).toBe('weights.03-0.12.keras');
    expect(formatFilepath('{epoch}/{loss:.4f}', { epoch: 12, loss: 0.5 })).toBe('12/0.5000');
    expect(formatFilepath('{epoch:3d}|{loss:.2e}|{{x}}', { epoch: 7, loss: 0.00015 })).toBe('  7|1.50e-04|{x}');
    expect(formatFilepath('{loss:08.3f}', { loss: -1.5 })).toBe('-001.500');
  });

  it('names the missing key and the unsupported spec', () => {
    expect(() => formatFilepath('m-{val_acc}', { epoch: 1, loss: 1 })).toThrow("ModelCheckpoint: the filepath 'm-{val_acc}' names 'val_acc', which is not in the logs; available: epoch, loss");
    expect(() => formatFilepath('m-{loss:%}', { loss: 1 })).toThrow("has the format spec ':%'");
  });
});
