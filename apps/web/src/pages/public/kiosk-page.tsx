import { useEffect, useState } from 'react';
import { QRCode } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { formatDateTime, formatRange } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch } from '../../layout/language-switch';
import { PageError, PageHeader, PageLoading } from '../../layout/page-state';
import './public.css';

/**
 * How often the kiosk asks for the code. The code is the shift's local day's, so it changes at
 * midnight in the shift's zone (and an organiser may open the page the evening before): asking
 * each minute shows the new one within a minute, whatever the screen's own clock says.
 */
const REFRESH_MS = 60_000;

/** Large enough to scan from a step away, small enough to fit the screen with the code beside it. */
function qrSize(): number {
  return Math.max(200, Math.min(window.innerWidth - 48, window.innerHeight - 340, 560));
}

/** The organiser's screen on site: the shift's check-in QR code, large, and its six digits. */
export default function KioskPage() {
  const { t, language } = useI18n();
  const { shiftId = '' } = useParams();
  const [size, setSize] = useState(qrSize);
  useEffect(() => {
    const resize = () => setSize(qrSize());
    window.addEventListener('resize', resize);
    return () => window.removeEventListener('resize', resize);
  }, []);
  const code = useQuery({
    queryKey: ['kiosk', 'code', shiftId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/shifts/{id}/check-in-code', { params: { path: { id: shiftId } } })),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
  const shift = useQuery({
    queryKey: ['kiosk', 'shift', shiftId],
    queryFn: () => unwrap(api.GET('/api/v1/shifts/{id}', { params: { path: { id: shiftId } } })),
  });
  return (
    <main className="kiosk">
      <div className="kiosk-top">
        <LanguageSwitch />
      </div>
      <PageHeader title={shift.data?.title ?? t('kiosk.title')} intro={t('kiosk.intro')} />
      {shift.data && (
        <p className="kiosk-when">
          {formatRange(shift.data.startsAt, shift.data.endsAt, shift.data.timeZone, language)}
        </p>
      )}
      {code.isPending ? (
        <PageLoading />
      ) : code.isError ? (
        <PageError error={code.error} onRetry={() => code.refetch()} />
      ) : (
        <>
          <div className="kiosk-qr" data-url={code.data.url}>
            <QRCode
              value={code.data.url}
              size={size}
              bordered={false}
              errorLevel="M"
              aria-label={t('kiosk.qrAlt')}
            />
          </div>
          <p className="kiosk-code">
            <span className="muted">{t('kiosk.code')}</span>
            <span className="kiosk-digits" data-testid="kiosk-code">
              {code.data.code}
            </span>
          </p>
          <p className="muted">
            {t('kiosk.window', {
              opens: formatDateTime(code.data.opensAt, code.data.timeZone, language),
              closes: formatDateTime(code.data.closesAt, code.data.timeZone, language),
            })}
          </p>
          <p className="muted">{t('kiosk.refreshed')}</p>
        </>
      )}
    </main>
  );
}
