import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EventContracts } from '@linli/platform';
import { INVITE_PLANNERS, type InvitePlanner } from '../domain/invite-planner';

/**
 * Marks a provider, in any module, as an InvitePlanner: the invite projector finds it at boot
 * (contexts register planners from their own folder, not in the apps).
 */
export const InvitePlannerProvider = DiscoveryService.createDecorator<void>();

/** Every InvitePlanner the application has, found or registered, and the contracts they read. */
@Injectable()
export class InvitePlannerRegistry implements OnModuleInit {
  private readonly logger = new Logger(InvitePlannerRegistry.name);
  private planners: InvitePlanner[] = [];
  private union: EventContracts = {};

  constructor(
    @Inject(INVITE_PLANNERS) private readonly registered: InvitePlanner[],
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    const discovered = this.discovery
      .getProviders({ metadataKey: InvitePlannerProvider.KEY })
      .map((wrapper) => wrapper.instance as InvitePlanner | undefined)
      .filter((instance): instance is InvitePlanner => instance !== undefined && instance !== null);
    // One planner per name: a planner class provided twice (registered here and found in its own
    // context's module) must not plan every event twice.
    this.planners = [...new Map([...this.registered, ...discovered].map((p) => [p.name, p])).values()];
    this.union = contractsOf(this.planners);
    this.logger.debug(`invite planners: ${this.planners.map((p) => p.name).join(', ') || '(none)'}`);
  }

  all(): readonly InvitePlanner[] {
    return this.planners;
  }

  /** The events any planner reads, each with its publisher's schema. */
  contracts(): EventContracts {
    return this.union;
  }
}

/** The union of the planners' contracts; one event type read with two different schemas is a boot error. */
export function contractsOf(planners: readonly InvitePlanner[]): EventContracts {
  const union: EventContracts = {};
  for (const planner of planners) {
    for (const [type, schema] of Object.entries(planner.contracts)) {
      if (Object.hasOwn(union, type) && union[type] !== schema) {
        throw new Error(`invite planners read ${type} with different schemas (${planner.name} among them)`);
      }
      union[type] = schema;
    }
  }
  return union;
}
