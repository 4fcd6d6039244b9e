/**
 * @module The ordered list of migrations. Both engines run exactly these.
 */
import type { Migration } from 'kysely';
import * as referenceData from './0001-reference-data.js';

export const migrations: Record<string, Migration> = {
  '0001-reference-data': referenceData,
};
