/**
 * @module What the glossary verbs share: checked --lang and --domain values, and reading a file
 * named on the command line with an error that names it.
 */
import { readFileSync } from 'node:fs';
import { GLOSSARY_DOMAINS, type GlossaryDomain } from '../../domain/glossary-domains.js';
import { invalidData, invalidParameter } from '../../domain/errors.js';
import { isLang, LANGUAGES, type Lang } from '../../domain/language-codes.js';

export function langOption(value: string | undefined, flag: string): Lang | undefined {
  if (value === undefined) return undefined;
  if (!isLang(value))
    throw invalidParameter(flag, `expected one of ${LANGUAGES.join(', ')}, got '${value}'`);
  return value;
}

export function domainOption(value: string | undefined): GlossaryDomain | undefined {
  if (value === undefined) return undefined;
  if (!(GLOSSARY_DOMAINS as readonly string[]).includes(value))
    throw invalidParameter(
      '--domain',
      `expected one of ${GLOSSARY_DOMAINS.join(', ')}, got '${value}'`,
    );
  return value as GlossaryDomain;
}

export function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidData(
      path,
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}
