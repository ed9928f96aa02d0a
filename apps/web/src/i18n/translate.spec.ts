import { en } from './messages.en';
import { zhCN } from './messages.zh-CN';
import { translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('fill in placeholders and leave unknown ones visible', () => {
    expect(translate('zh-CN', 'shifts.places', { free: 2, capacity: 6 })).toBe('还剩 2 个名额，共 6 个');
    expect(translate('en', 'shifts.places', { free: 2, capacity: 6 })).toBe('2 of 6 places free');
    expect(translate('en', 'shifts.places', { free: 2 })).toBe('2 of {capacity} places free');
  });

  it('use the same placeholders in Chinese and English for every text', () => {
    const mismatched = Object.keys(zhCN).filter(
      (key) =>
        placeholders(zhCN[key as keyof typeof zhCN]).join() !==
        placeholders(en[key as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty text and no English left in the Chinese catalogue by mistake', () => {
    const empty = Object.entries({ ...zhCN }).filter(([, text]) => !text.trim());
    expect(empty).toEqual([]);
    // Chinese texts contain Chinese; the exceptions name things (iPhone, Outlook) or the other language.
    const notChinese = Object.entries(zhCN)
      .filter(([, text]) => !/[\u4e00-\u9fff]/.test(text))
      .map(([key]) => key);
    expect(notChinese.sort()).toEqual(
      [
        'calendar.help.iphone',
        'calendar.help.outlook',
        'shell.switchLanguage',
        'shell.switchLanguageLabel',
      ].sort(),
    );
  });
});
