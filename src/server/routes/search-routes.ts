/**
 * @module GET /api/v1/search: ranked paragraphs grouped by document, with snippets, facets and
 * cursor paging. A malformed query is a 400 `invalid_query` whose `position` points into `q`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  errorSchema,
  searchQuerySchema,
  searchResponseSchema,
} from '../../contract/api-schemas.js';
import { invalidParameter } from '../../domain/errors.js';
import { isLang } from '../../domain/language-codes.js';
import type { AnalysisLang } from '../../search/analysis/analyzer.js';
import { indexGeneration } from '../../search/index/search-index.js';
import { SearchPool, searchWorkerCount } from '../../search/search-pool.js';
import { search, type SearchRequest } from '../../search/search-service.js';
import { searchCacheOutcomes } from '../../observability/metrics.js';
import { TurnTaking } from '../../lib/turn-taking.js';
import { SearchCache } from '../../search/search-cache.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';

export function parseLangList(
  value: string | undefined,
  field = 'lang',
): AnalysisLang[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.split(',').map((part) => {
    const lang = part.trim().toLowerCase();
    if (lang === 'und' || isLang(lang)) return lang;
    throw invalidParameter(field, `'${part}' is not one of ar, zh, en, fr, ru, es, und`);
  });
}

export function searchRoutes(
  store: Store,
  options: { cacheMs?: number; staleMs?: number; workers?: number | 'auto' } = {},
): FastifyPluginAsyncZod {
  // Search reads only, and a second of replication lag is harmless: it may use a replica.
  const db = store.reader;
  // Answers depend on the query alone (search is public), so the URL is the key.
  // SQLite answers on the event loop: one search at a time, in turns, so that cheap reads get
  // their turn between two searches. PostgreSQL answers over the network: two at once, each one query per language
  // (eight at once made a 2-core server thrash: document views waited behind searches).
  const turns = new TurnTaking(store.engine === 'sqlite' ? 1 : 2);
  const cache = new SearchCache<string>({
    ttlMs: options.cacheMs ?? 0,
    staleMs: options.staleMs ?? 0,
    generation: () => indexGeneration(db),
  });
  // On SQLite, searches may run in worker threads with connections of their own (search-pool.ts).
  const workers = options.workers === 'auto' ? searchWorkerCount() : (options.workers ?? 0);
  const pool =
    store.engine === 'sqlite' && store.file !== undefined && workers > 0
      ? new SearchPool(store.file, workers)
      : undefined;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    if (pool) app.addHook('onClose', () => pool.close());
    app.get(
      '/search',
      {
        config: { access: allow.public },
        schema: {
          tags: ['search'],
          summary: 'Search paragraphs in six languages',
          description:
            'Query language: words, "phrases", AND / OR / NOT (or -term), prefix term*, and filters ' +
            'lang: symbol: series: year: (2015 or 2010..2015) meeting: type: state: action:. ' +
            'Totals are exact up to 10,000 paragraphs per language and estimated above; so are facets.',
          querystring: searchQuerySchema,
          response: { 200: searchResponseSchema, 400: errorSchema },
        },
      },
      async (request, reply) => {
        const { q, lang, across, facets, recency, limit, cursor } = request.query;
        // The answer is checked against the contract and serialised once, when computed; a
        // cached answer is sent as those bytes.
        const searchRequest: SearchRequest = {
          q,
          langs: parseLangList(lang),
          across,
          facets,
          recency,
          limit,
          ...(cursor !== undefined ? { cursor } : {}),
        };
        const body = await cache.get(
          request.url,
          (priority, promotion) =>
            pool
              ? pool.search(searchRequest, priority, promotion)
              : turns.run(
                  async () =>
                    JSON.stringify(searchResponseSchema.parse(await search(db, searchRequest))),
                  priority,
                  promotion,
                ),
          (outcome) => searchCacheOutcomes.inc({ outcome }),
        );
        return reply
          .type('application/json; charset=utf-8')
          .serializer((payload) => payload as string)
          .send(body as never);
      },
    );
  };
}
