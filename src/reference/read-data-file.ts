/**
 * @module A bundled data file (JSON) read and checked against its schema, with the file — and for
 * a schema error the path inside it — named in the error. Shared by the reference data, the
 * glossary and the report templates.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { invalidData } from '../domain/errors.js';
import { formatIssuePath } from '../lib/issue-path.js';

export function parseDataFile<T>(path: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidData(path, `not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw invalidData(`${path}: ${formatIssuePath(issue.path)}`, issue.message);
  }
  return result.data;
}

export function readDataText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidData(
      path,
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

export function readDataFile<T>(path: string, schema: z.ZodType<T>): T {
  return parseDataFile(path, readDataText(path), schema);
}
