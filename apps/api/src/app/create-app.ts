import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import fastifyCompress, {
  type FastifyCompressOptions,
} from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import {
  FastifyAdapter,
  type NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AuditService } from '@portal/api-access';
import { mountQueueDashboard } from '@portal/api-admin';
import { programmeFormComponents } from '@portal/api-applications';
import {
  AppConfig,
  correlationIdOf,
  createValidationPipe,
  GlobalExceptionFilter,
  isApiRequest,
  logEveryApiResponse,
  nestsDeeperThan,
  ROOT_LOGGER,
  routedPath,
} from '@portal/api-core';
import { createRedis } from '@portal/api-jobs';
import { AppError } from '@portal/api-core';
import { CSRF_HEADER } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { AppModule } from './app.module';
import { serveWebApp } from './web-app';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_JSON_BODY = 1024 * 1024;
/** No request the portal takes nests deeper than a handful of levels (a form, a list of items). */
const MAX_JSON_DEPTH = 32;

/**
 * Fastify's own JSON parser (prototype-poisoning checks included), after a linear check that
 * the body does not nest deeper than MAX_JSON_DEPTH: anything deeper is a 400 before a
 * transformer recurses over it.
 */
function acceptJsonOfBoundedDepth(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: MAX_JSON_BODY },
    (request, body, done) => {
      if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
        done(
          Object.assign(
            new Error(
              `The request body nests deeper than ${MAX_JSON_DEPTH} levels; no request of the portal does.`,
            ),
            { statusCode: 400 },
          ),
          undefined,
        );
        return;
      }
      void parseJson(request, body as string, done);
    },
  );
}

/**
 * JSON answers over 1 kB (an inbox page, an application's detail) compressed for clients that
 * take it. Brotli at quality 3: on a 17 kB inbox page it is as small as quality 4 (within 2 %)
 * for about half the CPU (~70 µs), and smaller than gzip; 11 is for build time. Compressed in
 * one synchronous call up to 256 kB: @fastify/compress would otherwise stream everything over
 * 8 kB on two cores, a zlib stream per answer, which measured far more CPU than the compression.
 * Request bodies are not inflated: browsers never compress them.
 */
const API_COMPRESSION: FastifyCompressOptions = {
  encodings: ['br', 'gzip'],
  threshold: 1024,
  brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 3 } },
  syncThreshold: 256 * 1024,
  globalDecompression: false,
};

/** Where `nx build web` puts the browser bundle, relative to the built API (dist/apps/api). */
export function defaultWebRoot(): string {
  return join(__dirname, '..', 'web', 'browser');
}

/**
 * Builds the whole HTTP application — the same for `npm start`, production and the
 * integration tests: Fastify with cookies, CSRF, helmet, rate limits, multipart, the web app,
 * OpenAPI and the queue dashboard.
 */
export async function createApp(
  config: AppConfig,
  options: {
    webRoot?: string | null;
    /** Where the access log writes; the root logger unless a test reads the lines itself. */
    accessLogger?: PinoLogger;
  } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: MAX_JSON_BODY,
    genReqId: correlationIdOf,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    adapter,
    {
      bufferLogs: true,
      // JSON is parsed below, with a depth check first; nothing here takes url-encoded forms.
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.enableShutdownHooks();

  const fastify = app
    .getHttpAdapter()
    .getInstance() as unknown as FastifyInstance;
  acceptJsonOfBoundedDepth(fastify);
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    // API answers carry personal data and decisions: no browser or proxy keeps them.
    if (isApiRequest(request) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  logEveryApiResponse(fastify, options.accessLogger ?? app.get(ROOT_LOGGER));

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  // helmet's middleware built once: @fastify/helmet rebuilds it (parsing the CSP) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // blob: the preview of an uploaded material, fetched by the page with the session and
        // shown from a local copy (a picture, or a PDF in a frame); only the page's own script
        // makes blob: addresses.
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        // ng-zorro sets inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // The one inline handler Angular's critical-CSS inlining writes: onload="this.media='all'".
        scriptSrcAttr: [
          "'unsafe-hashes'",
          "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='",
        ],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.publicUrl.startsWith('https:'),
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) =>
      done(error as Error | undefined),
    ),
  );
  await app.register(fastifyCsrf, {
    cookieKey: '_csrf',
    cookieOpts: {
      signed: true,
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: config.publicUrl.startsWith('https:'),
    },
    getToken: (request) => {
      const header = request.headers[CSRF_HEADER];
      return typeof header === 'string' ? header : undefined;
    },
  });
  // Every POST/PUT/PATCH/DELETE, whatever its path: no route outside /api/ changes anything,
  // and a test on the path can be walked around (the router takes /%61pi/… and
  // http://host/api/… for /api/…). A route that must take writes without one would need its
  // own exemption here.
  fastify.addHook('onRequest', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    fastify.csrfProtection(request, reply, done);
  });
  // A refused request is audited (GB/T 22239 8.1.4.3): a forged request from another site is
  // an attack on a signed-in user, worth a trace even though nothing was changed. The plugin
  // sends its refusal as an error, which passes here before the error filter answers it.
  const audit = app.get(AuditService);
  fastify.addHook('onError', async (request, _reply, error) => {
    if (!(error as { code?: string }).code?.startsWith('FST_CSRF')) return;
    await audit
      .record({
        action: 'request.csrf_refused',
        result: 'denied',
        ip: request.ip,
        detail: { method: request.method, path: routedPath(request) },
      })
      .catch(() => undefined);
  });
  const rateLimitRedis = createRedis(config.redisUrl, 'client');
  fastify.addHook('onClose', async () => {
    rateLimitRedis.disconnect();
  });
  await app.register(fastifyRateLimit, {
    global: false,
    max: config.authRateLimitPerMinute,
    timeWindow: 60_000,
    redis: rateLimitRedis,
    nameSpace: `${config.redisPrefix}:rate-limit:`,
    // Authentication must keep working while Redis is down; the lockout still holds.
    skipOnError: true,
    errorResponseBuilder: (request, context) =>
      new AppError(
        429,
        'RATE_LIMITED',
        `Too many attempts from your network. Wait ${Math.ceil(context.ttl / 1000)} seconds and try again.`,
      ),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 5 },
  });

  const webRoot =
    options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html')))
    await serveWebApp(fastify, webRoot);
  // After the web app, before everything else: @fastify/compress hooks the routes registered
  // after it (OpenAPI, the queue dashboard, the API's at app.init()); the web app's files are
  // compressed by the build already.
  await app.register(fastifyCompress, API_COMPRESSION);

  if (config.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('S&T Bureau Enterprise Portal API')
        .setDescription(
          '科技局企业服务门户 — REST API. Mutating requests need the CSRF header x-xsrf-token.',
        )
        .setVersion('1')
        .addCookieAuth('portal_sid')
        .build(),
    );
    // Each programme's form, which request bodies name by reference (ANY_PROGRAMME_FORM).
    document.components = {
      ...document.components,
      schemas: {
        ...document.components?.schemas,
        ...programmeFormComponents(),
      },
    };
    SwaggerModule.setup('api/docs', app, document, {
      jsonDocumentUrl: 'api/docs-json',
    });
  }

  await mountQueueDashboard(app);

  await app.init();
  return app;
}
