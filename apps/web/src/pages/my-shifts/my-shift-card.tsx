import { Alert, Button, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { formatDateTime, formatRange, formatTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { useToasts } from '../../layout/feedback';
import type { MyShift } from './my-shifts-data';

/** Cancelling yourself is possible until the cut-off (the API says when); after it, call the organiser. */
export function MyShiftCard({ item, upcoming = false }: { item: MyShift; upcoming?: boolean }) {
  const { t, language } = useI18n();
  const message = useToasts();
  const [modal, modalHolder] = Modal.useModal();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/claims/{id}/cancel', { params: { path: { id: item.claimId } } })),
    onSuccess: () => {
      message.success(t('my.cancelled', { title: item.title }));
      void queryClient.invalidateQueries({ queryKey: ['my-shifts'] });
      void queryClient.invalidateQueries({ queryKey: ['open-shifts'] });
    },
  });
  const confirmCancel = () =>
    modal.confirm({
      title: t('my.cancelConfirmTitle'),
      content: t('my.cancelConfirmText', { title: item.title }),
      okText: t('my.cancelConfirmOk'),
      cancelText: t('my.cancelConfirmKeep'),
      okButtonProps: { danger: true },
      onOk: () => cancel.mutate(),
    });
  const zone = item.timeZone;
  const place = item.estate?.name ?? item.locationText;
  const mayCancel =
    upcoming &&
    item.status !== 'checked_in' &&
    Date.parse(item.cancellableUntil) > Date.now() &&
    !cancel.isSuccess;
  const titleId = `claim-${item.claimId}`;
  return (
    <article className="card shift-card" aria-labelledby={titleId}>
      {modalHolder}
      <h3 className="shift-title" id={titleId}>
        {item.title}
      </h3>
      <p className="shift-line">{formatRange(item.startsAt, item.endsAt, zone, language)}</p>
      {place && <p className="shift-line shift-meta">{place}</p>}
      <p className="shift-line">
        <span className={`status status-${item.status}`}>{t(`my.status.${item.status}` as MessageKey)}</span>
        {item.waitlistPosition !== null && t('my.waitlistPosition', { position: item.waitlistPosition })}
        {item.checkedInAt &&
          item.status !== 'checked_in' &&
          t('my.checkedIn', { time: formatTime(item.checkedInAt, zone) })}
      </p>
      {item.shiftStatus === 'cancelled' && <Alert type="warning" showIcon title={t('my.shiftCancelled')} />}
      {upcoming && item.status !== 'checked_in' && item.shiftStatus !== 'cancelled' && (
        <p className="shift-line shift-meta">
          {mayCancel
            ? t('my.cutoffUntil', { time: formatDateTime(item.cancellableUntil, zone, language) })
            : t('my.cutoffPassed')}
        </p>
      )}
      {mayCancel && item.shiftStatus !== 'cancelled' && (
        <div className="shift-actions">
          <Button
            size="large"
            danger
            onClick={confirmCancel}
            loading={cancel.isPending}
            aria-describedby={titleId}
          >
            {t(item.status === 'waitlisted' ? 'my.leaveWaitlist' : 'my.cancel')}
          </Button>
        </div>
      )}
      {cancel.isError && (
        <Alert
          type="error"
          showIcon
          title={t('my.cancelRefused')}
          description={problemMessage(cancel.error, t)}
        />
      )}
    </article>
  );
}
