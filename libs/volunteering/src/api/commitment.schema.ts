import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { zonedInstant } from '@linli/platform';

/** A calendar date that exists (2026-02-30 does not). */
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date, like 2026-12-10')
  .refine((text) => {
    const [y, m, d] = text.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'no such date');

export const createCommitmentSchema = z
  .strictObject({
    personId: z.uuid().optional().describe('organisers: whom to commit; volunteers commit themselves'),
    organisationId: z
      .uuid()
      .optional()
      .describe('a block for this organisation (its coordinator, or organisers)'),
    places: z.number().int().min(1).max(10_000).optional().describe('places in each block (default 1)'),
    from: localDate.optional().describe('cover occurrences from this local date on (default: today)'),
  })
  .refine((body) => !(body.personId && body.organisationId), {
    message: 'a person or an organisation, not both',
    path: ['organisationId'],
  });
export class CreateCommitmentRequest extends createZodDto(createCommitmentSchema) {}

const outcomeSchema = z.object({
  shiftId: z.uuid(),
  startsAt: zonedInstant,
  outcome: z.enum(['confirmed', 'waitlisted', 'reserved', 'refused']),
  code: z.string().nullable().describe('why it was refused (a claim or reservation error code)'),
  detail: z.string().nullable(),
});

export const commitmentSchema = z.object({
  id: z.uuid(),
  seriesId: z.uuid(),
  personId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  places: z.number().int(),
  from: zonedInstant,
  endedAt: zonedInstant.nullable(),
  createdAt: zonedInstant,
  timeZone: z.string().describe("the community's zone: the instants here are written in it"),
  outcomes: z.array(outcomeSchema).describe('what happened on each occurrence acted on so far, by date'),
});
export type CommitmentResponse = z.infer<typeof commitmentSchema>;
export class CommitmentDto extends createZodDto(commitmentSchema) {}

const placeSchema = z.object({ shiftId: z.uuid(), startsAt: zonedInstant });
export const endedCommitmentSchema = commitmentSchema.extend({
  released: z.array(placeSchema).describe('future places (or blocks) given back'),
  kept: z
    .array(placeSchema.extend({ code: z.string() }))
    .describe('future places kept, e.g. inside the cancellation cut-off'),
});
export type EndedCommitmentResponse = z.infer<typeof endedCommitmentSchema>;
export class EndedCommitmentDto extends createZodDto(endedCommitmentSchema) {}
