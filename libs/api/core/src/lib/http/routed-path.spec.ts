import Fastify, { type FastifyRequest } from 'fastify';
import { isApiRequest, routedPath } from './routed-path';

/** A request as the hooks see it, with the router's default options. */
function requestFor(url: string): FastifyRequest {
  return {
    url,
    server: { initialConfig: { routerOptions: {} } },
  } as unknown as FastifyRequest;
}

describe('routedPath: the path as the router matches it', () => {
  it.each([
    ['/api/auth/logout', '/api/auth/logout'],
    ['/%61pi/auth/logout', '/api/auth/logout'],
    ['/%61%70%69/auth/logout', '/api/auth/logout'],
    ['/api/auth/%6Cogout?next=/x', '/api/auth/logout'],
    ['/api/auth/logout#fragment', '/api/auth/logout'],
    ['http://portal.example/api/auth/logout', '/api/auth/logout'],
    ['https://a.example/api/auth/logout?x', '/api/auth/logout'],
    // Decoded once, as the router does: a double-encoded prefix is not /api/.
    ['/%2561pi/auth/logout', '/%61pi/auth/logout'],
    // Case, duplicate slashes and dot segments are the router's to take or not (it does not).
    ['/API/auth/logout', '/API/auth/logout'],
    ['//api/auth/logout', '//api/auth/logout'],
    ['/x/../api/auth/logout', '/x/../api/auth/logout'],
    ['/api;x/auth', '/api;x/auth'],
    // Malformed escapes: the router answers 400; the text before the query is kept.
    ['/%zzpi/auth?x=1', '/%zzpi/auth'],
  ])('%s is %s', (url, path) => {
    expect(routedPath(requestFor(url))).toBe(path);
  });
});

describe('isApiRequest', () => {
  it('takes the matched route, or else the routed path', async () => {
    const fastify = Fastify();
    const seen: Record<string, boolean> = {};
    fastify.addHook('onRequest', (request, _reply, done) => {
      seen[request.url] = isApiRequest(request);
      done();
    });
    fastify.get('/api/things', async () => ({}));
    fastify.get('/*', async () => '');
    for (const url of ['/api/things', '/%61pi/things', '/%61pi/other', '/a'])
      await fastify.inject({ url });
    expect(seen).toEqual({
      '/api/things': true,
      '/%61pi/things': true,
      '/%61pi/other': true,
      '/a': false,
    });
    await fastify.close();
  });
});
