/// <reference types="vitest/config" />
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const outDir = 'dist';

// The Go side embeds frontend/dist, so the directory must exist (with a tracked
// .gitkeep) even before the first build. emptyOutDir wipes it; put it back.
function keepGitkeep(): Plugin {
  return {
    name: 'kubedeck-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      writeFileSync(resolve(import.meta.dirname, outDir, '.gitkeep'), '');
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), keepGitkeep()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // frame.html is the document of every plugin's sandboxed iframe
    // (/plugin-frame/<token>/): the frame runtime only, never the app.
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        frame: resolve(import.meta.dirname, 'frame.html'),
      },
    },
  },
  server: {
    proxy: {
      // KUBEDECK_API points the dev server at another backend (default: the Wails dev port).
      '/api': { target: process.env.KUBEDECK_API ?? 'http://127.0.0.1:34115', changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
