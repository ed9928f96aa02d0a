import { ReminderPreference } from './reminder-preference.entity';
import { ReminderSettings } from './reminder-settings.entity';

export const remindersEntities = [ReminderPreference, ReminderSettings];
