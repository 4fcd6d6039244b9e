import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { suiteTempDir } from '../support/temp-dir.js';

describe('opening a store that is not usable', () => {
  const dir = suiteTempDir('pillars-open-');

  it('names a SQLite file that is not a database', async () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(
      file,
      'this is not a database, just some text that fills the header page '.repeat(100),
    );
    await expect(openStore({ kind: 'sqlite', file })).rejects.toMatchObject({
      code: 'store_unavailable',
      message: expect.stringContaining(file) as unknown,
    });
  });

  it('names a path that is a directory', async () => {
    await expect(openStore({ kind: 'sqlite', file: dir })).rejects.toMatchObject({
      code: 'store_unavailable',
    });
  });

  it('reports a PostgreSQL server that does not answer', async () => {
    await expect(
      openStore({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' }),
    ).rejects.toMatchObject({
      code: 'store_unavailable',
      message: expect.stringMatching(/cannot connect to PostgreSQL/) as unknown,
    });
  });
});
