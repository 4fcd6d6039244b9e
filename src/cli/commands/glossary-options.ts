/**
 * @module What the glossary verbs share: checked --lang and --domain values. (Files named on the
 * command line are read with readDataText, whose error names the file.)
 */
import { GLOSSARY_DOMAINS, type GlossaryDomain } from '../../domain/glossary-domains.js';
import { invalidParameter } from '../../domain/errors.js';
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
