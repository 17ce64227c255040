/** The web application (src/web), built to dist/web and served by the Fastify server at /. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ command, mode }) => ({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: '/',
  plugins: [react()],
  // A build is for production whatever NODE_ENV the shell has: with NODE_ENV=test (vitest) or
  // development, Vite ships React's development build (measured: 264 → 336 KB gzip on every
  // page, and slower). scripts/ensure-web-build.ts also builds with NODE_ENV=production, which
  // this alone does not fully replace (the JSX runtime follows NODE_ENV: 0.7 KB more).
  ...(command === 'build' &&
    mode === 'production' && { define: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React in a chunk of its own (~66 KB gzip): every page needs all of it, so no page
            // downloads more (+0.5 KB in all), and a release that changes only our code, almost
            // every release, leaves the office PCs' cached copy valid. Ant Design is not grouped
            // the same way: its barrel (`from 'antd'`) statically reaches every component, so a
            // group cannot tell the shell's components from the ones only lazy screens use, and
            // would put Table and Tree into the sign-in page (measured: 264 → 342 KB gzip).
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
}));
