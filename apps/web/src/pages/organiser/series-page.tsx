import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Input, InputNumber } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useMe } from '../../api/session';
import { formatDateTime, formatLocalDate, localDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { useToasts } from '../../layout/feedback';
import { PageHeader } from '../../layout/page-state';
import { OrganiserOnly } from './organiser-only';
import { seriesRule, type HolidayPolicy, type Repeat, type SeriesForm } from './series-rule';
import { addDays, mondayOf } from './week';
import './organiser.css';

const POLICIES: HolidayPolicy[] = [
  'skip_holidays',
  'skip_holidays_add_workdays',
  'move_to_next_workday',
  'ignore',
];
const REPEATS: Repeat[] = ['weekly', 'daily', 'lunar-yearly'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Plan a repeating shift, seeing every date it will fall on (holidays applied) before saving. */
export default function SeriesPage() {
  return (
    <OrganiserOnly>
      <SeriesEditor />
    </OrganiserOnly>
  );
}

function nextMonday(timeZone: string): string {
  return addDays(mondayOf(localDate(new Date(), timeZone)), 7);
}

function SeriesEditor() {
  const { t } = useI18n();
  const me = useMe();
  const timeZone = me?.community.timeZone ?? 'Asia/Shanghai';
  const navigate = useNavigate();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SeriesForm>(() => ({
    title: '',
    locationText: '',
    capacity: 2,
    firstDay: nextMonday(timeZone),
    startTime: '09:00',
    durationMinutes: 120,
    repeat: 'weekly',
    weekdays: [1],
    count: 4,
    holidayPolicy: 'skip_holidays',
  }));
  const change = (patch: Partial<SeriesForm>) => setForm((current) => ({ ...current, ...patch }));
  const rule = seriesRule(form);
  const create = useMutation({
    mutationFn: async () => {
      if (!rule) throw new Error('incomplete form');
      const series = await unwrap(
        api.POST('/api/v1/shift-series', {
          body: {
            ...rule,
            title: form.title.trim(),
            locationText: form.locationText.trim() || null,
            capacity: form.capacity,
            durationMinutes: form.durationMinutes,
            holidayPolicy: form.holidayPolicy,
            timeZone,
          },
        }),
      );
      // The shifts up to the planning horizon now, so the board shows them at once.
      await unwrap(
        api.POST('/api/v1/shift-series/{id}/materialise', { params: { path: { id: series.id } } }),
      );
      return series;
    },
    onSuccess: () => {
      toasts.success(t('series.created', { title: form.title.trim() }));
      void queryClient.invalidateQueries({ queryKey: ['rota'] });
      void navigate(`/organiser/rota?from=${mondayOf(form.firstDay)}`);
    },
  });
  const ready = !!rule && form.title.trim().length > 0 && form.capacity >= 1 && form.durationMinutes >= 5;

  return (
    <div className="wide-page">
      <PageHeader title={t('series.title')} intro={t('series.intro')} />
      <div className="series-layout">
        <form
          className="card series-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) create.mutate();
          }}
        >
          <label className="field">
            <span className="field-label">{t('series.name')}</span>
            <Input
              size="large"
              value={form.title}
              onChange={(e) => change({ title: e.target.value })}
              required
            />
          </label>
          <label className="field">
            <span className="field-label">{t('series.place')}</span>
            <Input
              size="large"
              value={form.locationText}
              onChange={(e) => change({ locationText: e.target.value })}
            />
          </label>
          <div className="field-row">
            <label className="field">
              <span className="field-label">{t('series.firstDay')}</span>
              <Input
                size="large"
                type="date"
                value={form.firstDay}
                onChange={(e) => change({ firstDay: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('series.startTime')}</span>
              <Input
                size="large"
                type="time"
                value={form.startTime}
                onChange={(e) => change({ startTime: e.target.value })}
              />
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span className="field-label">{t('series.duration')}</span>
              <InputNumber
                size="large"
                min={5}
                step={15}
                value={form.durationMinutes}
                onChange={(value) => change({ durationMinutes: value ?? 0 })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('series.capacity')}</span>
              <InputNumber
                size="large"
                min={1}
                value={form.capacity}
                onChange={(value) => change({ capacity: value ?? 0 })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('series.count')}</span>
              <InputNumber
                size="large"
                min={1}
                max={366}
                value={form.count}
                onChange={(value) => change({ count: value ?? 0 })}
              />
            </label>
          </div>
          <label className="field">
            <span className="field-label">{t('series.repeat')}</span>
            <select
              className="native-select"
              value={form.repeat}
              onChange={(e) => change({ repeat: e.target.value as Repeat })}
            >
              {REPEATS.map((repeat) => (
                <option key={repeat} value={repeat}>
                  {t(`series.repeat.${repeat}`)}
                </option>
              ))}
            </select>
          </label>
          {form.repeat === 'weekly' && (
            <fieldset className="plain-fieldset">
              <legend>{t('series.weekdays')}</legend>
              <Checkbox.Group
                className="weekday-choices"
                value={form.weekdays}
                onChange={(days) => change({ weekdays: days })}
                options={WEEKDAYS.map((day) => ({
                  value: day,
                  label: t(`series.weekday.${day}` as MessageKey),
                }))}
              />
            </fieldset>
          )}
          <label className="field">
            <span className="field-label">{t('series.holidayPolicy')}</span>
            <select
              className="native-select"
              value={form.holidayPolicy}
              onChange={(e) => change({ holidayPolicy: e.target.value as HolidayPolicy })}
            >
              {POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`series.policy.${policy}`)}
                </option>
              ))}
            </select>
          </label>
          {create.isError && (
            <Alert type="error" showIcon role="alert" title={problemMessage(create.error, t)} />
          )}
          <Button type="primary" size="large" htmlType="submit" disabled={!ready} loading={create.isPending}>
            {t('series.create')}
          </Button>
        </form>
        <Preview form={form} timeZone={timeZone} />
      </div>
    </div>
  );
}

/** The live preview: waits for typing to settle, then asks the API to expand the rule. */
function Preview({ form, timeZone }: { form: SeriesForm; timeZone: string }) {
  const { t, language } = useI18n();
  const rule = seriesRule(form);
  const request = rule && {
    ...rule,
    duration: `PT${Math.max(form.durationMinutes, 1)}M`,
    holidayPolicy: form.holidayPolicy,
    timeZone,
    limit: 100,
  };
  // The request as text: equal forms are equal keys, and typing settles before anything is sent.
  const requestText = request ? JSON.stringify(request) : '';
  const [settled, setSettled] = useState(requestText);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(requestText), 300);
    return () => clearTimeout(timer);
  }, [requestText]);
  const preview = useQuery({
    queryKey: ['recurrence-preview', settled],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/recurrence/preview', {
          body: JSON.parse(settled) as NonNullable<typeof request>,
        }),
      ),
    enabled: settled !== '',
    placeholderData: (previous) => previous,
  });
  const data = preview.data;
  return (
    <section className="card series-preview" aria-labelledby="preview-heading" aria-live="polite">
      <h2 className="section-heading" id="preview-heading">
        {t('series.preview')}
      </h2>
      {!settled ? (
        <p className="muted">{t('series.previewIncomplete')}</p>
      ) : preview.isError ? (
        <Alert type="error" showIcon title={problemMessage(preview.error, t)} />
      ) : !data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          {data.warnings.map((warning) => (
            <Alert
              key={warning.year}
              className="detail-alert"
              type="warning"
              showIcon
              title={t('series.holidayDataMissing', { year: warning.year, count: warning.occurrences })}
            />
          ))}
          <p>{t('series.previewCount', { count: data.occurrences.length })}</p>
          <ol className="plain-list occurrence-list">
            {data.occurrences.map((occurrence) => (
              <li key={occurrence.recurrenceId}>
                {formatDateTime(occurrence.start.instant, data.timeZone, language)}
                {occurrence.lunar && (
                  <span className="tag">{t('series.lunar', { label: occurrence.lunar.label })}</span>
                )}
                {occurrence.flags.map((flag) => (
                  <span key={flag} className="tag">
                    {flagLabel(flag, occurrence.holidayName, t)}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          {data.skipped.length > 0 && (
            <>
              <h3 className="section-heading">{t('series.skipped')}</h3>
              <ul className="plain-list occurrence-list">
                {data.skipped.map((skipped) => (
                  <li key={skipped.recurrenceId}>
                    {formatLocalDate(skipped.recurrenceId.slice(0, 10), language)}{' '}
                    {skipped.recurrenceId.slice(11, 16)}
                    <span className="tag">{skipReason(skipped.reason, skipped.holidayName, t)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

type T = ReturnType<typeof useI18n>['t'];

/** Words for what the engine says about an occurrence (recurrence's OccurrenceFlag). */
const FLAGS: Record<string, MessageKey> = {
  makeup_workday: 'series.flag.makeup_workday',
  moved_from_holiday: 'series.flag.moved_from_holiday',
  holiday_data_missing: 'series.flag.holiday_data_missing',
  lunar_date_adjusted: 'series.flag.lunar_date_adjusted',
  dst_gap_shifted: 'series.flag.dst_gap_shifted',
};

function flagLabel(flag: string, holidayName: string | undefined, t: T): string {
  const key = FLAGS[flag];
  return key ? t(key, { name: holidayName ?? '' }) : flag;
}

function skipReason(reason: string, holidayName: string | undefined, t: T): string {
  if (reason === 'statutory_holiday') return t('series.skip.holiday', { name: holidayName ?? '' });
  if (reason === 'exdate') return t('series.skip.exdate');
  if (reason === 'merged_with_existing') return t('series.skip.merged');
  return t('series.skip.other');
}
