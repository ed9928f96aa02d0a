import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { booleanQuery, listQuerySchema, pageSchema } from '@linli/platform';
import { emailAddress, phoneNumber, requiredName, tagList, timestamps } from './common.schema';

const personFields = {
  name: requiredName,
  phone: phoneNumber.nullish(),
  email: emailAddress.nullish(),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  homeEstateId: z.uuid().nullish(),
  skills: tagList('skills, e.g. 理发').optional(),
  qualifications: tagList('certificates, e.g. 健康证, 电工证').optional(),
  languages: z
    .array(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag, e.g. zh-CN'))
    .min(1)
    .max(10)
    .optional(),
};

export class CreatePersonRequest extends createZodDto(z.strictObject(personFields)) {}
export class UpdatePersonRequest extends createZodDto(
  z.strictObject({ ...personFields, active: z.boolean() }).partial(),
) {}
export class ListPeopleQuery extends createZodDto(
  listQuerySchema(['name', 'createdAt', 'birthYear']).extend({
    active: booleanQuery.optional(),
    estateId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    skill: z.string().trim().min(1).max(50).optional(),
    qualification: z.string().trim().min(1).max(50).optional(),
  }),
) {}

export const personSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  homeEstateId: z.uuid().nullable(),
  skills: z.array(z.string()),
  qualifications: z.array(z.string()),
  languages: z.array(z.string()),
  active: z.boolean(),
  ...timestamps,
});
export type PersonResponse = z.infer<typeof personSchema>;
export class PersonDto extends createZodDto(personSchema) {}
export class PersonPageDto extends createZodDto(pageSchema(personSchema)) {}
