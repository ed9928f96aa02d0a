import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ROSTER_COLUMNS } from '../domain/roster';

/** Bigger than any real roster (2000 people is about 100 KB of XLSX), small enough to parse at once. */
export const MAX_ROSTER_FILE_BYTES = 2 * 1024 * 1024;

const rosterIssueSchema = z.object({
  field: z.enum(ROSTER_COLUMNS),
  code: z.enum([
    'NAME_MISSING',
    'NAME_TOO_LONG',
    'PHONE_MISSING',
    'PHONE_INVALID',
    'PHONE_DUPLICATE_IN_FILE',
    'PHONE_EXISTS',
    'ESTATE_UNKNOWN',
    'ORGANISATION_UNKNOWN',
    'SKILLS_INVALID',
  ]),
  message: z.string(),
  firstRow: z.number().int().optional().describe('PHONE_DUPLICATE_IN_FILE: the row with the phone first'),
});

const rosterRowSchema = z.object({
  row: z.number().int().describe('the row number as the spreadsheet shows it'),
  name: z.string(),
  phone: z.string(),
  estateName: z.string().describe('as written in the file').nullable(),
  estateId: z.uuid().nullable(),
  organisationName: z.string().describe('as written in the file').nullable(),
  organisationId: z.uuid().nullable(),
  skills: z.array(z.string()),
  issues: z.array(rosterIssueSchema).describe('empty: the row can be imported'),
});

export class RosterPreviewDto extends createZodDto(
  z.object({
    rows: z.array(rosterRowSchema),
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int().describe('more than 0: a confirm is refused with ROSTER_HAS_ERRORS'),
  }),
) {}

export class RosterImportedDto extends createZodDto(
  z.object({ created: z.number().int(), personIds: z.array(z.uuid()) }),
) {}

/** The multipart body both operations take: the roster file in the part named `file`. */
export const ROSTER_UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: ['file'],
    properties: { file: { type: 'string' as const, format: 'binary', description: '.xlsx or .csv' } },
  },
};
