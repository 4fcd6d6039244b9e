/**
 * How the server serves the web app: the home page and client routes get index.html, files are
 * read per request (a rebuild needs no restart), a missing asset is a 404, and an unbuilt app says so.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { forEachStore } from '../support/for-each-store.js';
import { testTempDir } from '../support/temp-dir.js';

forEachStore('web app serving', ({ store }) => {
  it('serves index.html for / and client routes, assets as files, 404 for missing assets', async () => {
    const webRoot = testTempDir('pillars-web-');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Pillars</title>');
    const app = await buildApp({ store: store(), webRoot });
    try {
      for (const url of ['/', '/states/FRA', '/actions?pillar=disarmament']) {
        const page = await app.inject({ method: 'GET', url });
        expect(page.statusCode, url).toBe(200);
        expect(page.headers['content-type'], url).toMatch(/text\/html/);
        expect(page.body, url).toContain('<title>Pillars</title>');
      }
      writeFileSync(join(webRoot, 'assets', 'app-123.js'), 'console.log(1)');
      const asset = await app.inject({ method: 'GET', url: '/assets/app-123.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect((await app.inject({ method: 'GET', url: '/assets/gone-1.js' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: '/states' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('explains when the web app is not built, and still serves the API', async () => {
    const app = await buildApp({
      store: store(),
      webRoot: join(tmpdir(), 'pillars-no-such-web-root'),
    });
    try {
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(503);
      expect(page.body).toMatch(/npm run build/);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
