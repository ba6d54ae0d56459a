import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Engine } from '../db/database';
import type { Listen } from '../db/listen';
import type { DB } from '../db/types';
import type { DemoSeeder } from '../seed/load-demo';
import type { Measure } from './measures/measure';
import type { MeasureRegistry } from './measures/registry';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every module's routes and services are given: no containers, just these values. */
export interface Context {
  db: Kysely<DB>;
  config: Config;
  engine: Engine;
  listen: Listen;
  /** Every module's measures (built once in app.ts from the manifests). */
  measures: MeasureRegistry;
}

/** A business module's manifest: the app registers the explicit list in app.ts. */
export interface AppModule {
  name: string;
  /** OpenAPI tag (Chinese) for the module's routes. */
  tag: string;
  routes(app: App, ctx: Context): void;
  /** Adds this module's part of the demo school (runs inside the demo loader's transaction). */
  seedDemo?: DemoSeeder;
  /** Work the server process repeats on a timer (main.ts schedules it; tests and buildApp never start it). */
  jobs?: Job[];
  /** The figures this module can compute, with the rows behind each (core/measures; docs/measures.md). */
  measures?: Measure[];
}

export interface Job {
  name: string;
  everyMs: number;
  run(ctx: Context): Promise<unknown>;
}
