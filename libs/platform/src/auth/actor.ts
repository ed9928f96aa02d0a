export const ROLES = ['organiser', 'coordinator', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: decoded from the access token, trusted only after the signature checks out. */
export interface Actor {
  accountId: string;
  communityId: string;
  role: Role;
  /** The person the account belongs to (volunteers and coordinators always have one). */
  personId?: string;
  /** The organisation a coordinator coordinates. */
  organisationId?: string;
  /** The account's token version the token was issued under (SessionCheck); absent means 0. */
  tokenVersion?: number;
}
