import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadReferenceData } from './load-reference-data.js';

const dirs: string[] = [];
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pillars-data-'));
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
function edit(
  dir: string,
  file: string,
  change: (records: Record<string, unknown>[]) => void,
): void {
  const path = join(dir, file);
  const records = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  change(records);
  writeFileSync(path, JSON.stringify(records));
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loading the bundled reference data', () => {
  it('loads and cites a source for every record', () => {
    const data = loadReferenceData();
    expect(data.states).toHaveLength(197);
    for (const list of [data.states, data.groups, data.instruments, data.meetings, data.actions]) {
      for (const record of list) expect(record.source.length).toBeGreaterThan(2);
    }
    for (const group of data.groups)
      for (const m of group.members) expect(m.source.length).toBeGreaterThan(2);
    for (const state of data.states)
      for (const v of state.variants) expect(v.source.length).toBeGreaterThan(2);
  });

  it('has the same hash for the same bytes and another for other bytes', () => {
    const dir = copyOfData();
    expect(loadReferenceData(dir).hash).toBe(loadReferenceData().hash);
    edit(dir, 'meetings.json', (r) => r.pop());
    expect(loadReferenceData(dir).hash).not.toBe(loadReferenceData().hash);
  });

  it('names the file and field of a bad value', () => {
    const dir = copyOfData();
    edit(dir, 'meetings.json', (r) => (r[2]!.startDate = '2013-02-30x'));
    expect(() => loadReferenceData(dir)).toThrow(
      /meetings\.json: \[2\]\.startDate: expected a date as YYYY-MM-DD/,
    );
  });

  it('names a reference to an unknown State', () => {
    const dir = copyOfData();
    edit(dir, 'groups.json', (r) => ((r[0]!.members as { state: string }[])[0]!.state = 'XYZ'));
    expect(() => loadReferenceData(dir)).toThrow(
      /groups\.json: \[0\]\.members\[0\]\.state: unknown state 'XYZ'/,
    );
  });

  it('names duplicate ids', () => {
    const dir = copyOfData();
    edit(dir, 'instruments.json', (r) => r.push(r[0]!));
    expect(() => loadReferenceData(dir)).toThrow(
      /instruments\.json: \[\d+\]\.id: duplicate id 'NPT'/,
    );
  });

  it('names a file that is not JSON, and a missing file', () => {
    const dir = copyOfData();
    writeFileSync(join(dir, 'states.json'), '[{"id": "FRA",');
    expect(() => loadReferenceData(dir)).toThrow(/states\.json: not valid JSON/);
    rmSync(join(dir, 'states.json'));
    expect(() => loadReferenceData(dir)).toThrow(/states\.json: cannot read: ENOENT/);
  });
});
