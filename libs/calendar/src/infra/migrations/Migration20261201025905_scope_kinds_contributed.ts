import { Migration } from '@mikro-orm/migrations';

/**
 * Subscription scope kinds are contributed by contexts (CalendarScopes), not listed by the
 * calendar: the column's CHECK holds the kind's syntax instead of the five kinds of the day.
 */
export class Migration20261201025905_scope_kinds_contributed extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "calendar_subscription" drop constraint if exists "calendar_subscription_scope_kind_check";`,
    );
    this.addSql(
      `alter table "calendar_subscription" add constraint calendar_subscription_scope_kind_name check(scope_kind ~ '^[a-z][a-z0-9-]{0,39}$');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "calendar_subscription" drop constraint if exists calendar_subscription_scope_kind_name;`,
    );
    this.addSql(
      `alter table "calendar_subscription" add constraint "calendar_subscription_scope_kind_check" check("scope_kind" in ('person', 'organisation', 'estate', 'venue', 'community'));`,
    );
  }
}
