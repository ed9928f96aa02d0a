import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, languageFrom, problemFor, type FieldError } from '../errors';

const NUL = '\u0000';
/** A body is at most BODY_LIMIT_BYTES; this bounds the walk on pathological nesting all the same. */
const MAX_NODES = 200_000;

/**
 * PostgreSQL cannot store U+0000 in text and refuses the whole statement, so a NUL anywhere a
 * request carries text (path, query, a header, any string or key of the JSON body) is refused
 * here as 400 VALIDATION_FAILED, before auth, for every route (the public feeds too). A path or
 * query that does not decode as UTF-8 percent-encoding is refused the same way.
 */
export function rejectNulCharacters(req: Request, res: Response, next: NextFunction): void {
  const errors = nulFields(req);
  if (errors.length === 0) return next();
  const problem = problemFor(
    'VALIDATION_FAILED',
    `Text may not contain NUL characters or broken percent-encoding: ${errors.map((e) => e.field).join(', ')}`,
    {
      language: languageFrom(req.headers['accept-language']),
      instance: safePath(req.originalUrl),
      requestId: (req as Request & { id?: string }).id,
      errors,
    },
  );
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

function nulFields(req: Request): FieldError[] {
  const errors: FieldError[] = [];
  const [path, query = ''] = req.originalUrl.split(/\?(.*)/s, 2);
  const decodedPath = decoded(path);
  if (decodedPath === undefined || decodedPath.includes(NUL)) {
    errors.push({ field: 'path', message: decodedPath === undefined ? 'malformed percent-encoding' : 'NUL' });
  }
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const [rawKey, rawValue = ''] = pair.split(/=(.*)/s, 2);
    const key = decoded(rawKey.replace(/\+/g, ' '));
    const value = decoded(rawValue.replace(/\+/g, ' '));
    if (key === undefined || value === undefined || key.includes(NUL) || value.includes(NUL)) {
      errors.push({
        field: `query.${key?.split(NUL).join('\\0') ?? '?'}`,
        message: key === undefined || value === undefined ? 'malformed percent-encoding' : 'NUL',
      });
    }
  }
  for (const [name, value] of Object.entries(req.headers)) {
    const values = Array.isArray(value) ? value : [value ?? ''];
    if (values.some((v) => v.includes(NUL))) errors.push({ field: `header.${name}`, message: 'NUL' });
  }
  collectBodyNuls(req.body, errors);
  return errors;
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

interface Node {
  value: unknown;
  key: string;
  parent?: Node;
}

const pathOf = (node: Node): string => {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at; at = at.parent) keys.push(at.key.split(NUL).join('\\0'));
  return keys.reverse().join('.');
};

/** Iterative and without copying paths, so a deeply nested body costs neither stack nor memory. */
function collectBodyNuls(body: unknown, errors: FieldError[]): void {
  const stack: Node[] = [{ value: body, key: 'body' }];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_NODES) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (value.includes(NUL)) errors.push({ field: pathOf(node), message: 'NUL' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, key: String(index), parent: node }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL))
          errors.push({ field: pathOf({ value: item, key, parent: node }), message: 'NUL' });
        else stack.push({ value: item, key, parent: node });
      }
    }
  }
}

function safePath(url: string): string {
  return url.split('?')[0].replace(/%00/gi, '');
}
