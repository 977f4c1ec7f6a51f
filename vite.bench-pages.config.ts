// Builds the benchmark's baseline pages (bare Lexical) into out/bench-pages: not part of the app.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'tests/bench/pages',
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve('out/bench-pages'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { bare: resolve('tests/bench/pages/bare-lexical.html') } },
  },
});
