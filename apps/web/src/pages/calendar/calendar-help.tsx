import { Collapse } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';

const PLATFORMS = ['iphone', 'android', 'huawei', 'xiaomi', 'outlook'] as const;
const STEPS = [1, 2, 3, 4] as const;

/** Step-by-step help for the calendars volunteers in Chengnan actually use. */
export function CalendarHelp() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="calendar-help">
      <h2 className="day-heading" id="calendar-help">
        {t('calendar.helpTitle')}
      </h2>
      <Collapse
        items={PLATFORMS.map((platform) => ({
          key: platform,
          label: t(`calendar.help.${platform}` as MessageKey),
          children: (
            <ol className="steps">
              {STEPS.map((step) => (
                <li key={step}>{t(`calendar.help.${platform}.${step}` as MessageKey)}</li>
              ))}
            </ol>
          ),
        }))}
      />
      <p className="muted">{t('calendar.helpNote')}</p>
    </section>
  );
}
