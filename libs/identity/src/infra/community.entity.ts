import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** The tenant: one community office and everything it runs. */
@Entity({ tableName: 'community' })
export class Community {
  /** Defaulted on create, so factories and use cases need not give them. */
  declare [OptionalProps]?: 'id' | 'timeZone' | 'locale' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', unique: true })
  slug!: string;

  @Property({ type: 'text' })
  timeZone: string = 'Asia/Shanghai';

  @Property({ type: 'text' })
  locale: string = 'zh-CN';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
