import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { shellMessages, useLocale, useMessages } from '../i18n';

/** Toggles between 中文 and English; the label names the language you switch to. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { locale, setLocale } = useLocale();
  const t = useMessages(shellMessages);
  return (
    <Button
      type="text"
      size="small"
      icon={<TranslationOutlined />}
      style={light ? { color: '#fff' } : undefined}
      onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
      aria-label={t('switchLanguage')}
      data-testid="language-switch"
    >
      {t('switchLanguage')}
    </Button>
  );
}
