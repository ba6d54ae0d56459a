import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves web/dist on its own port; in `vite` dev mode, API calls go to the server on :3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
