import { useState } from 'react';
import { Alert, Button, Input, InputNumber, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useToasts } from '../../layout/feedback';
import type { RotaShift } from './rota-board';

type Scope = 'this' | 'following' | 'all';
const SCOPES: Scope[] = ['this', 'following', 'all'];

/**
 * A shift of a series, changed for this date only, this and the following dates, or every future
 * date (PATCH /shift-series/{id}; the API moves people's claims and tells them). Only what was
 * changed is sent, so the other dates keep their own edits.
 */
export function SeriesEdit({ shift, seriesId }: { shift: RotaShift; seriesId: string }) {
  const { t } = useI18n();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const initial = {
    title: shift.title,
    capacity: shift.capacity,
    startTime: formatTime(shift.startsAt, shift.timeZone),
    durationMinutes: Math.round(
      (new Date(shift.endsAt).getTime() - new Date(shift.startsAt).getTime()) / 60_000,
    ),
  };
  const [values, setValues] = useState(initial);
  const [scope, setScope] = useState<Scope>('this');
  const changes = Object.fromEntries(
    Object.entries(values).filter(([field, value]) => value !== initial[field as keyof typeof initial]),
  );
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/shift-series/{id}', {
          params: { path: { id: seriesId } },
          body: { scope, occurrence: shift.startsAt, changes, includeEditedByHand: false },
        }),
      ),
    onSuccess: (result) => {
      toasts.success(t('seriesEdit.saved', { count: result.changed.length + result.created.length }));
      void queryClient.invalidateQueries({ queryKey: ['rota'] });
    },
  });
  return (
    <section aria-labelledby="detail-series">
      <h2 className="section-heading" id="detail-series">
        {t('seriesEdit.title')}
      </h2>
      <form
        className="series-form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <fieldset className="plain-fieldset">
          <legend>{t('seriesEdit.scope')}</legend>
          <Radio.Group value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
            {SCOPES.map((choice) => (
              <Radio key={choice} value={choice} className="scope-choice">
                {t(`seriesEdit.scope.${choice}`)}
              </Radio>
            ))}
          </Radio.Group>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('series.name')}</span>
          <Input
            size="large"
            value={values.title}
            onChange={(e) => setValues({ ...values, title: e.target.value })}
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span className="field-label">{t('series.startTime')}</span>
            <Input
              size="large"
              type="time"
              value={values.startTime}
              onChange={(e) => setValues({ ...values, startTime: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('series.duration')}</span>
            <InputNumber
              size="large"
              min={5}
              value={values.durationMinutes}
              onChange={(value) =>
                setValues({ ...values, durationMinutes: value ?? initial.durationMinutes })
              }
            />
          </label>
          <label className="field">
            <span className="field-label">{t('series.capacity')}</span>
            <InputNumber
              size="large"
              min={1}
              value={values.capacity}
              onChange={(value) => setValues({ ...values, capacity: value ?? initial.capacity })}
            />
          </label>
        </div>
        {save.isError && <Alert type="error" showIcon role="alert" title={problemMessage(save.error, t)} />}
        <Button
          htmlType="submit"
          size="large"
          disabled={Object.keys(changes).length === 0}
          loading={save.isPending}
        >
          {t('seriesEdit.save')}
        </Button>
      </form>
    </section>
  );
}
