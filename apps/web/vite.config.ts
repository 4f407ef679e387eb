import { defineConfig } from 'vite';
import { serveMnist } from './src/server/serve-mnist.js';

export default defineConfig({
  // Relative asset URLs: dist/ works from any path, including a sub-folder of a static host.
  base: './',
  // Serves LAB_MNIST_DIR (default ../shared/data/mnist) at ./mnist/ in dev and preview.
  plugins: [serveMnist()],
  build: {
    target: 'es2022',
    // tfjs is most of the bundle; it is one library, so splitting it buys nothing here.
    chunkSizeWarningLimit: 2048,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
