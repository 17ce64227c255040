/**
 * Once per test run: the machine's browser and fonts (test/machine.ts: found, or installed), and a
 * migrated embedded database dumped to a file, so that each test opens a fresh copy in well under a
 * second instead of running initdb (several seconds) every time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrate, readMigrations } from '../src/server/db/migrate.ts';
import { prepareTestMachine } from './machine.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** The Chromium the browser tests drive. */
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide('chromium', prepareTestMachine().chromium);
  const dir = join(tmpdir(), 'chiso-test');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `pglite-template-${process.pid}.tar`);
  const client = await PGlite.create();
  await migrate(
    {
      query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows as never[] }),
      transaction: (fn) =>
        client.transaction(async (tx) =>
          fn(async (sql, params) => ({ rows: (await tx.query(sql, params)).rows as never[] })),
        ),
    },
    readMigrations(),
  );
  const dump = await client.dumpDataDir('none');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteTemplate', path);
}
