import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { booleanQuery, listQuerySchema, pageSchema } from '@linli/platform';
import { PARTNER_KIND_VALUES } from '../domain/partner-kind';
import { emailAddress, optionalText, phoneNumber, requiredName, timestamps } from './common.schema';

const organisationFields = {
  name: requiredName,
  kind: z.enum(PARTNER_KIND_VALUES).describe('六社联动 kind'),
  contactName: optionalText(100),
  contactPhone: phoneNumber.nullish(),
  contactEmail: emailAddress.nullish(),
};

export class CreateOrganisationRequest extends createZodDto(z.strictObject(organisationFields)) {}
export class UpdateOrganisationRequest extends createZodDto(
  z.strictObject({ ...organisationFields, active: z.boolean() }).partial(),
) {}
export class ListOrganisationsQuery extends createZodDto(
  listQuerySchema(['name', 'kind', 'createdAt']).extend({
    kind: z.enum(PARTNER_KIND_VALUES).optional(),
    active: booleanQuery.optional(),
  }),
) {}

export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PARTNER_KIND_VALUES),
  kindLabel: z.object({ zh: z.string(), en: z.string() }).describe('e.g. 社会组织 / Social organisation'),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
  ...timestamps,
});
export type OrganisationResponse = z.infer<typeof organisationSchema>;
export class OrganisationDto extends createZodDto(organisationSchema) {}
export class OrganisationPageDto extends createZodDto(pageSchema(organisationSchema)) {}
