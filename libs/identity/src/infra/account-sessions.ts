import { Injectable } from '@nestjs/common';
import { isUuid, PreparedStatement, SessionStore, SqlDatabase, uuidArray } from '@linli/platform';

/**
 * Asked for the accounts of every request not seen within the session cache (several at once in
 * a rush): planned once per connection.
 */
const TOKEN_VERSIONS = new PreparedStatement(
  'identity_session_token_versions',
  `SELECT a.id, a.token_version FROM account a
     JOIN identity_account_v1 v ON v.id = a.id
    WHERE a.id = ANY($1::uuid[]) AND v.may_act`,
);

/**
 * identity's side of platform's SessionCheck: accounts' token versions while they may act. "May
 * act" is `identity_account_v1.may_act` (account active, and its person when it has one), the one
 * definition calendar's feeds use too.
 */
@Injectable()
export class AccountSessions extends SessionStore {
  constructor(private readonly db: SqlDatabase) {
    super();
  }

  async currentTokenVersions(accountIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const ids = accountIds.filter(isUuid);
    if (!ids.length) return new Map();
    const rows = await this.db.query<{ id: string; token_version: number }>(TOKEN_VERSIONS, [uuidArray(ids)]);
    return new Map(rows.map((row) => [row.id, row.token_version]));
  }
}
