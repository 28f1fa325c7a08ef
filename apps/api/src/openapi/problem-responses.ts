import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath, type OpenAPIObject, type OperationObject, type ResponseObject } from '@nestjs/swagger';
import { routePolicy, ROUTE_POLICY, type RoutePolicy } from '../auth/access-policy';
import { BODY_LIMIT_BYTES } from '../http/fastify-errors';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem-details/problem-details';
import { ProblemDetailsSchema } from './problem-details.schema';

/** The error statuses a client must be ready for; each operation documents those it can answer. */
export const PROBLEM_STATUSES = [400, 401, 403, 404, 409, 412, 413, 415, 429, 503] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export interface ProblemDoc {
  /** A code the server really sends with this status (problem-codes.spec.ts finds each one in the source). */
  code: string;
  description: string;
}

/** What each status means on any route; a route names its own code and reason with @ApiProblem. */
export const PROBLEMS: Readonly<Record<ProblemStatus, ProblemDoc>> = {
  400: { code: 'invalid-query', description: 'Invalid input: `errors` lists each field or parameter refused, with the reason.' },
  401: { code: 'authentication-required', description: 'No bearer token, or one that is invalid or expired (`WWW-Authenticate: Bearer`).' },
  403: { code: 'role-not-allowed', description: "The token's role or scopes do not allow this (docs/security.md)." },
  404: { code: 'route-not-found', description: 'Nothing here.' },
  409: { code: 'concurrency-conflict', description: 'Not possible in the current state.' },
  412: { code: 'precondition-failed', description: 'If-Match is stale: reload and decide again.' },
  413: { code: 'payload-too-large', description: `The body is larger than ${BODY_LIMIT_BYTES} bytes.` },
  415: { code: 'unsupported-media-type', description: 'The body is not `application/json`.' },
  429: { code: 'too-many-requests', description: 'Too many requests: wait as long as `Retry-After` says, then try again.' },
  503: {
    code: 'read-models-not-ready',
    description: 'On PostgreSQL, the worker has not created the read models yet: wait as long as `Retry-After` says, then try again.',
  },
};

const MEDIA_TYPE = PROBLEM_CONTENT_TYPE.split(';')[0];

/** One problem answer: its description and an example body built by the same function as real answers. */
export function problemResponse(status: ProblemStatus, doc: Partial<ProblemDoc> = {}, instance = '/'): ResponseObject {
  const { code, description } = { ...PROBLEMS[status], ...doc };
  return {
    description,
    content: {
      [MEDIA_TYPE]: {
        schema: { $ref: getSchemaPath(ProblemDetailsSchema) },
        example: problem(status, code, description.replace(/`/g, ''), instance),
      },
    },
  };
}

/**
 * A refusal particular to a route: `@ApiProblem(404, 'convention-not-found', 'No such convention.')`.
 * The ones every route of a kind can give (401, 403, 429, 400 on input, 413/415 on a body) are added
 * to the document by documentCommonProblems, so no controller repeats them.
 */
export function ApiProblem(status: ProblemStatus, code?: string, description?: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiResponse({ status, ...problemResponse(status, { ...(code ? { code } : {}), ...(description ? { description } : {}) }) }));
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function isProblemStatus(status: number): status is ProblemStatus {
  return (PROBLEM_STATUSES as readonly number[]).includes(status);
}

/** The policy of an OpenAPI path: `/trajectories/{id}/commands/sign-contract` is governed by `/trajectories/:id/commands/:command`. */
function policyOf(method: string, path: string): RoutePolicy | undefined {
  const fastifyPath = path.replace(/\{([^}]+)\}/g, ':$1');
  const exact = routePolicy(method.toUpperCase(), fastifyPath);
  if (exact) return exact;
  const segments = fastifyPath.split('/');
  return ROUTE_POLICY.find((p) => {
    const pattern = p.path.split('/');
    return p.method === method.toUpperCase() && pattern.length === segments.length && pattern.every((s, i) => s.startsWith(':') || s === segments[i]);
  });
}

function add(op: OperationObject, status: ProblemStatus, path: string, doc: Partial<ProblemDoc> = {}): void {
  op.responses[status] ??= problemResponse(status, doc, path);
}

/** What a route that reads no input can still refuse: KnownQueryGuard runs on every route. */
const UNKNOWN_QUERY: ProblemDoc = {
  code: 'unknown-query-parameter',
  description: 'A query parameter this route does not take: `unknown` names it, `accepted` lists those it takes (none here).',
};

/**
 * Documents, on every operation, the refusals that follow from what it is: every one can answer 429
 * (the rate limit is global, per caller address without a token) and 400 (an unknown query
 * parameter is refused everywhere, KnownQueryGuard); authenticated ones 401 and 403; those
 * with a body 413 and 415. Public routes (the access policy's `public`) get `security: []`. A 404,
 * 409 or 412 depends on the route: its @ApiProblem says so. Every problem answer gets an example
 * with the path as its `instance`, as a real answer would.
 */
export function documentCommonProblems(document: OpenAPIObject): void {
  // RFC 9457: a problem carries extension members beside the standard ones (stage, householdId...).
  const schema = document.components?.schemas?.[ProblemDetailsSchema.name];
  if (schema && !('$ref' in schema)) schema.additionalProperties = true;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const policy = policyOf(method, path);
      const params = op.parameters ?? [];
      if (policy?.access === 'public') op.security = [];
      else for (const status of [401, 403] as const) add(op, status, path);
      add(op, 429, path);
      add(op, 400, path, params.length > 0 || op.requestBody ? {} : UNKNOWN_QUERY);
      if (op.requestBody) for (const status of [413, 415] as const) add(op, status, path);
      for (const [status, response] of Object.entries(op.responses)) {
        const media = (response as ResponseObject).content?.[MEDIA_TYPE];
        if (!media || !isProblemStatus(Number(status))) continue;
        const example = (media.example ??= problemResponse(Number(status) as ProblemStatus, { description: (response as ResponseObject).description }).content?.[MEDIA_TYPE]?.example) as { instance?: string };
        example.instance = path;
      }
    }
  }
}
