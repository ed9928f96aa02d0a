import { DynamicModule, Module } from '@nestjs/common';
import { CalendarModule, CalendarModuleOptions } from '../calendar.module';
import { CalendarSubscriptionsController } from './calendar-subscriptions.controller';
import { FeedsController } from './feeds.controller';

/** The calendar context's HTTP face: /api/v1/calendar-subscriptions and the /cal feeds. */
@Module({})
export class CalendarApiModule {
  static register(options: CalendarModuleOptions = {}): DynamicModule {
    return {
      module: CalendarApiModule,
      imports: [CalendarModule.register(options)],
      controllers: [CalendarSubscriptionsController, FeedsController],
    };
  }
}
