import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Steps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useMessages } from '../../i18n';
import { useIsMobile } from '../../shell/useIsMobile';
import { ChooseStep } from './ChooseStep';
import { CommitProgress, DoneStep } from './CommitStep';
import { rosterMessages } from './messages';
import { PreviewStep } from './PreviewStep';
import {
  downloadRejected,
  type ImportKind,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
  type RowError,
  uploadRoster,
  useCommitImport,
} from './roster-api';
import { UploadStep } from './UploadStep';

enum Step {
  Choose = 0,
  Upload = 1,
  Preview = 2,
  Commit = 3,
  Done = 4,
}

/**
 * /roster/import: choose → upload → preview → commit → done. The server keeps the batch between preview and
 * commit; a file with any error cannot be committed, and fixing it means uploading it again (a new batch).
 */
export function ImportWizard() {
  const t = useMessages(rosterMessages);
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(Step.Choose);
  const [kind, setKind] = useState<ImportKind>('people');
  const [mode, setMode] = useState<ImportMode>('create_only');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // The uploaded file stays in the page: switching to update mode re-checks it, and the rejected rows come from it.
  const [file, setFile] = useState<File | null>(null);
  const [rechecking, setRechecking] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [commitError, setCommitError] = useState<string | null>(null);
  const commit = useCommitImport();
  const [progress, setProgress] = useState({ done: 0, total: 0 });

  const runCommit = async () => {
    if (!preview) return;
    setCommitError(null);
    setStep(Step.Commit);
    setProgress({ done: 0, total: preview.valid });
    try {
      setResult(await commit.mutateAsync({ id: preview.id, onProgress: setProgress }));
      setStep(Step.Done);
      await Promise.all(['people', 'units', 'person'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    } catch (err) {
      setCommitError(`${t('commitFailed')}：${err instanceof Error ? err.message : String(err)}`);
      // A refused commit (the database changed since the preview) names the rows; the batch is spent.
      const rowErrors = err instanceof ApiError ? (err.details as { errors?: RowError[] } | null)?.errors : undefined;
      if (rowErrors?.length) {
        setPreview({
          ...preview,
          status: 'failed',
          errors: rowErrors,
          errorCount: rowErrors.length,
          abilities: { commit: false },
        });
      }
      setStep(Step.Preview);
    }
  };

  const restart = () => {
    setPreview(null);
    setResult(null);
    setCommitError(null);
    setStep(Step.Choose);
  };

  return (
    <>
      <h1 className="pioneer-page-title">{t('title')}</h1>
      <Card>
        <Steps
          current={step}
          size="small"
          // Five steps fit across a phone as dots with titles underneath; a vertical list would push the work off-screen.
          responsive={false}
          type={mobile ? 'dot' : 'default'}
          titlePlacement={mobile ? 'vertical' : 'horizontal'}
          status={
            step === Step.Done
              ? 'finish'
              : step === Step.Preview && preview && preview.errorCount > 0
                ? 'error'
                : 'process'
          }
          style={{ marginBottom: 24 }}
          items={[t('stepChoose'), t('stepUpload'), t('stepPreview'), t('stepCommit'), t('stepDone')].map((title) => ({
            title,
          }))}
        />
        {step === Step.Choose && (
          <ChooseStep kind={kind} mode={mode} onKind={setKind} onMode={setMode} onNext={() => setStep(Step.Upload)} />
        )}
        {step === Step.Upload && (
          <UploadStep
            kind={kind}
            mode={mode}
            onBack={() => setStep(Step.Choose)}
            onPreview={(p, f) => {
              setPreview(p);
              setFile(f);
              setCommitError(null);
              setStep(Step.Preview);
            }}
          />
        )}
        {step === Step.Preview && preview && (
          <>
            {commitError && (
              <Alert
                type="error"
                showIcon
                title={commitError}
                style={{ marginBottom: 16 }}
                data-testid="import-commit-error"
              />
            )}
            <PreviewStep
              preview={preview}
              rechecking={rechecking}
              onSwitchMode={async (next) => {
                if (!file) return;
                setRechecking(true);
                try {
                  setMode(next);
                  setPreview(await uploadRoster(kind, next, file));
                  setCommitError(null);
                } catch (err) {
                  setCommitError(err instanceof Error ? err.message : String(err));
                } finally {
                  setRechecking(false);
                }
              }}
              onDownloadRejected={file ? () => downloadRejected(kind, preview.mode, file) : undefined}
              committing={commit.isPending}
              onCommit={runCommit}
              onReupload={() => setStep(Step.Upload)}
            />
          </>
        )}
        {step === Step.Commit && preview && <CommitProgress progress={progress} />}
        {step === Step.Done && preview && result && (
          <DoneStep kind={preview.kind} fileName={preview.fileName} result={result} onAgain={restart} />
        )}
      </Card>
    </>
  );
}
