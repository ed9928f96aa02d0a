import { useEffect, useId, useState } from 'react';
import { Alert, Button, Checkbox, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { problemMessage } from '../api/problem';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { PageError, PageHeader, PageLoading } from '../layout/page-state';
import { useToasts } from '../layout/feedback';
import { MAX_OFFSETS, offsetChoices, offsetLabel, quietTimes } from './reminder-times';

type Preferences = components['schemas']['ReminderPreferencesDto_Output'];
const SHIFT_REMINDER = 'shift_reminder';

export default function RemindersPage() {
  const { t } = useI18n();
  const preferences = useQuery({
    queryKey: ['reminder-preferences'],
    queryFn: () => unwrap(api.GET('/api/v1/me/reminder-preferences')),
  });
  return (
    <>
      <PageHeader title={t('reminders.title')} intro={t('reminders.intro')} />
      {preferences.isPending ? (
        <PageLoading />
      ) : preferences.isError ? (
        <PageError error={preferences.error} onRetry={() => preferences.refetch()} />
      ) : (
        <PreferencesForm saved={preferences.data} />
      )}
    </>
  );
}

function PreferencesForm({ saved }: { saved: Preferences }) {
  const { t } = useI18n();
  const message = useToasts();
  const queryClient = useQueryClient();
  const id = useId();
  const [draft, setDraft] = useState(saved);
  useEffect(() => setDraft(saved), [saved]);
  const save = useMutation({
    mutationFn: (body: Preferences) => unwrap(api.PUT('/api/v1/me/reminder-preferences', { body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(['reminder-preferences'], answer);
      message.success(t('common.saved'));
    },
  });
  const remindersOn = !draft.unsubscribedKinds.includes(SHIFT_REMINDER);
  const times = quietTimes([draft.quietStart, draft.quietEnd]);
  const timeSelect = (field: 'quietStart' | 'quietEnd', label: string) => (
    <div>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <select
        id={`${id}-${field}`}
        className="native-select"
        value={draft[field]}
        onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
      >
        {times.map((time) => (
          <option key={time} value={time}>
            {time}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="stack">
      <section className="card">
        <div className="switch-row">
          <label htmlFor={`${id}-on`}>
            <strong>{t('reminders.shiftReminders')}</strong>
          </label>
          <Switch
            id={`${id}-on`}
            checked={remindersOn}
            onChange={(on) =>
              setDraft({
                ...draft,
                unsubscribedKinds: on
                  ? draft.unsubscribedKinds.filter((kind) => kind !== SHIFT_REMINDER)
                  : [...draft.unsubscribedKinds, SHIFT_REMINDER],
              })
            }
          />
        </div>
        <p className="muted">{t('reminders.shiftRemindersHint')}</p>
      </section>
      <section className="card">
        <fieldset className="plain-fieldset" disabled={!remindersOn}>
          <legend>
            <strong>{t('reminders.offsets')}</strong>
          </legend>
          <p className="muted">{t('reminders.offsetsHint')}</p>
          <Checkbox.Group
            className="offset-choices"
            value={draft.offsetsMinutes}
            onChange={(values) =>
              setDraft({ ...draft, offsetsMinutes: (values as number[]).slice(0, MAX_OFFSETS) })
            }
            options={offsetChoices(draft.offsetsMinutes).map((minutes) => ({
              value: minutes,
              label: offsetLabel(minutes, t),
              disabled: !draft.offsetsMinutes.includes(minutes) && draft.offsetsMinutes.length >= MAX_OFFSETS,
            }))}
          />
        </fieldset>
      </section>
      <section className="card">
        <fieldset className="plain-fieldset">
          <legend>
            <strong>{t('reminders.quiet')}</strong>
          </legend>
          <div className="filters two">
            {timeSelect('quietStart', t('reminders.quietFrom'))}
            {timeSelect('quietEnd', t('reminders.quietTo'))}
          </div>
          <p className="muted">{t('reminders.quietHint')}</p>
        </fieldset>
      </section>
      {save.isError && <Alert type="error" showIcon title={problemMessage(save.error, t)} />}
      <Button type="primary" size="large" block loading={save.isPending} onClick={() => save.mutate(draft)}>
        {t('common.save')}
      </Button>
    </div>
  );
}
