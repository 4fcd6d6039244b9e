/**
 * @module `pillars search` (ranked paragraphs with matches marked) and `pillars reindex` (the
 * search index rebuilt from the stored paragraphs).
 */
import type { Command } from 'commander';
import { isPillarsError } from '../../domain/errors.js';
import { rebuildSearchIndex } from '../../search/index/search-index.js';
import { search } from '../../search/search-service.js';
import { parseLangList } from '../../server/routes/search-routes.js';
import { withStore, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';
import type { SearchResponse } from '../../contract/api-schemas.js';

/** The query with a caret under the character a parse error points at. */
export function pointAt(query: string, position: number): string {
  const line = query.replace(/\s/gu, ' ');
  const caret = ' '.repeat(Math.min(position, line.length)) + '^';
  return `  ${line}\n  ${caret}`;
}

function printResults(out: Output, response: SearchResponse): void {
  const about = response.total.exact ? '' : 'about ';
  out.line(
    `${about}${response.total.value.toLocaleString('en')} paragraph(s) (${response.tookMs} ms)`,
  );
  for (const e of response.expansions)
    out.line(`  also searched (${e.source}): ${e.from} → ${e.lang}: ${e.to}`);
  for (const group of response.groups) {
    out.line('');
    out.line(
      `${group.symbol ?? group.workId} [${group.lang}]${group.date ? ` ${group.date}` : ''}${group.title ? ` — ${group.title.slice(0, 90)}` : ''}`,
    );
    for (const hit of group.hits) {
      const text = hit.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
      const tag = hit.via === 'aligned' ? ' (aligned)' : '';
      out.line(`  #${hit.eId}  ${hit.score.toFixed(2)}${tag}  ${text.replace(/\s+/gu, ' ')}`);
    }
  }
  const facets = response.facets;
  if (facets) {
    out.line('');
    for (const [facet, values] of Object.entries(facets.counts)) {
      if (values.length === 0) continue;
      const approx = facets.exact ? '' : '≈';
      out.line(
        `${facet}: ${values
          .slice(0, 10)
          .map((v) => `${v.value} ${approx}${v.count}`)
          .join(', ')}`,
      );
    }
  }
  if (response.nextCursor) out.line(`\nmore: --cursor ${response.nextCursor}`);
}

export function registerSearchCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('search <query...>')
    .description(
      'search paragraphs: words, "phrases", OR, -exclude, prefix*, filters lang: year: symbol: series: meeting: type: state: action:',
    )
    .option('--lang <xx,yy>', 'only these languages (ar, zh, en, fr, ru, es, und)')
    .option(
      '--across',
      'also in the other languages: State names, action keywords, aligned versions',
    )
    .option('--recency', 'favour recent documents')
    .option('--limit <n>', 'results per page (1-100)', '20')
    .option('--cursor <cursor>', 'the next page, as printed after the results')
    .option('--no-facets', 'skip the facet counts')
    .option('--json', 'print JSON only (the API response)')
    .action(
      async (
        words: string[],
        options: {
          lang?: string;
          across?: boolean;
          recency?: boolean;
          limit: string;
          cursor?: string;
          facets: boolean;
          json?: boolean;
        },
      ) => {
        const q = words.join(' ');
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
          out.error('--limit: expected a whole number from 1 to 100');
          process.exitCode = 2;
          return;
        }
        try {
          const response = await withStore(globals(), (store) =>
            search(store.db, {
              q,
              langs: parseLangList(options.lang, '--lang'),
              across: !!options.across,
              recency: !!options.recency,
              facets: options.facets,
              limit,
              ...(options.cursor !== undefined ? { cursor: options.cursor } : {}),
            }),
          );
          if (options.json) out.json(response);
          else printResults(out, response);
        } catch (error) {
          if (
            isPillarsError(error) &&
            error.code === 'invalid_query' &&
            error.position !== undefined
          ) {
            out.error(pointAt(q, error.position));
          }
          throw error;
        }
      },
    );

  program
    .command('reindex')
    .description('rebuild the search index from the stored paragraphs (same result as ingesting)')
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) => {
      const started = performance.now();
      const result = await withStore(globals(), (store) =>
        store.db.transaction().execute((trx) => rebuildSearchIndex(trx)),
      );
      const seconds = (performance.now() - started) / 1000;
      if (options.json) out.json({ ...result, seconds });
      else
        out.line(
          `reindexed ${result.paragraphs.toLocaleString('en')} paragraph(s) of ${result.documents.toLocaleString('en')} language version(s) in ${seconds.toFixed(1)} s`,
        );
    });
}
