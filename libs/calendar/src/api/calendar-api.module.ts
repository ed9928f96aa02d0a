import { DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from '@linli/identity';
import { CalendarModule, CalendarModuleOptions } from '../calendar.module';
import { CalendarSubscriptionsController } from './calendar-subscriptions.controller';
import { FeedsController } from './feeds.controller';

/** The calendar context's HTTP face: /api/v1/calendar-subscriptions and the /cal feeds. */
@Module({})
export class CalendarApiModule {
  static register(options: CalendarModuleOptions = {}): DynamicModule {
    return {
      module: CalendarApiModule,
      imports: [CalendarModule.register(options), IdentityModule],
      controllers: [CalendarSubscriptionsController, FeedsController],
    };
  }
}
