import {
  ArrayType,
  Collection,
  Entity,
  Filter,
  Index,
  ManyToOne,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { tenantFilter } from '@linli/platform';
import { Community } from './community.entity';
import { Estate } from './estate.entity';
import type { Membership } from './membership.entity';

/** A volunteer or resident. Never deleted once they have history; deactivated instead. */
@Entity({ tableName: 'person' })
@Filter(tenantFilter)
@Index({ properties: ['community', 'name'] })
export class Person {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?:
    'id' | 'skills' | 'qualifications' | 'languages' | 'active' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Community, { deleteRule: 'cascade' })
  community!: Community;

  @Property({ type: 'text' })
  name!: string;

  /** Not unique: elderly couples often share one phone. */
  @Property({ type: 'text', nullable: true })
  phone?: string;

  @Property({ type: 'text', nullable: true })
  email?: string;

  /** Year only: enough for the 60+ rule at the market, less personal data kept. */
  @Property({ type: 'smallint', nullable: true })
  birthYear?: number;

  @ManyToOne(() => Estate, { nullable: true, deleteRule: 'set null' })
  homeEstate?: Estate | null;

  @OneToMany('Membership', 'person')
  memberships = new Collection<Membership>(this);

  /** Free skills, e.g. 理发, 修鞋. */
  @Property({ type: ArrayType })
  skills: string[] = [];

  /** Certificates gating some shifts, e.g. 健康证, 电工证. */
  @Property({ type: ArrayType })
  qualifications: string[] = [];

  /** BCP 47 tags, e.g. zh-CN, en. */
  @Property({ type: ArrayType })
  languages: string[] = ['zh-CN'];

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
