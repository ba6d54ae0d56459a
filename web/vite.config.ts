import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes a .br and a .gz twin next to every text file of the build, once, at maximum compression; the server
 * sends them as they are (@fastify/static `preCompressed`, server/src/app.ts), so no request pays for
 * compressing. A plain node:zlib step rather than a plugin package: about twenty lines, nothing to keep up.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'pioneer-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const root = outDir;
      const files = (await readdir(root, { recursive: true })).filter(
        (f) => COMPRESSIBLE.test(f) && !f.startsWith('.vite'),
      );
      await Promise.all(
        files.map(async (file) => {
          const data = await readFile(join(root, file));
          const [br, gzipped] = await Promise.all([
            brotli(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gz(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(join(root, `${file}.br`), br), writeFile(join(root, `${file}.gz`), gzipped)]);
        }),
      );
    },
  };
}

// The server serves web/dist on its own port; in `vite` dev mode, API calls go to the server on :3000.
// The manifest (dist/.vite/manifest.json, not served) lets web/src/bundle-size.test.ts measure what each
// route loads first.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd's building blocks (@rc-component/*) declare no `sideEffects`, so a page that needs only the form
      // context would carry the whole form library (13 KB gzip on the public board). Their modules only define
      // components and helpers — none is imported for an effect — so unused ones may be dropped.
      treeshake: { moduleSideEffects: (id: string) => !/node_modules[\\/]@rc-component[\\/]/.test(id) },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
