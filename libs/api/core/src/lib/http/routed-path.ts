import type { FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';

const ABSOLUTE_FORM_ORIGIN = /^https?:\/\/.*?\//;
const API_PREFIX = '/api/';

/** The router options that change which path is matched. */
interface RouterOptions {
  readonly caseSensitive?: boolean;
  readonly ignoreDuplicateSlashes?: boolean;
  readonly useSemicolonDelimiter?: boolean;
}

/**
 * The request's path as Fastify's router (find-my-way) matched it — not `request.url`, which
 * is the raw request target. The router drops an absolute-form origin (`POST http://host/api/…`),
 * percent-decodes (`/%61pi/…` is `/api/…`; `%25` only once, so `/%2561pi/…` stays `/%61pi/…`)
 * and ends the path at `?` or `#`; this does the same, with the router's own decoder and options.
 * Reserved characters (`%2F`, `%3B`, …) are decoded too, as the router decodes them in
 * parameters: a decision on this path can only take more requests for API ones, never fewer.
 * Never logged raw: the query may hold search text, and is not part of it.
 */
export function routedPath(request: FastifyRequest): string {
  // find-my-way's declared Config lacks useSemicolonDelimiter, which Fastify passes to it.
  const options: RouterOptions =
    request.server.initialConfig.routerOptions ?? {};
  let path = request.url;
  if (!path.startsWith('/')) path = path.replace(ABSOLUTE_FORM_ORIGIN, '/');
  if (options.ignoreDuplicateSlashes)
    path = FindMyWay.removeDuplicateSlashes(path);
  try {
    path = FindMyWay.sanitizeUrlPath(path, options.useSemicolonDelimiter);
  } catch {
    // A malformed escape: the router answers 400 without routing; keep the text before it.
    path = path.split(/[?#]/)[0] ?? path;
  }
  return options.caseSensitive === false ? path.toLowerCase() : path;
}

/**
 * Whether a request is one for the API, for every hook that treats API requests apart (the
 * access log, the web app's fallback): routed to a route under /api/ (Fastify routes before
 * the first onRequest hook, so `routeOptions.url` is the matched route's pattern in every
 * hook), or, unrouted (a 404) or caught by the web app's catch-all, with a routed path under
 * /api/. Never decide on `request.url`: `/%61pi/…` reaches the same handlers as `/api/…`.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  return (
    request.routeOptions.url?.startsWith(API_PREFIX) === true ||
    routedPath(request).startsWith(API_PREFIX)
  );
}
