// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the built app, once at
// build time at the strongest settings, so that the server sends them by content negotiation
// (@fastify/static's preCompressed) without compressing anything per request. A copy that
// would not be smaller is not written, and the original is then sent.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt']);
const root = process.argv[2] ?? 'dist';

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let originals = 0;
let written = 0;
let brotliBytes = 0;
let plainBytes = 0;
for (const path of files(root)) {
  if (path.endsWith('.br') || path.endsWith('.gz')) {
    // A copy left by an earlier build of a file that is gone or changed: made again below.
    unlinkSync(path);
    continue;
  }
  if (!TEXT.has(extname(path))) continue;
  const content = readFileSync(path);
  originals += 1;
  plainBytes += content.length;
  const brotli = brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });
  const gzip = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  if (brotli.length < content.length) {
    writeFileSync(`${path}.br`, brotli);
    written += 1;
    brotliBytes += brotli.length;
  } else brotliBytes += content.length;
  if (gzip.length < content.length) {
    writeFileSync(`${path}.gz`, gzip);
    written += 1;
  }
}
console.log(`precompressed ${originals} text files (${written} copies): ${(plainBytes / 1024).toFixed(0)} KiB, ${(brotliBytes / 1024).toFixed(0)} KiB as brotli`);
