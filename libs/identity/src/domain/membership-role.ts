export const MEMBERSHIP_ROLES = ['member', 'coordinator'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
