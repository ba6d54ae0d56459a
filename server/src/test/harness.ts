import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp, MODULES } from '../app';
import { loadConfig } from '../config';
import type { App } from '../core/module';
import { type Database, type Engine, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { DEMO_PASSWORD } from '../seed/demo-school';
import { type LoadedDemo, loadDemoSchool } from '../seed/load-demo';

/** The engines every integration test runs on: PGlite always, PostgreSQL when the test runner started one. */
export function testEngines(): Engine[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true 但没有 TEST_DATABASE_URL：PostgreSQL 测试不能跳过');
  return ['pglite'];
}

/** A fresh, migrated database: in-memory PGlite, or a new throwaway database on the test cluster. */
export async function freshDatabase(engine: Engine): Promise<Database & { drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return { ...database, drop: database.close };
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  const name = `t_${randomBytes(6).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    ...database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface TestContext {
  engine: Engine;
  app: App;
  database: Database;
  demo: LoadedDemo;
  /** Signs in a demo account and returns a client that sends its cookie and CSRF token. */
  as(username: string): Promise<Client>;
  anonymous: Client;
}

export interface Client {
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  del(url: string): Promise<Response>;
  inject(opts: InjectOptions): Promise<Response>;
}
export interface Response {
  status: number;
  body: any;
  headers: Record<string, unknown>;
  raw: Buffer;
}

export function makeClient(app: App, cookie?: string, csrf?: string): Client {
  const inject = async (opts: InjectOptions): Promise<Response> => {
    const res = await app.inject({
      ...opts,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(opts.headers ?? {}) },
    });
    let body: unknown = res.body;
    if (/application\/json/.test(String(res.headers['content-type'] ?? ''))) body = res.json();
    return { status: res.statusCode, body, headers: res.headers, raw: res.rawPayload };
  };
  return {
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body) => inject({ method: 'POST', url, payload: body as never }),
    put: (url, body) => inject({ method: 'PUT', url, payload: body as never }),
    del: (url) => inject({ method: 'DELETE', url }),
  };
}

export async function signIn(app: App, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`登录 ${username} 失败：${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  return makeClient(app, cookie, res.json().csrfToken);
}

/**
 * Runs `suite` once per engine against a fresh database holding the small demo school.
 * Test names carry the engine, e.g. "org [postgres] › moves a unit".
 */
export function describeOnEngines(name: string, suite: (t: () => TestContext) => void) {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let ctx: TestContext | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const database = await freshDatabase(engine);
        drop = database.drop;
        const seeders = MODULES.flatMap((m) => (m.seedDemo ? [m.seedDemo] : []));
        const demo = await loadDemoSchool(database.db, 'small', seeders);
        const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
        const app = await buildApp(database, config);
        await app.ready();
        const sessions = new Map<string, Client>();
        ctx = {
          engine,
          app,
          database,
          demo,
          anonymous: makeClient(app),
          as: async (username) => {
            if (!sessions.has(username)) sessions.set(username, await signIn(app, username));
            return sessions.get(username)!;
          },
        };
      });
      afterAll(async () => {
        await ctx?.app.close();
        await drop?.();
      });
      suite(() => {
        if (!ctx) throw new Error('test context not ready');
        return ctx;
      });
    });
  }
}

/** Polls `check` until it returns true or `withinMs` passes: for what another connection hears asynchronously (NOTIFY). */
export async function eventually(check: () => Promise<boolean>, withinMs = 3000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}
