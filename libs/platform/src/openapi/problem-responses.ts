import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../auth/auth.decorators';
import { ROLES, type Role } from '../auth/actor';
import { errorCodeEntry } from '../errors';
import { DOCUMENTED_ERRORS } from './api-doc.decorator';

/** What the document cannot see on its own: whether a route is public, its roles, its own codes. */
interface RouteFacts {
  isPublic: boolean;
  roles?: Role[];
  errors: string[];
}

type Operation = {
  operationId?: string;
  description?: string;
  parameters?: { in?: string }[];
  requestBody?: unknown;
  security?: unknown;
  responses?: Record<string, unknown>;
};

const PROBLEM_SCHEMA = 'ProblemDetails';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Completes the OpenAPI document's error responses: every operation gets, under each status it
 * can answer, an `application/problem+json` response that lists its codes (as the schema's `code`
 * enum and in the description). The codes are the operation's own (`@ApiDoc`) plus those its
 * kind always can answer: UNAUTHENTICATED without @Public, FORBIDDEN under @Roles, the
 * validation codes when it takes parameters or a body, the idempotency codes with an
 * Idempotency-Key header, SERVICE_UNAVAILABLE for everything under /api. Public operations lose
 * the bearer requirement a controller-wide @ApiBearerAuth gave them.
 */
export function withProblemResponses<T extends OpenAPIObject>(app: INestApplication, document: T): T {
  const facts = routeFacts(app);
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, [PROBLEM_SCHEMA]: problemSchema() };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const route = operation.operationId ? facts.get(operation.operationId) : undefined;
      if (route?.isPublic) delete operation.security;
      if (route?.roles) {
        const roles = `Roles 角色: ${route.roles.join(', ')}`;
        operation.description = operation.description ? `${operation.description}\n\n${roles}` : roles;
      }
      addProblems(operation, path, codesOf(path, operation, route));
    }
  }
  return document;
}

function codesOf(path: string, operation: Operation, route: RouteFacts | undefined): string[] {
  const codes = new Set<string>(route?.errors ?? []);
  const inputs = (operation.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
  if (inputs.length || operation.requestBody) codes.add('VALIDATION_FAILED');
  if (operation.requestBody) {
    for (const code of ['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']) codes.add(code);
  }
  if (operation.parameters?.some((p) => (p as { name?: string }).name === 'Idempotency-Key')) {
    codes.add('IDEMPOTENCY_KEY_REUSED');
    codes.add('IDEMPOTENCY_IN_PROGRESS');
  }
  if (route && !route.isPublic) codes.add('UNAUTHENTICATED');
  if (route?.roles && route.roles.length < ROLES.length) codes.add('FORBIDDEN');
  if (path.startsWith('/api/')) codes.add('SERVICE_UNAVAILABLE');
  return [...codes];
}

function addProblems(operation: Operation, path: string, codes: string[]): void {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const entry = errorCodeEntry(code);
    // A typo here would document an answer the API never gives: refuse to build the document.
    if (!entry) throw new Error(`${path} documents ${code}, which no context declares`);
    byStatus.set(entry.status, [...(byStatus.get(entry.status) ?? []), code]);
  }
  operation.responses ??= {};
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    operation.responses[String(status)] = {
      description: statusCodes
        .map((code) => `\`${code}\`: ${errorCodeEntry(code)!.en} · ${errorCodeEntry(code)!.zh}`)
        .join('<br>'),
      ...(status === 429 || status === 503
        ? {
            headers: {
              'Retry-After': {
                description: 'seconds to wait before trying again',
                schema: { type: 'integer' },
              },
            },
          }
        : {}),
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` },
              { type: 'object', properties: { code: { type: 'string', enum: statusCodes } } },
            ],
          },
        },
      },
    };
  }
}

/** Per operationId (`ShiftsController_claim`, Swagger's default), what the decorators say. */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = new Reflector();
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller?.prototype) continue;
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, controller];
        facts.set(`${controller.name}_${key}`, {
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false,
          roles: reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets),
          errors: (Reflect.getMetadata(DOCUMENTED_ERRORS, handler) as string[] | undefined) ?? [],
        });
      }
    }
  }
  return facts;
}

function problemSchema() {
  return {
    type: 'object',
    description: 'RFC 9457 problem details; branch on `code`, never on `title` or `detail`',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', description: 'a URI naming the problem kind' },
      title: { type: 'string', description: 'the code in words: zh-CN, or English with Accept-Language: en' },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'this occurrence, for people (English)' },
      code: { type: 'string', description: 'stable machine-readable code, e.g. SHIFT_FULL' },
      instance: { type: 'string', description: 'the request path' },
      requestId: { type: 'string', description: 'quote it when reporting a problem' },
      errors: {
        type: 'array',
        description: 'per field: where (body.x, query.y, param.id) and what is wrong',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: { field: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  };
}
