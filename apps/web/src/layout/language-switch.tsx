import { Button } from 'antd';
import { useI18n } from '../i18n/i18n';

/** Names the other language in that language, so someone who cannot read this one still finds it. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <Button
      lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
      aria-label={t('shell.switchLanguageLabel')}
      onClick={() => setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('shell.switchLanguage')}
    </Button>
  );
}
