import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import express, { NextFunction, Request, Response } from 'express';
import { assignRequestId } from '../logging/logging.module';
import { ErrorCode, PROBLEM_CONTENT_TYPE, languageFrom, problemFor } from '../errors';

/**
 * HTTP concerns shared by every API process: a bounded JSON body parser whose failures answer
 * problem+json (Express raises them before Nest's filters can see them), and the OpenAPI document.
 */
export function configureHttp(app: INestApplication, options: { bodyLimitBytes: number }): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    assignRequestId(req, res);
    next();
  });
  app.use(express.json({ limit: options.bodyLimitBytes, strict: true }));
  app.use(bodyParserErrorsAsProblems);
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
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs-json' });
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
