import react from '@vitejs/plugin-react';
import { createServer, defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };

// A module only the coordinator's area loads; a chunk holding one is loaded by nothing else.
const isCoordinatorModule = (id: string) => /\/src\/coordinator\/|\/src\/i18n\/coordinator|\/node_modules\/(chart\.js|@kurkle)\//.test(id);

/**
 * The kiosk's code in few files, because its service worker fetches them one after another and
 * a slow link makes each request cost half a second: the start screen's own code (the entry), the
 * libraries both pages use, and one chunk for everything the kiosk loads later (the visit, storage,
 * sync, the staff menu, the preview, the validator, the update check). Which modules the start screen needs,
 * and which the coordinator's area also uses, is read from the module graph, not listed by hand.
 */
const kioskGraph = { start: new Set<string>(), kiosk: new Set<string>(), coordinator: new Set<string>() };
function reachable(getInfo: (id: string) => { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null, from: string, dynamic: boolean) {
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const info = getInfo(id);
    for (const next of [...(info?.importedIds ?? []), ...(dynamic ? (info?.dynamicallyImportedIds ?? []) : [])]) walk(next);
  };
  walk(from);
  return seen;
}
const kioskModuleGraph: Plugin = {
  name: 'kiosk-module-graph',
  apply: 'build',
  buildEnd() {
    const entry = (name: string) => [...this.getModuleIds()].find((id) => id.endsWith(name))!;
    const info = (id: string) => this.getModuleInfo(id);
    kioskGraph.start = reachable(info, entry('/src/main.tsx'), false);
    kioskGraph.kiosk = reachable(info, entry('/src/main.tsx'), true);
    kioskGraph.coordinator = reachable(info, entry('/src/coordinator/main.tsx'), true);
  },
};
// What both pages load first: the libraries, and the few small modules the start screen shares
// with the coordinator's area. (The bundler's runtime stays a small file of its own.)
const isFramework = (id: string) =>
  /\/node_modules\/(react|react-dom|scheduler|i18next|react-i18next)\/|vite\/(preload-helper|modulepreload-polyfill)/.test(id) ||
  (kioskGraph.start.has(id) && kioskGraph.coordinator.has(id));
const isKioskStart = (id: string) => kioskGraph.start.has(id) && !kioskGraph.coordinator.has(id);
// Loaded later by the kiosk (see src/kiosk/later.ts) and used by the coordinator's area too: the
// validator, the form library. Everything else the kiosk loads later is later.ts's own chunk.
const isSharedLater = (id: string) => kioskGraph.kiosk.has(id) && !kioskGraph.start.has(id) && kioskGraph.coordinator.has(id);

/**
 * index.html paints the start screen before any JavaScript has run: its markup is rendered at build
 * time from the same React components (src/prerender.tsx), its stylesheet is inlined (the server's
 * CSP allows exactly that block by its hash), and the font is preloaded. src/main.tsx hydrates it.
 */
const prerenderStartScreen: Plugin = {
  name: 'prerender-start-screen',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    async handler(html, context) {
      if (!context.filename.endsWith('index.html') || context.filename.endsWith('coordinator.html') || !context.bundle) return html;
      const server = await createServer({ server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
      let markup: string;
      try {
        const { renderStartScreen } = (await server.ssrLoadModule('/src/prerender.tsx')) as { renderStartScreen: () => string };
        markup = renderStartScreen();
      } finally {
        await server.close();
      }
      const bundle = context.bundle;
      const stylesheet = /<link rel="stylesheet" crossorigin href="\/(assets\/kiosk-[^"]+\.css)">/.exec(html);
      const css = stylesheet ? bundle[stylesheet[1]!] : undefined;
      if (!stylesheet || css?.type !== 'asset') throw new Error('index.html links no kiosk stylesheet to inline');
      // The file is not needed once its rules are in the page.
      delete bundle[stylesheet[1]!];
      const font = Object.keys(bundle).find((name) => /^assets\/noto-sans-latin-wght-[^/]+\.woff2$/.test(name));
      if (!font) throw new Error('No basic Latin font in the build to preload');
      const withStyle = html.replace(
        stylesheet[0],
        `<link rel="preload" href="/${font}" as="font" type="font/woff2" crossorigin>\n    <style>${String(css.source).trim()}</style>`,
      );
      if (!withStyle.includes('<div id="root"></div>')) throw new Error('index.html has no empty root to prerender into');
      return withStyle.replace('<div id="root"></div>', `<div id="root">${markup}</div>`);
    },
  },
};

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(packageJson.version),
  },
  plugins: [
    kioskModuleGraph,
    prerenderStartScreen,
    react(),
    VitePWA({
      // The kiosk decides when a new version may take over (between visitors), so: prompt.
      registerType: 'prompt',
      injectRegister: false,
      // The manifest's PNG icons matter when installing, which is online: not in the precache.
      includeManifestIcons: false,
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
        // Everything the kiosk needs offline, from the first visit: the page, its code, fonts and
        // texts, and the favicon (the plugin adds the manifest). The PNG icons only matter when
        // installing, which is online.
        globPatterns: ['index.html', 'icons/icon.svg', 'assets/*.{js,css,woff2,json}'],
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
      preserveEntrySignatures: false,
      output: {
        // One chunk for the libraries both pages use, named for what it is.
        advancedChunks: {
          groups: [
            { name: 'framework', test: isFramework, priority: 4 },
            { name: 'kiosk', test: isKioskStart, priority: 3, includeDependenciesRecursively: false },
            { name: 'shared', test: isSharedLater, priority: 1, includeDependenciesRecursively: false },
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
