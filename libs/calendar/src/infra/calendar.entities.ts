import { CalendarSubscription } from './calendar-subscription.entity';

export const calendarEntities = [CalendarSubscription];
