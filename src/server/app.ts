/**
 * @module The HTTP application: JSON API under /api (validated, documented as OpenAPI 3.1,
 * rate-limited) and the web app's static files for every other path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Store } from '../store/open-store.js';
import type { ThrottleLimits } from '../auth/login-throttle.js';
import { allow } from './access/access-rules.js';
import { authentication } from './access/authentication.js';
import { writeAudit } from './access/write-audit.js';
import { installErrorHandlers } from './errors.js';
import { observability, requestIdOf } from './observability.js';
import { accountRoutes } from './routes/account-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { alignRoutes } from './routes/align-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { evidenceRoutes } from './routes/evidence-routes.js';
import { glossaryRoutes } from './routes/glossary-routes.js';
import { referenceRoutes } from './routes/reference-routes.js';
import { feedRoutes } from './routes/feed-routes.js';
import { searchRoutes } from './routes/search-routes.js';
import { treatyRoutes } from './routes/treaty-routes.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_WEB_ROOT = join(PACKAGE_ROOT, 'dist', 'web');
export const VERSION = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

export interface AppOptions {
  store: Store;
  logger?: FastifyServerOptions['logger'];
  /** Requests per minute per client on /api; generous by default, low in tests of the limit; 0 is none. */
  rateLimitPerMinute?: number;
  webRoot?: string;
  /** Largest uploaded file, in bytes (50 MB by default). */
  uploadLimitBytes?: number;
  /** How long identical searches share an answer (ms); 0 (the default here) computes every search. */
  searchCacheMs?: number;
  /** How far behind the index a cached answer may be while a refresh runs (ms); 0 (the default here) is never. */
  searchStaleMs?: number;
  /**
   * Worker threads computing searches over SQLite, each with its own read connection; 0 (the
   * default here) computes them on the event loop, in turns; `auto`: every core but one (one to
   * four). Ignored on PostgreSQL.
   */
  searchWorkers?: number | 'auto';
  /** Proxies whose X-Forwarded-* headers are believed (config.trustProxy); loopback by default. */
  trustProxy?: string;
  /** Failed logins allowed per account and per address in a window (tests lower them). */
  loginThrottle?: ThrottleLimits;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Believing X-Forwarded-For from anyone would let a client pick its own address and walk
    // around the login throttle; only the configured proxies are believed.
    trustProxy: options.trustProxy ?? 'loopback',
    bodyLimit: 1024 * 1024,
    genReqId: requestIdOf,
    // Fastify's default: a request arriving while the server closes gets 503, so a load balancer
    // moves on while in-flight requests drain.
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  await app.register(authentication(options.store));
  await app.register(writeAudit(options.store));

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The Swagger UI page sets inline styles; our own pages do not need them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Served over plain HTTP on a LAN address, rewriting requests to https would break every
        // asset; a TLS-terminating proxy in front sets its own policy.
        upgradeInsecureRequests: null,
      },
    },
    // HSTS belongs to whoever terminates TLS; on plain HTTP it would only mislead.
    strictTransportSecurity: false,
  });
  const rateLimit = options.rateLimitPerMinute ?? 1200;
  if (rateLimit > 0)
    await app.register(fastifyRateLimit, {
      max: rateLimit,
      timeWindow: '1 minute',
      // Probes and scrapes are not clients: a busy monitor must not starve itself or the users.
      allowList: (request) =>
        !request.url.startsWith('/api/') ||
        request.url === '/api/health' ||
        request.url === '/api/ready',
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `too many requests: at most ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
      }),
    });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pillars API',
        version: VERSION,
        description:
          'Open API of Pillars, the platform for the NPT review cycle: States, groups, instruments, meetings and the 2010 Action Plan. Errors are `{code, message, field?, position?}`.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      tags: [
        'states',
        'groups',
        'instruments',
        'meetings',
        'actions',
        'documents',
        'search',
        'overview',
        'reports',
        'accounts',
        'health',
      ].map((name) => ({ name })),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { config: { access: allow.public }, schema: { hide: true } }, () =>
    app.swagger(),
  );
  await app.register(observability(options.store, VERSION));
  await app.register(referenceRoutes(options.store), { prefix: '/api/v1' });
  await app.register(treatyRoutes(options.store), { prefix: '/api/v1' });
  await app.register(
    searchRoutes(options.store, {
      ...(options.searchCacheMs !== undefined ? { cacheMs: options.searchCacheMs } : {}),
      ...(options.searchStaleMs !== undefined ? { staleMs: options.searchStaleMs } : {}),
      ...(options.searchWorkers !== undefined ? { workers: options.searchWorkers } : {}),
    }),
    { prefix: '/api/v1' },
  );
  await app.register(alignRoutes(options.store), { prefix: '/api/v1' });
  await app.register(evidenceRoutes(options.store), { prefix: '/api/v1' });
  await app.register(glossaryRoutes(options.store), { prefix: '/api/v1' });
  await app.register(
    accountRoutes(options.store, options.loginThrottle ? { throttle: options.loginThrottle } : {}),
    { prefix: '/api/v1' },
  );
  await app.register(reportRoutes(options.store), { prefix: '/api/v1' });
  await app.register(feedRoutes(options.store));
  // On close: uploads in progress stop between two files, so draining takes one file, not a batch.
  const shutdown = new AbortController();
  app.addHook('preClose', (done) => {
    shutdown.abort();
    done();
  });
  // Responses finished while closing end their connection, so a keep-alive client does not hold
  // the process open after the drain.
  app.addHook('onSend', async (_request, reply) => {
    if (shutdown.signal.aborted) void reply.header('connection', 'close');
  });
  await app.register(
    documentRoutes(options.store, {
      uploadLimitBytes: options.uploadLimitBytes,
      shutdown: shutdown.signal,
    }),
    { prefix: '/api/v1' },
  );

  await registerWeb(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

const NOT_BUILT =
  'The web app is not built: run `npm run build`. The API is at /api/v1 and its docs at /api/docs.';

/** Static files of the built web app; any other non-API GET gets index.html (client routing). */
async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const index = join(webRoot, 'index.html');
  const built = existsSync(index);
  if (built) {
    // wildcard: files are looked up per request, so a rebuild needs no restart.
    await app.register(fastifyStatic, { root: webRoot, index: false });
  }
  const sendIndex = (reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(readFileSync(index));
  // The root is a directory to the static plugin (403); it is the app's home page.
  app.get('/', { config: { access: allow.public }, schema: { hide: true } }, (_request, reply) =>
    built ? sendIndex(reply) : reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT),
  );
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.code(404).send({
        code: 'not_found',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply
        .code(404)
        .send({ code: 'not_found', message: `no route ${request.method} ${request.url}` });
    }
    if (request.url.startsWith('/assets/')) {
      return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The web app is not built: run `npm run build`. The API is at /api/v1 and its docs at /api/docs.',
        );
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(readFileSync(index));
  });
}
