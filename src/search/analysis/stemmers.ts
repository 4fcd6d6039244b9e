/**
 * @module Snowball stemmers (the `snowball-stemmers` package: a JavaScript port of the Snowball
 * algorithms, the same family PostgreSQL and Lucene use).
 *
 * The package is CommonJS and marks its exports `__esModule`, so a default import means
 * `module.exports` under Node but `exports.default` (undefined) under bundler interop; `require`
 * gives the same object everywhere (tsx, vitest, the tsc build).
 */
import { createRequire } from 'node:module';

export type StemmerAlgorithm = 'arabic' | 'english' | 'french' | 'russian' | 'spanish';

interface SnowballStemmer {
  stem(word: string): string;
}

interface SnowballFactory {
  newStemmer(algorithm: string): SnowballStemmer;
  algorithms(): string[];
}

const require = createRequire(import.meta.url);
let factory: SnowballFactory | undefined;

function snowball(): SnowballFactory {
  factory ??= require('snowball-stemmers') as SnowballFactory;
  return factory;
}

/**
 * A stemming function for one algorithm. Snowball stemmers keep state between calls, which is
 * safe here: stemming is synchronous.
 */
export function createStemmer(algorithm: StemmerAlgorithm): (word: string) => string {
  const stemmer = snowball().newStemmer(algorithm);
  return (word) => stemmer.stem(word);
}
