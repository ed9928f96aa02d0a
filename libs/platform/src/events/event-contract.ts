import { z } from 'zod';

/**
 * A publisher's events: each name with the zod schema of its payload, exported from the
 * publisher's index.ts. Consumers parse with these schemas and never guess at a field
 * (docs/decisions/0013-context-contracts.md).
 */
export type EventContracts = Record<string, z.ZodType<Record<string, unknown>>>;

export function defineEvents<const T extends EventContracts>(contracts: T): T {
  return contracts;
}

/** One event of `C`, as a consumer receives it: type and payload narrowed together. */
export type ContractEvent<C extends EventContracts> = {
  [K in keyof C & string]: {
    id: string;
    communityId: string;
    type: K;
    aggregateId: string;
    version: number;
    payload: z.infer<C[K]>;
    occurredAt: Date;
  };
}[keyof C & string];

/** The subset of a publisher's contracts a consumer handles: `pickEvents(VOLUNTEERING_EVENTS, ['ShiftChanged'])`. */
export function pickEvents<C extends EventContracts, K extends keyof C & string>(
  contracts: C,
  types: readonly K[],
): Pick<C, K> {
  return Object.fromEntries(types.map((type) => [type, contracts[type]])) as Pick<C, K>;
}

/** The payload for an event of `type`, checked against its schema (publishers call it before recording). */
export function eventPayload<C extends EventContracts, K extends keyof C & string>(
  contracts: C,
  type: K,
  payload: z.input<C[K]>,
): z.infer<C[K]> {
  return contracts[type].parse(payload) as z.infer<C[K]>;
}
