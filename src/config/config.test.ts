import { describe, expect, it } from 'vitest';
import { describeStore, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to ./data/pillars.db on port 8080', () => {
    const config = loadConfig({}, {});
    expect(config.store).toEqual({
      kind: 'sqlite',
      file: expect.stringMatching(/data\/pillars\.db$/) as unknown,
    });
    expect(config.port).toBe(8080);
  });

  it('lets PILLARS_DATABASE_URL win over PILLARS_DB, and flags win over both', () => {
    const env = {
      PILLARS_DB: '/tmp/x.db',
      PILLARS_DATABASE_URL: 'postgres://u:secret@h:5432/db',
      PILLARS_PORT: '9000',
    };
    expect(loadConfig({}, env).store).toEqual({ kind: 'postgres', url: env.PILLARS_DATABASE_URL });
    expect(loadConfig({ databaseUrl: 'postgresql://a@b/c' }, env).store).toEqual({
      kind: 'postgres',
      url: 'postgresql://a@b/c',
    });
    expect(loadConfig({ db: '/tmp/y.db' }, { PILLARS_DB: '/tmp/x.db' }).store).toEqual({
      kind: 'sqlite',
      file: '/tmp/y.db',
    });
    expect(
      loadConfig({}, { ...env, PILLARS_READ_DATABASE_URL: 'postgres://r@replica/db' }).store,
    ).toEqual({
      kind: 'postgres',
      url: env.PILLARS_DATABASE_URL,
      readUrl: 'postgres://r@replica/db',
    });
    expect(() => loadConfig({}, { ...env, PILLARS_READ_DATABASE_URL: 'mysql://x' })).toThrow(
      /PILLARS_READ_DATABASE_URL/,
    );
    expect(loadConfig({ port: '1234' }, env).port).toBe(1234);
    expect(loadConfig({}, env).port).toBe(9000);
  });

  it('names the variable or flag that is wrong', () => {
    expect(() => loadConfig({}, { PILLARS_PORT: 'eighty' })).toThrow(/^PILLARS_PORT: /);
    expect(() => loadConfig({ port: '70000' }, {})).toThrow(/^--port: /);
    expect(() => loadConfig({}, { PILLARS_DATABASE_URL: 'mysql://x' })).toThrow(
      /^PILLARS_DATABASE_URL: expected a postgres/,
    );
  });

  it('never prints a password', () => {
    expect(describeStore({ kind: 'postgres', url: 'postgres://u:secret@h:5432/db' })).toBe(
      'postgres://u:***@h:5432/db',
    );
  });
});
