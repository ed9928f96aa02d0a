import { MikroORM } from '@mikro-orm/core';
import { ormOptions, platformEntities, type EntityClass } from '@linli/platform';
import { CONTEXTS } from '../../config/contexts';
import { crossingsIn, crossingsInTree, type Ownership } from '../support/table-crossings';

/**
 * "Contexts meet at their index.ts — for code and for data" (architecture rule 2): no code in
 * libs/X names a table or entity that libs/Y owns. Owners come from the entities each context
 * registers (its `<context>.context.ts`); published views (`identity_person_v1`) and platform's
 * shared tables are for everyone.
 */
describe('table ownership', () => {
  let ownership: Ownership;

  beforeAll(async () => {
    // Discovery only: the metadata says each entity's table; nothing connects.
    const owners: [string, EntityClass[]][] = [
      ['platform', platformEntities],
      ...CONTEXTS.map((context): [string, EntityClass[]] => [context.name, context.entities]),
    ];
    const orm = await MikroORM.init({
      ...ormOptions({ url: 'postgresql://nobody@127.0.0.1:1/none', entities: owners.flatMap(([, e]) => e) }),
      connect: false,
    });
    ownership = { tables: new Map(), entities: new Map() };
    for (const [context, entities] of owners) {
      for (const entity of entities) {
        const meta = orm.getMetadata().get(entity.name);
        expect(ownership.tables.get(meta.tableName) ?? context).toBe(context);
        ownership.tables.set(meta.tableName, context);
        ownership.entities.set(meta.className, context);
      }
    }
    await orm.close();
  });

  it('knows every table’s owner from the entities', () => {
    expect(ownership.tables.get('person')).toBe('identity');
    expect(ownership.tables.get('shift')).toBe('volunteering');
    expect(ownership.tables.get('calendar_subscription')).toBe('calendar');
    expect(ownership.tables.get('mail_outbox')).toBe('platform');
    expect(ownership.entities.get('Estate')).toBe('identity');
  });

  it('finds no SQL or ORM call in one context that names another context’s table', () => {
    const crossings = crossingsInTree(process.cwd(), ownership).map(
      (c) => `${c.file}:${c.line} (${c.context}) names ${c.names}, owned by ${c.owner}`,
    );
    expect(crossings).toEqual([]);
  });

  it('fails on a planted crossing, naming the file, the table and its owner', () => {
    const planted = [
      'export const sql = `SELECT p.name FROM person p JOIN identity_membership_v1 m ON m.person_id = p.id`;',
      "export const ok = 'SELECT * FROM identity_person_v1 JOIN mail_outbox o ON true';",
      "export const lookup = (em: any, id: string) => em.getReference('Estate', id);",
    ].join('\n');
    const found = crossingsIn('libs/reminders/src/infra/planted.ts', planted, 'reminders', ownership);
    expect(found).toEqual([
      expect.objectContaining({
        file: 'libs/reminders/src/infra/planted.ts',
        line: 1,
        names: 'person',
        owner: 'identity',
        kind: 'sql',
      }),
      expect.objectContaining({ line: 3, names: 'Estate', owner: 'identity', kind: 'orm' }),
    ]);
    // The owner itself may name its tables.
    expect(crossingsIn('libs/identity/src/infra/x.ts', planted, 'identity', ownership)).toEqual([]);
  });
});
