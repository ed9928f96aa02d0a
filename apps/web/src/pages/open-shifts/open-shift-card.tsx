import { useState } from 'react';
import { Alert, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api, idempotencyKey, unwrap } from '../../api/client';
import { ApiProblem, NETWORK_PROBLEM, problemMessage } from '../../api/problem';
import { formatRange } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { placeOf } from './shift-filters';
import { useToasts } from '../../layout/feedback';

export type OpenShift = components['schemas']['OpenShiftsDto_Output']['items'][number];

export function OpenShiftCard({
  shift,
  estateNames,
}: {
  shift: OpenShift;
  estateNames: ReadonlyMap<string, string>;
}) {
  const { t, language } = useI18n();
  const message = useToasts();
  const queryClient = useQueryClient();
  // One key per attempt: a double tap or a resend after a dropped connection is answered, not repeated.
  const [key, setKey] = useState(idempotencyKey);
  const claim = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/shifts/{id}/claims', {
          params: { path: { id: shift.id }, header: { 'Idempotency-Key': key } },
          body: {},
        }),
      ),
    onSuccess: (claimed) => {
      message.success(
        t(claimed.status === 'waitlisted' ? 'shifts.claimedWaitlisted' : 'shifts.claimedConfirmed', {
          title: shift.title,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: ['open-shifts'] });
      void queryClient.invalidateQueries({ queryKey: ['my-shifts'] });
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem) || error.code !== NETWORK_PROBLEM) setKey(idempotencyKey());
    },
  });
  const waitlist = shift.outcome === 'waitlisted';
  const place = placeOf(shift, estateNames);
  const titleId = `shift-${shift.id}`;
  return (
    <article className="card shift-card" aria-labelledby={titleId}>
      <h3 className="shift-title" id={titleId}>
        {shift.title}
      </h3>
      <p className="shift-line">{formatRange(shift.startsAt, shift.endsAt, shift.timeZone, language)}</p>
      {place && <p className="shift-line shift-meta">{place}</p>}
      <p className="shift-line">
        {shift.free > 0 ? (
          t('shifts.places', { free: shift.free, capacity: shift.capacity })
        ) : (
          <span className="status status-waitlisted">{t('shifts.full')}</span>
        )}
      </p>
      {(shift.requiredQualifications.length > 0 || shift.minAge) && (
        <p className="shift-line">
          {shift.requiredQualifications.length > 0 &&
            t('shifts.requires', { list: shift.requiredQualifications.join('、') })}
          {shift.requiredQualifications.length > 0 && shift.minAge ? ' · ' : ''}
          {shift.minAge ? t('shifts.minAge', { age: shift.minAge }) : ''}
        </p>
      )}
      <p className="shift-line shift-meta">
        {t(waitlist ? 'shifts.outcomeWaitlisted' : 'shifts.outcomeConfirmed')}
      </p>
      <div className="shift-actions">
        <Button
          type={waitlist ? 'default' : 'primary'}
          size="large"
          loading={claim.isPending}
          onClick={() => claim.mutate()}
          aria-describedby={titleId}
        >
          {t(waitlist ? 'shifts.joinWaitlist' : 'shifts.claim')}
        </Button>
      </div>
      {claim.isError && (
        <Alert
          type="error"
          showIcon
          title={t('shifts.refused')}
          description={problemMessage(claim.error, t)}
        />
      )}
    </article>
  );
}
