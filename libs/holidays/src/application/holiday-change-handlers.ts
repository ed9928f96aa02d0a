import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  mergeReplanReports,
  type HolidayChange,
  type HolidayChangeHandler,
  type HolidayReplanReport,
} from '../domain/holiday-replan';

/**
 * Marks a provider, in any module, as a HolidayChangeHandler: the holidays context finds it at
 * boot and calls it after an import or a correction commits. (Holidays cannot import the contexts
 * that plan by it; they depend on holidays.)
 */
export const HolidayChangeHandlerProvider = DiscoveryService.createDecorator<void>();

/** Every HolidayChangeHandler the application has. */
@Injectable()
export class HolidayChangeHandlers implements OnModuleInit {
  private readonly logger = new Logger(HolidayChangeHandlers.name);
  private handlers: HolidayChangeHandler[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.handlers = [
      ...new Set(
        this.discovery
          .getProviders({ metadataKey: HolidayChangeHandlerProvider.KEY })
          .map((wrapper) => wrapper.instance as HolidayChangeHandler | undefined)
          .filter((instance): instance is HolidayChangeHandler => !!instance),
      ),
    ];
  }

  /** Each handler in turn (one re-plan at a time per community keeps the load small). */
  async afterHolidaysChanged(communityId: string, change: HolidayChange): Promise<HolidayReplanReport> {
    const reports: HolidayReplanReport[] = [];
    for (const handler of this.handlers)
      reports.push(await handler.afterHolidaysChanged(communityId, change));
    const report = mergeReplanReports(reports);
    const total = report.cancelled.length + report.moved.length + report.added.length + report.refused.length;
    if (total) this.logger.log({ communityId, ...change, total }, 'holiday change re-planned occurrences');
    return report;
  }
}
