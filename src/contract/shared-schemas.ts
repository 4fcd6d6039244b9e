/**
 * @module Wire shapes every part of the contract uses (paging, a text's language), in a file of
 * their own so the contract's parts import them without importing each other.
 */
import { z } from 'zod';
import { langSchema } from '../domain/languages.js';

/** One of the six languages, or `und` for text whose language could not be told. */
export const textLangSchema = langSchema.or(z.literal('und'));

export const pagingQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
