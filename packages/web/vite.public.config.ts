import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The public build: public.html with React aliased to Preact's compatibility layer. It is built after the
 * main build into the same dist folder (emptyOutDir false), and the server serves it for public paths.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    rollupOptions: {
      input: 'public.html',
      onwarn(warning, warn) {
        // react-router probes for React 19's useOptimistic and falls back when it is missing, as in Preact.
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('useOptimistic')) return;
        warn(warning);
      },
    },
  },
});
