/**
 * @module The one place HTTP errors are shaped: every failure leaves as `{code, message, field?}`.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isPillarsError } from '../domain/errors.js';
import type { ErrorBody } from '../contract/api-schemas.js';

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0];
      const field = issue ? fieldOf(issue.instancePath, issue.params) : undefined;
      const body: ErrorBody = {
        code: 'invalid_parameter',
        message: `${field ?? error.validationContext ?? 'request'}: ${issue?.message ?? 'invalid value'}`,
        ...(field !== undefined ? { field } : {}),
      };
      return reply.code(400).send(body);
    }
    if (isPillarsError(error)) {
      const body: ErrorBody = {
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
        ...(error.position !== undefined ? { position: error.position } : {}),
        ...(error.detail !== undefined ? { detail: error.detail } : {}),
      };
      return reply.code(error.status).send(body);
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: 'rate_limited', message: error.message });
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .code(error.statusCode)
        .send({ code: codeForStatus(error.statusCode), message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ code: 'internal', message: 'internal error' });
  });
}

function fieldOf(instancePath: string, params: unknown): string | undefined {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (path) return path;
  const missing = (params as { missingProperty?: unknown } | undefined)?.missingProperty;
  return typeof missing === 'string' ? missing : undefined;
}

function codeForStatus(status: number): string {
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  return 'invalid_request';
}
