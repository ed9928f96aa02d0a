import type { Language } from './language';
import { en } from './messages.en';
import { zhCN, type MessageKey } from './messages.zh-CN';

export type { MessageKey };
export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The text of `key` in `language` with its `{placeholders}` filled in; an unknown placeholder stays visible. */
export function translate(language: Language, key: MessageKey, values: MessageValues = {}): string {
  return CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}
