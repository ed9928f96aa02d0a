import type {
  AutoPath,
  EntityManager,
  EntityName,
  FilterQuery,
  FindOptions,
  Loaded,
  PopulatePath,
  QueryOrderMap,
} from '@mikro-orm/core';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** Query fields every list endpoint shares. `sort` is a field name, `-` prefix for descending. */
export function listQuerySchema<const SortField extends string>(
  sortFields: readonly [SortField, ...SortField[]],
) {
  const sortValues = sortFields.flatMap((field) => [field, `-${field}`]) as [string, ...string[]];
  return z.strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
    sort: z.enum(sortValues).default(sortFields[0]),
    q: z.string().trim().min(1).max(100).optional(),
  });
}

export const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** Turns `-name` into `{ name: 'desc' }` for the ORM, with id as a tie-breaker so pages are stable. */
export function orderByFromSort(sort: string): Record<string, 'asc' | 'desc'> {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  return { [field]: descending ? 'desc' : 'asc', id: 'asc' };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ListQuery {
  page: number;
  pageSize: number;
  sort: string;
}

/** One page of entities plus the total, in a stable order. */
export async function findPage<Entity extends object, Hint extends string = never>(
  em: EntityManager,
  entity: EntityName<Entity>,
  where: FilterQuery<Entity>,
  query: ListQuery,
  populate?: readonly AutoPath<Entity, Hint, PopulatePath.ALL>[],
): Promise<{ items: Loaded<Entity, Hint>[]; page: number; pageSize: number; total: number }> {
  const [items, total] = await em.findAndCount(entity, where, {
    orderBy: orderByFromSort(query.sort) as QueryOrderMap<Entity>,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
    populate,
  } as FindOptions<Entity, Hint>);
  return { items, page: query.page, pageSize: query.pageSize, total };
}
