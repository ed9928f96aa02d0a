import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';

export interface CapturedLogs {
  /** Everything written, as written. */
  raw(): string;
  /** The JSON log lines written so far. */
  lines(): Record<string, unknown>[];
  /** Puts the root logger's stream back. */
  stop(): void;
}

/** Log lines as JSON, captured from the root logger's stream (nothing reaches stdout). */
export function captureLogLines(): CapturedLogs {
  const stream = (PinoLogger.root as unknown as Record<symbol, { write: (chunk: string) => boolean }>)[
    pino.symbols.streamSym
  ];
  const original = stream.write;
  const chunks: string[] = [];
  stream.write = (chunk: string) => {
    chunks.push(chunk);
    return true;
  };
  const raw = () => chunks.join('');
  return {
    raw,
    lines: () =>
      raw()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      stream.write = original;
    },
  };
}
