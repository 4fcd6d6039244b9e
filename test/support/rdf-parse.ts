/**
 * RDF for tests: Turtle through N3.js, JSON-LD through jsonld.js with a document loader that
 * refuses every fetch (the documents must carry their context inline), both as N3 quads.
 */
import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';

export function parseTurtle(text: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(text);
}

/** JSON-LD text → quads; `fetched` collects every URL jsonld tried to load (it must stay empty). */
export async function parseJsonLd(text: string, fetched: string[] = []): Promise<Quad[]> {
  const nquads = await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader: (url: string) => {
      fetched.push(url);
      return Promise.reject(new Error(`no network in tests: ${url}`));
    },
  });
  return new Parser({ format: 'application/n-quads' }).parse(nquads as string);
}

/** A quad as one comparable line (N-Triples-like), for set comparisons. */
export function quadKey(quad: Quad): string {
  const term = (t: Quad['object']): string =>
    t.termType === 'Literal'
      ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^${t.datatype.value}`}`
      : t.termType === 'BlankNode'
        ? '_:b'
        : `<${t.value}>`;
  return `${term(quad.subject)} ${term(quad.predicate)} ${term(quad.object)}`;
}
