// Validates one bundled data file against its schema: `npx tsx scripts/check-data-file.ts data/groups.json`.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { participationEventSchema } from '../src/domain/treaty-events.js';
import {
  actionRecordSchema,
  groupRecordSchema,
  instrumentRecordSchema,
  meetingRecordSchema,
  stateRecordSchema,
} from '../src/domain/reference-data.js';

const schemas: Record<string, z.ZodType> = {
  'states.json': z.array(stateRecordSchema),
  'groups.json': z.array(groupRecordSchema),
  'instruments.json': z.array(instrumentRecordSchema),
  'meetings.json': z.array(meetingRecordSchema),
  'action-plan-2010.json': z.array(actionRecordSchema),
};
const file = process.argv[2] ?? '';
const schema =
  schemas[basename(file)] ??
  (file.includes('events/') ? z.array(participationEventSchema) : undefined);
if (!schema) {
  console.error(`no schema for ${file}; known: ${Object.keys(schemas).join(', ')}`);
  process.exit(2);
}
const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
if (!result.success) {
  for (const issue of result.error.issues.slice(0, 30)) {
    console.error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  process.exit(1);
}
console.log(`${file}: ok (${(result.data as unknown[]).length} records)`);
