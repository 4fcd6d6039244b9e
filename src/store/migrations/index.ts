/**
 * @module The ordered list of migrations. Both engines run exactly these.
 */
import type { Migration } from 'kysely';
import * as referenceData from './0001-reference-data.js';
import * as documents from './0002-documents.js';
import * as participationEvents from './0003-participation-events.js';
import * as searchIndex from './0004-search-index.js';
import * as alignments from './0005-alignments.js';
import * as evidence from './0006-evidence.js';
import * as glossary from './0007-glossary.js';
import * as accountsReports from './0008-accounts-reports.js';
import * as searchDocsOrder from './0009-search-docs-order.js';

export const migrations: Record<string, Migration> = {
  '0001-reference-data': referenceData,
  '0002-documents': documents,
  '0003-participation-events': participationEvents,
  '0004-search-index': searchIndex,
  '0005-alignments': alignments,
  '0006-evidence': evidence,
  '0007-glossary': glossary,
  '0008-accounts-reports': accountsReports,
  '0009-search-docs-order': searchDocsOrder,
};
