import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export class CommunitySlugParam extends createZodDto(
  z.strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a community slug: lower-case letters, digits and -')
      .describe('e.g. chengnan'),
  }),
) {}

const publicCommunitySchema = z.object({
  slug: z.string(),
  name: z.string().describe('e.g. 城南社区'),
  timeZone: z.string().describe("the community's IANA zone: its pages show times in it"),
});

export class PublicCommunitiesDto extends createZodDto(z.object({ items: z.array(publicCommunitySchema) })) {}

export class PublicEstatesDto extends createZodDto(
  z.object({
    community: publicCommunitySchema,
    items: z
      .array(z.object({ id: z.uuid(), name: z.string().describe('e.g. 翡翠龙湾小区') }))
      .describe('active estates, by name: the id is what public feeds and pages name an estate by'),
  }),
) {}
