import { useEffect, useRef } from 'react';
import { Alert, Button, Result, Spin } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, Navigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { problemMessage } from '../api/problem';
import { useMe, useSessionStatus } from '../api/session';
import { formatRange, formatTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { loginPath } from '../layout/require-login';
import { PageLoading } from '../layout/page-state';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/checkin?shift=…&code=…`, the page the QR code on site opens: signs in if needed (and comes
 * back here), then checks in with the day's code, once. Checking in twice answers the first.
 */
export default function CheckInPage() {
  const { t } = useI18n();
  const me = useMe();
  const status = useSessionStatus();
  const [params] = useSearchParams();
  const shiftId = params.get('shift') ?? '';
  const code = params.get('code') ?? '';
  const valid = UUID.test(shiftId) && code.length > 0;
  useEffect(() => {
    document.title = `${t('checkin.title')} · ${t('app.name')}`;
  }, [t]);
  if (valid && status === 'restoring') return <PageLoading />;
  if (valid && !me) return <Navigate to={loginPath(`/checkin?${params.toString()}`)} replace />;
  return (
    <main className="single">
      <div className="single-brand">
        <span className="brand-name">{t('app.name')}</span>
        <LanguageSwitch />
      </div>
      <h1 className="page-title">{t('checkin.title')}</h1>
      {valid ? (
        <CheckIn shiftId={shiftId} code={code} />
      ) : (
        <Alert type="error" showIcon title={t('checkin.invalidLink')} />
      )}
    </main>
  );
}

function CheckIn({ shiftId, code }: { shiftId: string; code: string }) {
  const { t, language } = useI18n();
  const checkIn = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/shifts/{id}/check-in', { params: { path: { id: shiftId } }, body: { code } })),
  });
  const shift = useQuery({
    queryKey: ['shift', shiftId],
    queryFn: () => unwrap(api.GET('/api/v1/shifts/{id}', { params: { path: { id: shiftId } } })),
    enabled: checkIn.isSuccess,
  });
  // Once per visit, also under StrictMode's double effects in development.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    checkIn.mutate();
  }, [checkIn]);

  if (checkIn.isError) {
    return (
      <>
        <Alert
          type="error"
          showIcon
          title={t('checkin.failed')}
          description={problemMessage(checkIn.error, t)}
        />
        <Button size="large" block style={{ marginTop: 16 }} onClick={() => checkIn.mutate()}>
          {t('common.retry')}
        </Button>
      </>
    );
  }
  if (!checkIn.isSuccess) {
    return (
      <div className="page-loading" role="status">
        <Spin />
        <span>{t('checkin.working')}</span>
      </div>
    );
  }
  const zone = shift.data?.timeZone ?? 'Asia/Shanghai';
  return (
    <Result
      status="success"
      title={t('checkin.done')}
      subTitle={
        <>
          {shift.data && (
            <>
              <span className="result-line strong">{shift.data.title}</span>
              <span className="result-line">
                {formatRange(shift.data.startsAt, shift.data.endsAt, zone, language)}
              </span>
            </>
          )}
          {checkIn.data.checkedInAt && (
            <span className="result-line">
              {t('checkin.doneAt', { time: formatTime(checkIn.data.checkedInAt, zone) })}
            </span>
          )}
        </>
      }
      extra={
        <Link to="/my-shifts">
          <Button type="primary" size="large">
            {t('checkin.toMyShifts')}
          </Button>
        </Link>
      }
    />
  );
}
