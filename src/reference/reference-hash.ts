/**
 * @module Where the hash of the seeded reference data is kept (`meta` table).
 */
export const REFERENCE_HASH_KEY = 'reference_hash';
