import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Upload } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../i18n';
import { rosterMessages } from './messages';
import { type ImportKind, type ImportMode, type ImportPreview, uploadRoster } from './roster-api';

interface Props {
  kind: ImportKind;
  mode: ImportMode;
  onPreview(preview: ImportPreview, file: File): void;
  onBack(): void;
}

/** Step 2: send the .xlsx; the server checks every row and answers with a preview (nothing is written). */
export function UploadStep({ kind, mode, onPreview, onBack }: Props) {
  const t = useMessages(rosterMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setError(t('notXlsx'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onPreview(await uploadRoster(kind, mode, file), file);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Spin spinning={busy} tip={t('checking')}>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          // The file goes up through api.ts (session cookie + CSRF header), not antd's own XHR.
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('uploadHint')}</p>
          <p className="ant-upload-hint">{t('uploadSub')}</p>
        </Upload.Dragger>
      </Spin>
      {error && <Alert type="error" showIcon title={error} data-testid="import-upload-error" />}
      <Button onClick={onBack} disabled={busy}>
        {t('prev')}
      </Button>
    </Space>
  );
}
