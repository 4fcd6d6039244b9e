/**
 * @module Glossary verbs: `glossary list|show|search|history|set|remove|publish|editions`, and the
 * exchange verbs (glossary-exchange-commands.ts) registered under the same `glossary`.
 */
import type { Command } from 'commander';
import { GLOSSARY_DOMAINS } from '../../domain/glossary-domains.js';
import { invalidParameter, invalidData } from '../../domain/errors.js';
import { LANGUAGES } from '../../domain/language-codes.js';
import { deleteConcept, saveConcept } from '../../glossary/edit-concept.js';
import { listEditions, publishEdition } from '../../glossary/glossary-editions.js';
import {
  conceptHistory,
  getConcept,
  listConcepts,
  searchTerms,
} from '../../glossary/glossary-queries.js';
import { withStore, type GlobalOptions } from '../context.js';
import { clip, type Output } from '../output.js';
import { registerGlossaryExchangeCommands } from './glossary-exchange-commands.js';
import { domainOption, langOption } from './glossary-options.js';
import { readDataText } from '../../reference/read-data-file.js';

export function registerGlossaryCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();
  const glossary = program
    .command('glossary')
    .description('the glossary of key nuclear terms in six languages: browse, exchange, check');

  glossary
    .command('list')
    .description('concepts with their preferred terms (A–Z in a language with --lang)')
    .option('--domain <domain>', `one of ${GLOSSARY_DOMAINS.join(', ')}`)
    .option('--lang <xx>', 'sort by (and show) this language')
    .option('--letter <l>', 'only terms filed under this letter (with --lang)')
    .option('--q <text>', 'only concepts with a term containing this text, any language')
    .option('--json', 'print JSON only')
    .action(
      async (options: {
        domain?: string;
        lang?: string;
        letter?: string;
        q?: string;
        json?: boolean;
      }) => {
        const lang = langOption(options.lang, '--lang');
        const domain = domainOption(options.domain);
        const list = await withStore(globals(), (store) =>
          listConcepts(store.db, {
            ...(domain ? { domain } : {}),
            ...(lang ? { lang } : {}),
            ...(options.letter !== undefined ? { letter: options.letter } : {}),
            ...(options.q !== undefined ? { q: options.q } : {}),
            limit: 100_000,
          }),
        );
        if (options.json) return out.json(list);
        const shown = lang
          ? [lang, ...(lang === 'en' ? ['zh' as const] : ['en' as const])]
          : (['en', 'zh'] as const);
        out.table(
          ['id', 'domain', ...shown],
          list.items.map((c) => [
            c.id,
            c.domain,
            ...shown.map((l) => clip(c.preferred[l] ?? '', 40)),
          ]),
        );
        out.line(`${list.total} concepts`);
      },
    );

  glossary
    .command('show <id>')
    .description('one concept in all six languages: terms, definitions, links')
    .option('--json', 'print JSON only')
    .action(async (id: string, options: { json?: boolean }) => {
      const concept = await withStore(globals(), (store) => getConcept(store.db, id));
      if (options.json) return out.json(concept);
      out.line(`${concept.id} (${concept.domain}), revision ${concept.revision}`);
      for (const [label, ids] of [
        ['broader', concept.broader],
        ['narrower', concept.narrower],
        ['related', concept.related],
      ] as const) {
        if (ids.length > 0) out.line(`  ${label}: ${ids.join(', ')}`);
      }
      for (const lang of LANGUAGES) {
        const section = concept.languages[lang];
        if (!section) continue;
        out.line(
          `[${lang}] ${section.terms.map((t) => `${t.text} (${t.status}${t.type === 'fullForm' ? '' : `, ${t.type}`})`).join('; ')}`,
        );
        if (section.definition) {
          out.line(
            `     ${section.definition.text}${section.definition.origin === 'ours' ? ' [Pillars editors]' : section.definition.source ? ` [${section.definition.source}]` : ''}`,
          );
        }
      }
    });

  glossary
    .command('search <text>')
    .description('terms containing the text, in any language (case and accents ignored)')
    .option('--lang <xx>', 'only terms of this language')
    .option('--json', 'print JSON only')
    .action(async (text: string, options: { lang?: string; json?: boolean }) => {
      const lang = langOption(options.lang, '--lang');
      const hits = await withStore(globals(), (store) =>
        searchTerms(store.db, text, lang ? { lang } : {}),
      );
      if (options.json) return out.json(hits);
      out.table(
        ['concept', 'lang', 'term', 'status', 'en', 'zh'],
        hits.map((h) => [
          h.conceptId,
          h.lang,
          clip(h.term, 40),
          h.status,
          clip(h.preferred.en ?? '', 30),
          clip(h.preferred.zh ?? '', 20),
        ]),
      );
      out.line(`${hits.length} terms`);
    });

  glossary
    .command('history <id>')
    .description('every revision of a concept: who, when, why')
    .option('--json', 'print JSON only')
    .action(async (id: string, options: { json?: boolean }) => {
      const revisions = await withStore(globals(), (store) => conceptHistory(store.db, id));
      if (options.json) return out.json(revisions);
      out.table(
        ['revision', 'at', 'actor', 'comment'],
        revisions.map((r) => [
          String(r.revision),
          r.at,
          r.actor,
          clip(`${r.concept ? '' : '(removed) '}${r.comment}`, 60),
        ]),
      );
    });

  registerGlossaryExchangeCommands(glossary, globals, out);

  glossary
    .command('set <file>')
    .description(
      'add or change a concept from a JSON file (the concept as `glossary show --json` prints it)',
    )
    .requiredOption('--by <name>', 'who edits')
    .requiredOption('--comment <text>', 'why')
    .option('--base-revision <n>', 'the revision the edit started from; a stale edit is refused')
    .option('--json', 'print JSON only')
    .action(
      async (
        file: string,
        options: { by: string; comment: string; baseRevision?: string; json?: boolean },
      ) => {
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(readDataText(file)) as Record<string, unknown>;
        } catch (error) {
          throw invalidData(file, `not valid JSON: ${(error as Error).message}`);
        }
        // What `show --json` adds is derived or kept by the store, not part of the edit.
        const concept = Object.fromEntries(
          Object.entries(json).filter(
            ([key]) => !['revision', 'updatedAt', 'narrower'].includes(key),
          ),
        );
        const base = options.baseRevision === undefined ? undefined : Number(options.baseRevision);
        if (base !== undefined && (!Number.isInteger(base) || base < 0))
          throw invalidParameter(
            '--base-revision',
            `expected a revision number, got '${options.baseRevision}'`,
          );
        const saved = await withStore(globals(), (store) =>
          saveConcept(store.db, {
            concept: concept as never,
            actor: options.by,
            comment: options.comment,
            ...(base !== undefined ? { baseRevision: base } : {}),
          }),
        );
        if (options.json) return out.json(saved);
        out.line(`${saved.id}: revision ${saved.revision}`);
      },
    );

  glossary
    .command('remove <id>')
    .description('remove a concept (its history stays; links to it are dropped)')
    .requiredOption('--by <name>', 'who removes')
    .requiredOption('--comment <text>', 'why')
    .action(async (id: string, options: { by: string; comment: string }) => {
      await withStore(globals(), (store) =>
        deleteConcept(store.db, id, { actor: options.by, comment: options.comment }),
      );
      out.line(`${id}: removed`);
    });

  glossary
    .command('publish <edition>')
    .description(
      'publish an edition: the current revision of every concept, citable and unchanging',
    )
    .requiredOption('--title <text>', 'the edition title')
    .requiredOption('--by <name>', 'who publishes')
    .option('--comment <text>', 'what the edition is')
    .option('--json', 'print JSON only')
    .action(
      async (
        id: string,
        options: { title: string; by: string; comment?: string; json?: boolean },
      ) => {
        const edition = await withStore(globals(), (store) =>
          publishEdition(store.db, {
            id,
            title: options.title,
            actor: options.by,
            ...(options.comment !== undefined ? { comment: options.comment } : {}),
          }),
        );
        if (options.json) return out.json(edition);
        out.line(
          `edition ${edition.id}: ${edition.conceptCount} concepts, published ${edition.publishedAt}`,
        );
      },
    );

  glossary
    .command('editions')
    .description('the published editions')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) => {
      const editions = await withStore(globals(), (store) => listEditions(store.db));
      if (options.json) return out.json(editions);
      out.table(
        ['edition', 'title', 'concepts', 'published', 'by'],
        editions.map((e) => [e.id, e.title, String(e.conceptCount), e.publishedAt, e.actor]),
      );
    });
}
