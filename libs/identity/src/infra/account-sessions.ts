import { Injectable } from '@nestjs/common';
import { isUuid, SessionStore, SqlDatabase } from '@linli/platform';

/**
 * identity's side of platform's SessionCheck: an account's token version while it may act. "May
 * act" is `identity_account_v1.may_act` (account active, and its person when it has one), the one
 * definition calendar's feeds use too.
 */
@Injectable()
export class AccountSessions extends SessionStore {
  constructor(private readonly db: SqlDatabase) {
    super();
  }

  async currentTokenVersion(accountId: string): Promise<number | undefined> {
    if (!isUuid(accountId)) return undefined;
    const [row] = await this.db.query<{ token_version: number }>(
      `SELECT a.token_version FROM account a
         JOIN identity_account_v1 v ON v.id = a.id
        WHERE a.id = $1 AND v.may_act`,
      [accountId],
    );
    return row?.token_version;
  }
}
