import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import express, { NextFunction, Request, Response } from 'express';
import { assignRequestId } from '../logging/logging.module';
import { ErrorCode, PROBLEM_CONTENT_TYPE, languageFrom, problemFor } from '../errors';
import { rejectNulCharacters } from './reject-nul';
import { noStoreOnApi, securityHeaders } from './security-headers';
import { SESSION_COOKIE_PATH, originCheck } from './origin-check';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { withProblemResponses } from '../openapi/problem-responses';
import { Metrics } from '../metrics/metrics';
import { httpMetrics } from '../metrics/http-metrics';

/**
 * HTTP concerns shared by every API process: a bounded JSON body parser whose failures answer
 * problem+json (Express raises them before Nest's filters can see them), and the OpenAPI document.
 */
export function configureHttp(app: INestApplication, options: { bodyLimitBytes: number }): void {
  // First, so that every answer is observed, even one refused before routing.
  const metrics = app.get(Metrics);
  if (metrics.enabled) app.use(httpMetrics(metrics));
  // Answers that want a validator set their own (calendar feeds); /api answers are no-store, so
  // Express's automatic ETag, a hash of every JSON body, would buy nothing.
  (app.getHttpAdapter().getInstance() as express.Application).set('etag', false);
  app.use((req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    next();
  });
  app.use(securityHeaders);
  app.use(noStoreOnApi);
  app.use(SESSION_COOKIE_PATH, originCheck(app.get<AppConfig>(APP_CONFIG)));
  app.use(express.json({ limit: options.bodyLimitBytes, strict: true }));
  app.use(bodyParserErrorsAsProblems);
  app.use(rejectNulCharacters);
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready', 'cal/{*path}'] });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Linli 邻里 API')
      .setDescription('社区志愿服务与场地排班平台 · Scheduling platform for urban communities')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  const documented = withProblemResponses(app, openApi30Types(cleanupOpenApiDoc(document)));
  SwaggerModule.setup('api/docs', app, documented, {
    jsonDocumentUrl: 'api/docs-json',
  });
}

/**
 * zod 4.6 writes a nullable primitive as JSON Schema's `type: ['string', 'null']`, which OpenAPI
 * 3.0 does not know: write `nullable: true`. (A DTO's *top-level* such property never gets here:
 * Nest's scanner reads a type list as "array of" first; give the inner schema a description,
 * `z.string().describe('…').nullable()`, so zod writes anyOf, which nestjs-zod maps to nullable.)
 */
export function openApi30Types<T>(node: T): T {
  if (Array.isArray(node)) return node.map(openApi30Types) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = openApi30Types(value);
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((type) => type !== 'null');
    const nullable = types.length < (out.type as string[]).length;
    delete out.type;
    if (types.length === 1) out.type = types[0];
    else if (types.length > 1) out.anyOf = types.map((type) => ({ type }));
    if (nullable) out.nullable = true;
  }
  return out as T;
}

function bodyParserErrorsAsProblems(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const type = (error as { type?: string } | undefined)?.type;
  const codes: Record<string, ErrorCode> = {
    'entity.parse.failed': 'MALFORMED_JSON',
    'entity.too.large': 'PAYLOAD_TOO_LARGE',
    'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
    'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
    'request.aborted': 'VALIDATION_FAILED',
    'request.size.invalid': 'VALIDATION_FAILED',
  };
  const code = type ? codes[type] : undefined;
  if (!code) return next(error);
  const problem = problemFor(
    code,
    code === 'MALFORMED_JSON' ? 'The body could not be parsed as JSON' : String((error as Error).message),
    {
      language: languageFrom(req.headers['accept-language']),
      instance: req.originalUrl.split('?')[0],
      requestId: (req as Request & { id?: string }).id,
    },
  );
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
