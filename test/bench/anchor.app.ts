import { Body, Controller, HttpCode, Inject, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';

const POOL = Symbol('anchor-pool');

/**
 * What bench:commands compares the API with: a bare NestJS + Fastify POST that does one
 * optimistic-concurrency insert on PostgreSQL, the way an application without an event store would:
 * `BEGIN; SELECT max(version) …; INSERT …; COMMIT`, no auth, no validation, no encryption.
 */
@Controller('anchor')
class AnchorController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Post(':stream')
  @HttpCode(200)
  async append(@Param('stream') stream: string, @Body() body: unknown): Promise<{ stream: string; version: number }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM anchor_events WHERE stream_id = $1', [stream]);
      const version = (rows[0]?.v ?? 0) + 1;
      await client.query('INSERT INTO anchor_events (stream_id, version, data) VALUES ($1, $2, $3)', [stream, version, JSON.stringify(body)]);
      await client.query('COMMIT');
      return { stream, version };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

export interface AnchorApp {
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/** The anchor app on its own table in `schema` (created here), with the same pool size as the API's store (10). */
export async function createAnchorApp(databaseUrl: string, schema: string): Promise<AnchorApp> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10, options: `-c search_path=${schema}` });
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await pool.query('CREATE TABLE IF NOT EXISTS anchor_events (stream_id text NOT NULL, version integer NOT NULL, data jsonb NOT NULL, PRIMARY KEY (stream_id, version))');

  @Module({ controllers: [AnchorController], providers: [{ provide: POOL, useValue: pool }] })
  class AnchorModule {}

  const app = await NestFactory.create<NestFastifyApplication>(AnchorModule, new FastifyAdapter(), { logger: ['error'] });
  return {
    app,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
