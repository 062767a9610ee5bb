// Compiles the server's TypeScript into one ES module, dist-server/main.mjs, which `npm start`
// runs with plain Node: no TypeScript loader at run time (it cost about 30 MB of memory and
// start-up time). Packages stay in node_modules, better-sqlite3's native module among them.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist-server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
