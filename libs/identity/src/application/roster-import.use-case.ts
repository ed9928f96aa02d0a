import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Actor } from '@linli/platform';
import { MAX_ROSTER_ROWS, RosterRow, checkRoster, findHeader, phoneKey } from '../domain/roster';
import { identityError } from '../domain/identity-errors';
import { Community } from '../infra/community.entity';
import { Estate } from '../infra/estate.entity';
import { Membership } from '../infra/membership.entity';
import { PartnerOrganisation } from '../infra/partner-organisation.entity';
import { Person } from '../infra/person.entity';
import { readRosterFile } from '../infra/roster-file';

export interface RosterPreview {
  rows: RosterRow[];
  total: number;
  valid: number;
  invalid: number;
}

/**
 * The roster import: a preview that writes nothing, then a confirm of the same file that writes
 * every person or none (ADR 0022). The confirm checks the file again inside its transaction, so
 * what it writes is what a preview at that moment would show, not what an older preview showed.
 */
@Injectable()
export class RosterImportUseCase {
  constructor(private readonly em: EntityManager) {}

  preview(actor: Actor, file: Buffer): Promise<RosterPreview> {
    return this.check(this.em, actor, file);
  }

  async confirm(actor: Actor, file: Buffer): Promise<{ created: number; personIds: string[] }> {
    return this.em.transactional(async (em) => {
      // One import at a time per community: two confirms of one file must not both pass the
      // duplicate check before either has written (the phone column is not unique, see Person).
      await em.findOneOrFail(Community, { id: actor.communityId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const preview = await this.check(em, actor, file);
      if (preview.invalid > 0) {
        throw identityError(
          'ROSTER_HAS_ERRORS',
          `${preview.invalid} of ${preview.total} rows have errors; nothing was imported`,
          preview.rows.flatMap((row) =>
            row.issues.map((issue) => ({
              field: `body.file.rows.${row.row}.${issue.field}`,
              message: `${issue.code}: ${issue.message}`,
            })),
          ),
        );
      }
      const people = preview.rows.map((row) => {
        const person = em.create(Person, {
          community: actor.communityId,
          name: row.name,
          phone: row.phone,
          homeEstate: row.estateId ? em.getReference(Estate, row.estateId) : null,
          skills: row.skills,
        });
        if (row.organisationId) {
          em.create(Membership, {
            community: actor.communityId,
            person,
            organisation: em.getReference(PartnerOrganisation, row.organisationId),
            role: 'member',
          });
        }
        return person;
      });
      return { created: people.length, personIds: people.map((person) => person.id) };
    });
  }

  private async check(em: EntityManager, actor: Actor, file: Buffer): Promise<RosterPreview> {
    const read = await readRosterFile(file);
    if (!read.ok) {
      if (read.problem === 'TOO_MANY_ROWS')
        throw identityError('ROSTER_TOO_MANY_ROWS', `At most ${MAX_ROSTER_ROWS} people per import`);
      throw identityError(
        'ROSTER_FILE_UNREADABLE',
        read.problem === 'NUL_CHARACTER'
          ? 'The file contains NUL characters: not a text CSV'
          : 'Neither an XLSX workbook nor CSV text',
        [{ field: 'body.file', message: read.problem }],
      );
    }
    const header = findHeader(read.rows);
    if (!header.ok) {
      throw identityError(
        'ROSTER_COLUMNS_MISSING',
        `No header row names the columns: ${header.missing.join(', ')}`,
        header.missing.map((column) => ({ field: `body.file.columns.${column}`, message: 'missing' })),
      );
    }
    const community = { community: actor.communityId };
    // One after another: inside the confirm's transaction they share one connection.
    const estates = await em.find(Estate, community, { fields: ['id', 'name'] });
    const organisations = await em.find(PartnerOrganisation, community, { fields: ['id', 'name'] });
    const phones = await em.find(Person, { ...community, phone: { $ne: null } }, { fields: ['phone'] });
    const rows = checkRoster(read.rows, header, {
      estates,
      organisations,
      existingPhones: new Set(phones.map((person) => phoneKey(person.phone!))),
    });
    if (rows.length === 0) throw identityError('ROSTER_EMPTY', 'No person below the header row');
    if (rows.length > MAX_ROSTER_ROWS)
      throw identityError('ROSTER_TOO_MANY_ROWS', `At most ${MAX_ROSTER_ROWS} people per import`);
    const invalid = rows.filter((row) => row.issues.length > 0).length;
    return { rows, total: rows.length, valid: rows.length - invalid, invalid };
  }
}
