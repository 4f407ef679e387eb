import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: dist/ works from any path, including a sub-folder of a static host.
  base: './',
  build: {
    target: 'es2022',
    // tfjs is most of the bundle; it is one library, so splitting it buys nothing here.
    chunkSizeWarningLimit: 2048,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
