import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import {
  AppError,
  isApiRequest,
  routedPath,
  toErrorBody,
} from '@portal/api-core';
import type { ErrorBody } from '@portal/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * A name with Angular's output hash (outputHashing: all): main-ABCD1234.js, chunk-….js,
 * styles-….css and media/<name>-….<ext>. Such a file never changes; a new build gets new names.
 * Files copied from apps/web/public keep their names, so they must not look like this.
 */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
const COMPRESSED_COPY = /\.(?:br|gz)$/;

/** Cache-Control of a file of the built web app (given as served, so possibly its .br or .gz copy). */
export function webAppCacheControl(file: string): string {
  const name = basename(file.replace(COMPRESSED_COPY, ''));
  if (HASHED_FILE.test(name)) return 'public, max-age=31536000, immutable';
  // index.html names the current release's bundles: revalidate it on every load (ETag → 304).
  if (name.endsWith('.html')) return 'no-cache';
  // favicon.ico and the like: unhashed, may change with a release, cheap to fetch again.
  return 'public, max-age=3600';
}

/**
 * The built Angular app at /, with index.html for every client-side route. Files are sent as
 * the build left them: the brotli or gzip copy that `nx build web` wrote beside each one
 * (apps/web/precompress.mjs), chosen by Accept-Encoding (br, then gzip, else the file itself),
 * always with `Vary: Accept-Encoding`.
 */
export async function serveWebApp(
  fastify: FastifyInstance,
  root: string,
): Promise<void> {
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per file, found at start-up; the compressed copies are not routes of their own.
    wildcard: false,
    globIgnore: ['**/*.br', '**/*.gz'],
    index: false,
    preCompressed: true,
    // Set per file below: hashed bundles for a year, index.html revalidated.
    cacheControl: false,
    setHeaders: (reply, path) =>
      reply.header('cache-control', webAppCacheControl(path)),
  });
  const sendIndex = (reply: FastifyReply) => reply.sendFile('index.html', root);
  fastify.get('/', (_request, reply) => sendIndex(reply));
  fastify.get('/*', (request, reply) => {
    // The router's path, not request.url: /%61pi/nothing is an unknown API route, not a page.
    const path = routedPath(request);
    if (isApiRequest(request) || /\.[a-z0-9]+$/i.test(path)) {
      const body: ErrorBody = toErrorBody(
        new AppError(404, 'NOT_FOUND', `${path} was not found.`),
        String(request.id),
      );
      return reply.status(404).send(body);
    }
    return sendIndex(reply);
  });
}
