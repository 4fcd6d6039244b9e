/**
 * @module The one error catalogue. Every failure a user can see has a stable snake_case code;
 * the HTTP layer maps codes to statuses and the CLI maps them to exit codes, so both speak alike.
 */

export const ERROR_CODES = {
  not_found: { status: 404, exit: 1 },
  unauthenticated: { status: 401, exit: 3 },
  forbidden: { status: 403, exit: 3 },
  csrf_failed: { status: 403, exit: 3 },
  invalid_transition: { status: 409, exit: 1 },
  invalid_parameter: { status: 400, exit: 2 },
  invalid_query: { status: 400, exit: 2 },
  invalid_data: { status: 422, exit: 1 },
  ambiguous_name: { status: 409, exit: 1 },
  conflict: { status: 409, exit: 1 },
  unknown_name: { status: 404, exit: 1 },
  store_unavailable: { status: 503, exit: 1 },
  rate_limited: { status: 429, exit: 1 },
  internal: { status: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class PillarsError extends Error {
  readonly code: ErrorCode;
  /** The parameter, file field or column the error is about, when there is one. */
  readonly field: string | undefined;
  /** For a malformed query: the 0-based offset (UTF-16 code units) in the query text. */
  readonly position: number | undefined;
  /** Structured facts a client needs to recover, e.g. both versions of a stale edit. */
  readonly detail: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: {
      field?: string;
      position?: number;
      cause?: unknown;
      detail?: Readonly<Record<string, unknown>>;
    },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PillarsError';
    this.code = code;
    this.field = options?.field;
    this.position = options?.position;
    this.detail = options?.detail;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

export const notFound = (what: string, id: string) =>
  new PillarsError('not_found', `no ${what} with id '${id}'`, { field: 'id' });

export const invalidParameter = (field: string, message: string) =>
  new PillarsError('invalid_parameter', `${field}: ${message}`, { field });

export const invalidData = (where: string, message: string) =>
  new PillarsError('invalid_data', `${where}: ${message}`, { field: where });

/** A query that cannot be parsed; the message says what is wrong and at which character. */
export const invalidQuery = (message: string, position: number, field = 'q') =>
  new PillarsError('invalid_query', `${field}: ${message} (at character ${position + 1})`, {
    field,
    position,
  });

export const storeUnavailable = (message: string, cause?: unknown) =>
  new PillarsError('store_unavailable', message, { cause });

export function isPillarsError(error: unknown): error is PillarsError {
  return error instanceof PillarsError;
}
