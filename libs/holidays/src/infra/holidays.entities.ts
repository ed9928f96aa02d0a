import { HolidayOverride } from './holiday-override.entity';
import { HolidayYear } from './holiday-year.entity';

export const holidaysEntities = [HolidayOverride, HolidayYear];
