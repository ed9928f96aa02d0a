import QRCode from 'qrcode';
import type { Request } from 'express';

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The check-in page a phone opens from the QR code: on the host the organiser reached the API
 * through (so it works behind the same proxy), carrying the shift and its code. The web app's
 * /checkin page signs the volunteer in if needed and posts the code.
 */
export function checkInUrl(request: Request, shiftId: string, code: string): string {
  const host = request.get('host') ?? '';
  const origin = HOST.test(host) && host.length <= 255 ? `${request.protocol}://${host}` : 'http://localhost';
  const url = new URL('/checkin', origin);
  url.searchParams.set('shift', shiftId);
  url.searchParams.set('code', code);
  return url.toString();
}

/** Medium error correction and a quiet zone of two modules: scans from a phone held at arm's length. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

export function qrPng(text: string, width: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: 'png', width });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...QR_OPTIONS, type: 'svg' });
}
