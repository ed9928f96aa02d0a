import QRCode from 'qrcode';
import type { Request } from 'express';

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** PUBLIC_BASE_URL when set (behind a proxy that rewrites hosts); else the origin the caller reached. */
export function feedBaseUrl(request: Request, configured: string | undefined): string {
  if (configured) return configured;
  const host = request.get('host') ?? '';
  return HOST.test(host) && host.length <= 255 ? `${request.protocol}://${host}` : 'http://localhost';
}

export interface SubscriptionLinks {
  url: string;
  webcalUrl: string;
  googleCalendarUrl: string;
  qrPng: string;
  qrSvg: string;
}

const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/**
 * Every way to hand the feed to a calendar. The QR code carries the webcal URL: a phone camera
 * then offers to subscribe, where an https URL would import a one-off copy that never updates.
 */
export async function subscriptionLinks(base: string, token: string): Promise<SubscriptionLinks> {
  const url = `${base}/cal/${token}.ics`;
  const webcalUrl = url.replace(/^https?:/, 'webcal:');
  const [png, svg] = await Promise.all([
    QRCode.toBuffer(webcalUrl, { ...QR_OPTIONS, type: 'png', width: 320 }),
    QRCode.toString(webcalUrl, { ...QR_OPTIONS, type: 'svg' }),
  ]);
  return {
    url,
    webcalUrl,
    googleCalendarUrl: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcalUrl)}`,
    qrPng: `data:image/png;base64,${png.toString('base64')}`,
    qrSvg: svg,
  };
}
