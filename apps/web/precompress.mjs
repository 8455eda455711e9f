// Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of a built web
// root, so the server sends them as they are (the API's @fastify/static with preCompressed,
// nginx's gzip_static) instead of compressing the same bytes on every request or not at all.
// Part of `nx build web`; see apps/web/project.json.
//
//   node apps/web/precompress.mjs dist/apps/web/browser
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats (and the icon, which is an uncompressed bitmap); images and fonts are already compressed. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.txt',
  '.svg',
  '.xml',
  '.ico',
  '.map',
  '.webmanifest',
]);
/** Below this a compressed copy saves less than a packet. */
const MIN_BYTES = 1024;

/**
 * Compresses the files under `root` at the highest settings (done once per build, so the cost
 * does not matter). A copy is kept only when it is smaller than the file; the server then falls
 * back to the next encoding or the file itself.
 * @param {string} root
 * @returns {Promise<{ files: number, bytes: number, brotliBytes: number, gzipBytes: number }>}
 */
export async function precompress(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name)))
    .map((e) => join(e.parentPath ?? e.path, e.name));
  const totals = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  // zlib's async calls run on libuv's thread pool: all files at once use every core.
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      if (content.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      totals.files++;
      totals.bytes += content.length;
      if (br.length < content.length) {
        await writeFile(`${file}.br`, br);
        totals.brotliBytes += br.length;
      }
      if (gz.length < content.length) {
        await writeFile(`${file}.gz`, gz);
        totals.gzipBytes += gz.length;
      }
    }),
  );
  return totals;
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('Usage: node apps/web/precompress.mjs <web root>\n');
    process.exit(2);
  }
  const kB = (n) => `${Math.round(n / 1024)} kB`;
  const t = await precompress(resolve(root));
  process.stdout.write(
    `Precompressed ${t.files} files in ${root}: ${kB(t.bytes)} → brotli ${kB(t.brotliBytes)}, gzip ${kB(t.gzipBytes)}\n`,
  );
}
