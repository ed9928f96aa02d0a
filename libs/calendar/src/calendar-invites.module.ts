import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { INVITE_PLANNERS, type InvitePlanner } from './domain/invite-planner';
import { InviteProjector } from './application/invite-projector';

export interface CalendarInvitesModuleOptions {
  /** Modules the planners need. */
  imports?: ModuleMetadata['imports'];
  /** InvitePlanner classes (e.g. volunteering's ShiftInvitePlanner), provided here. */
  planners: Type<InvitePlanner>[];
}

/** Invites by email: the projector (a worker tick) and the planners it asks. */
@Module({})
export class CalendarInvitesModule {
  static register(options: CalendarInvitesModuleOptions): DynamicModule {
    return {
      module: CalendarInvitesModule,
      imports: options.imports ?? [],
      providers: [
        InviteProjector,
        ...options.planners,
        {
          provide: INVITE_PLANNERS,
          useFactory: (...planners: InvitePlanner[]) => planners,
          inject: options.planners,
        },
      ],
      exports: [InviteProjector],
    };
  }
}
