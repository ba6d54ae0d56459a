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
import type { App, AppModule, Context } from './core/module';
import type { Database } from './db/database';
import { accessModule } from './modules/access/index';
import { notificationsModule } from './modules/notifications/index';
import { orgModule } from './modules/org/index';
import { peopleModule } from './modules/people/index';
import { rosterModule } from './modules/roster/index';
import { serviceDemandsModule } from './modules/service-demands/index';
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
];

const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

export async function buildApp(database: Database, config: Config, opts: { logger?: boolean } = {}) {
  const app = Fastify({
    logger: opts.logger ? { level: config.LOG_LEVEL } : false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const ctx: Context = { db: database.db, config, engine: database.engine, listen: database.listen };

  await app.register(swagger, {
    openapi: {
      info: { title: '先锋服务 API', description: '服务型党组织一站式服务平台', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pioneer_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
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

  await serveWeb(app);
  return app;
}

/** The built web app on the same port; any non-API path falls back to index.html for client-side routes. */
async function serveWeb(app: App) {
  const hasWeb = existsSync(join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/open311/');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return notFoundHandler(request, reply);
  });
}
