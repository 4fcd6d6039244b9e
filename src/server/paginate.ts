/**
 * @module Paging over lists that are small enough to hold whole (reference data).
 */
import type { Page } from '../domain/model.js';

export function paginate<T>(items: T[], limit: number, offset: number): Page<T> {
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}
