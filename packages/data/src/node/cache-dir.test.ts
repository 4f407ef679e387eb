import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMnistCacheDir } from './cache-dir.js';

describe('defaultMnistCacheDir', () => {
  it('uses XDG_CACHE_HOME, else HOME/.cache, else the OS home', () => {
    expect(defaultMnistCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/h' })).toBe('/x/cache/lab/mnist');
    expect(defaultMnistCacheDir({ HOME: '/h' })).toBe('/h/.cache/lab/mnist');
    expect(defaultMnistCacheDir({})).toBe(join(homedir(), '.cache/lab/mnist'));
  });

  it('ignores an empty or relative XDG_CACHE_HOME, as the XDG spec says', () => {
    expect(defaultMnistCacheDir({ XDG_CACHE_HOME: '', HOME: '/h' })).toBe('/h/.cache/lab/mnist');
    expect(defaultMnistCacheDir({ XDG_CACHE_HOME: 'rel', HOME: '/h' })).toBe('/h/.cache/lab/mnist');
  });
});
