import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './config';
import { auditRoutes } from './core/audit/audit.routes';
import { authPlugin } from './core/auth/auth.plugin';
import { authRoutes } from './core/auth/auth.routes';
import { errorHandler, notFoundHandler } from './core/errors';
import { registerInputGuard } from './core/input-guard';
import { loggerOptions } from './core/log';
import { measureRoutes } from './core/measures/measures.routes';
import { MeasureRegistry } from './core/measures/registry';
import type { App, AppModule, Context } from './core/module';
import { securityHeaders } from './core/security-headers';
import { MULTIPART_LIMITS } from './core/uploads/index';
import type { Database } from './db/database';
import { accessModule } from './modules/access/index';
import { assessmentModule } from './modules/assessment/index';
import { fundingModule } from './modules/funding/index';
import { notificationsModule } from './modules/notifications/index';
import { orgModule } from './modules/org/index';
import { peopleModule } from './modules/people/index';
import { rosterModule } from './modules/roster/index';
import { isOpen311Url, open311FrameworkError, serviceDemandsModule } from './modules/service-demands/index';
import { volunteeringModule } from './modules/volunteering/index';

z.config(z.locales.zhCN());

/** The business modules, in the order their routes are registered. A new module adds one line. */
export const MODULES: AppModule[] = [
  orgModule,
  peopleModule,
  accessModule,
  rosterModule,
  notificationsModule,
  serviceDemandsModule,
  volunteeringModule,
  fundingModule,
  assessmentModule,
];

/** Every module's measures in one registry; a refused or duplicate measure stops the start (docs/measures.md). */
export const MEASURES = new MeasureRegistry(MODULES);

const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

export async function buildApp(
  database: Database,
  config: Config,
  opts: {
    logger?: boolean;
    /** The built web app to serve; tests point it at a fixture. */ webDir?: string;
    /** Where log lines go instead of stdout (a test reads them). */ logStream?: NodeJS.WritableStream;
  } = {},
) {
  const app = Fastify({
    // Redacted, and errors without their values (core/log.ts).
    logger: opts.logger || opts.logStream ? loggerOptions(config, opts.logStream) : false,
    // X-Forwarded-* are believed only from the configured proxies; request.ip, .host and .protocol follow.
    trustProxy: config.TRUSTED_PROXIES.length ? config.TRUSTED_PROXIES : false,
    bodyLimit: 2 * 1024 * 1024,
    // A malformed URL or an over-long path parameter is refused before any route runs: answer in our shapes.
    frameworkErrors: (error, request, reply) =>
      isOpen311Url(request.url) ? open311FrameworkError(error, request, reply) : errorHandler(error, request, reply),
  }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const ctx: Context = {
    db: database.db,
    config,
    engine: database.engine,
    listen: database.listen,
    measures: MEASURES,
  };

  await app.register(swagger, {
    openapi: {
      info: { title: '先锋服务 API', description: '服务型党组织一站式服务平台', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pioneer_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(securityHeaders, { config });
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  // Text the database cannot store is refused for every route, before validation (docs/hardening.md).
  registerInputGuard(app);
  await app.register(authPlugin, ctx);

  app.get('/api/health', { schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    await sql`select 1`.execute(ctx.db);
    return {
      status: 'ok',
      db: ctx.engine,
      time: new Date().toISOString(),
      uptimeSeconds: Math.round(process.uptime()),
    };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, ctx);
  auditRoutes(app, ctx);
  for (const mod of MODULES) mod.routes(app, ctx);
  measureRoutes(app, ctx);

  await serveWeb(app, opts.webDir ?? WEB_DIST);
  return app;
}

/**
 * The built web app on the same port. Vite names every file under /assets by its content hash, so those are
 * cached for a year as immutable and sent precompressed (.br/.gz written at build, web/vite.config.ts).
 * Every other GET that is not an API path — `/` and each client-side route, reloaded — gets index.html,
 * revalidated on each visit (`no-cache`) so a new build is picked up at once. Only /assets is exposed, so
 * nothing else in web/dist (such as .vite/manifest.json) is served.
 */
const NOT_PAGES = /^\/(api|open311|assets)(\/|\?|$)/;

async function serveWeb(app: App, webDir: string) {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: join(webDir, 'assets'),
      prefix: '/assets/',
      wildcard: true,
      index: false,
      preCompressed: true,
      maxAge: '365d',
      immutable: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !NOT_PAGES.test(request.url);
    if (hasWeb && isPage) {
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html', webDir, { maxAge: 0, immutable: false, cacheControl: false });
    }
    return notFoundHandler(request, reply);
  });
}
