import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// The API is same-origin in production (nginx serves dist/ and proxies the
// API). For `npm run dev` / `npm run preview`, requests for the API paths are
// forwarded to PAIR_API (default: the nginx of a local stack on :8080).
const API_PATHS = ['/rooms', '/autocomplete', '/healthz'];

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', '');
  const target = env.PAIR_API || 'http://127.0.0.1:8080';
  const proxy: Record<string, { target: string; changeOrigin: boolean; ws?: boolean }> = {};
  for (const path of API_PATHS) proxy[path] = { target, changeOrigin: true };
  proxy['/ws'] = { target, changeOrigin: true, ws: true };

  return {
    build: { outDir: 'dist', sourcemap: true },
    server: { proxy },
    preview: { proxy },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test/setup.ts'],
    },
  };
});
