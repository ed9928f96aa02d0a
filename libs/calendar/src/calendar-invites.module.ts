import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { INVITE_PLANNERS, type InvitePlanner } from './domain/invite-planner';
import { InviteProjector } from './application/invite-projector';
import { InvitePlannerRegistry } from './application/invite-planners';

export interface CalendarInvitesModuleOptions {
  /** Modules the planners need. */
  imports?: ModuleMetadata['imports'];
  /**
   * Extra InvitePlanner classes, provided here (tests). Planners marked @InvitePlannerProvider()
   * in any module (volunteering's ShiftInvitePlanner) are found without being named.
   */
  planners?: Type<InvitePlanner>[];
}

/** Invites by email: the projector (a worker tick) and the planners it asks. */
@Module({})
export class CalendarInvitesModule {
  static register(options: CalendarInvitesModuleOptions = {}): DynamicModule {
    const planners = options.planners ?? [];
    return {
      module: CalendarInvitesModule,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers: [
        InviteProjector,
        InvitePlannerRegistry,
        ...planners,
        {
          provide: INVITE_PLANNERS,
          useFactory: (...planners: InvitePlanner[]) => planners,
          inject: planners,
        },
      ],
      exports: [InviteProjector],
    };
  }
}
