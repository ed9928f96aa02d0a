import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { booleanQuery, listQuerySchema, pageSchema } from '@linli/platform';
import { optionalText, requiredName, timestamps } from './common.schema';

const estateFields = {
  name: requiredName.describe('小区名称, e.g. 翡翠龙湾小区'),
  address: optionalText(200),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  households: z.number().int().min(0).max(100_000).nullish(),
  notes: optionalText(2000),
};

export class CreateEstateRequest extends createZodDto(z.strictObject(estateFields)) {}
export class UpdateEstateRequest extends createZodDto(
  z.strictObject({ ...estateFields, active: z.boolean() }).partial(),
) {}
export class ListEstatesQuery extends createZodDto(
  listQuerySchema(['name', 'createdAt', 'households']).extend({ active: booleanQuery.optional() }),
) {}

export const estateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  households: z.number().int().nullable(),
  notes: z.string().nullable(),
  active: z.boolean(),
  ...timestamps,
});
export type EstateResponse = z.infer<typeof estateSchema>;
export class EstateDto extends createZodDto(estateSchema) {}
export class EstatePageDto extends createZodDto(pageSchema(estateSchema)) {}
