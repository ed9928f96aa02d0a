import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <main className="single">
      <Result
        status="404"
        title={t('common.notFoundTitle')}
        subTitle={t('common.notFoundText')}
        extra={
          <Link to="/">
            <Button type="primary" size="large">
              {t('common.home')}
            </Button>
          </Link>
        }
      />
    </main>
  );
}
