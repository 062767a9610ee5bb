import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };

// A module only the coordinator's area loads; a chunk holding one is loaded by nothing else.
const isCoordinatorModule = (id: string) => /\/src\/coordinator\/|\/src\/i18n\/coordinator|\/node_modules\/(chart\.js|@kurkle)\//.test(id);

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  plugins: [
    react(),
    VitePWA({
      // The kiosk decides when a new version may take over (between visitors), so: prompt.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg', 'icons/*.png'],
      manifest: {
        id: '/',
        name: 'Päiväkeskuksen palaute',
        short_name: 'Palaute',
        description: 'Anonyymi palaute päiväkeskukselle',
        lang: 'fi',
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        display_override: ['fullscreen', 'standalone'],
        orientation: 'any',
        background_color: '#fbfaf6',
        theme_color: '#0a4a86',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Everything the kiosk needs offline, from the first visit: shell, fonts, pictures.
        // Only woff2 fonts: every browser that runs service workers reads woff2.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        // The coordinator's area is not the kiosk's: a tablet never downloads it.
        globIgnores: ['coordinator.html', 'assets/coordinator/**'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/coordinator/, /^\/api\//],
        // Take control on first install so the first visit already works offline.
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        // Keep the service worker's own runtime local: no request to any other origin.
        inlineWorkboxRuntime: true,
      },
    }),
    {
      // The PWA plugin links the kiosk's manifest from every page; installing the coordinator's
      // page would then install the kiosk. The coordinator's area is no app to install.
      name: 'coordinator-page-without-manifest',
      enforce: 'post',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler: (html, context) => (context.filename.endsWith('coordinator.html') ? html.replace(/<link rel="manifest"[^>]*>/g, '') : html),
      },
    },
  ],
  build: {
    rollupOptions: {
      input: { kiosk: 'index.html', coordinator: 'coordinator.html' },
      output: {
        // One chunk for the libraries both pages use, named for what it is.
        advancedChunks: {
          groups: [
            { name: 'framework', test: /\/node_modules\/(react|react-dom|scheduler|i18next|react-i18next)\// },
            { name: 'schema', test: /\/node_modules\/zod\// },
          ],
        },
        // Code only the coordinator's area uses goes under assets/coordinator/, which the
        // kiosk's service worker leaves out of its precache.
        entryFileNames: (chunk) => (chunk.name === 'coordinator' ? 'assets/coordinator/[name]-[hash].js' : 'assets/[name]-[hash].js'),
        assetFileNames: (asset) =>
          asset.names.some((name) => name.startsWith('coordinator')) ? 'assets/coordinator/[name]-[hash][extname]' : 'assets/[name]-[hash][extname]',
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some(isCoordinatorModule) ? 'assets/coordinator/[name]-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
    // Pictures stay files (precached), not data: URLs in the script: smaller JS, stricter CSP.
    assetsInlineLimit: 0,
    target: 'es2022',
  },
});
