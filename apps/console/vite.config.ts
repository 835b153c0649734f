import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console builds to apps/console/dist (git-ignored), which the API serves at `/`. In development
 * (`npx vite apps/console`) the dev server proxies the API to a running `npm start`.
 */
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  resolve: {
    // The values the console shares with the API (roles, case kinds, statuses, rates) come from the libs'
    // `values` entries: plain constants with no imports, so nothing of Nest or Node enters the bundle.
    // The same aliases are in tsconfig.json's `paths`.
    alias: [{ find: /^@hotline\/([a-z-]+)\/values$/, replacement: resolve(__dirname, '../../libs/$1/src/values.ts') }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // The heavy libraries in their own long-cached chunks; ECharts only loads with the screens that chart.
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/antd') || id.includes('node_modules/@ant-design') || id.includes('node_modules/rc-'))
            return 'antd';
          if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
