import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { get, post } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { useBilingual } from '../../components/useBilingual';

interface ActivityOption {
  id: number;
  title: string;
  startsAt: string;
  unitName: string;
}
interface RowError {
  row: number;
  column: string;
  message: string;
}
interface Preview {
  id: number;
  fileName: string;
  total: number;
  valid: number;
  errorCount: number;
  errors: RowError[];
  totalMinutes: number;
  rows: { row: number; staffNo: string; name: string; minutes: number; serviceStart: string; description: string }[];
  abilities: { commit: boolean };
}

/**
 * /volunteer/hours-import — 线下活动时长导入: pick the activity, fill the template (its participants are listed
 * already), upload to see every row checked, then credit all rows at once — or none if any row is wrong.
 * The hours go through the same ledger writer as hours typed in by hand, so they are chained and may be flagged.
 */
export function HoursImportPage() {
  const L = useBilingual();
  const { message } = App.useApp();
  const [activityId, setActivityId] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<{ credited: number; minutes: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const activities = useQuery({
    queryKey: ['managed-activities'],
    queryFn: () => get<{ items: ActivityOption[] }>('/api/volunteer/activities?view=managed&pageSize=200'),
  });

  const upload = async (file: File) => {
    if (!activityId) return;
    setBusy(true);
    setDone(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      setPreview(await post<Preview>(`/api/volunteer/hours-imports?activityId=${activityId}`, form));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      setDone(await post<{ credited: number; minutes: number }>(`/api/volunteer/hours-imports/${preview.id}/commit`));
      setPreview(null);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="pioneer-page-title">{L('线下活动时长导入', 'Import offline hours')}</h1>
      <Typography.Paragraph type="secondary">
        {L(
          '在线下组织、没有在平台报名签到的活动，可以用 Excel 一次登记参加者的服务时长。整份文件全部正确才会导入，有一行错误则一行也不导入；导入的时长与手工录入一样记入时长台账并参与复核。',
          'For an activity run offline (no sign-up or check-in in the platform), record everyone’s hours from one Excel file. The file goes in only if every row is right; the hours enter the ledger like hours typed in by hand, review included.',
        )}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Row gutter={12} align="bottom">
            <Col xs={24} md={12}>
              <Form.Item
                label={L('活动（须先在平台登记该活动）', 'Activity (register it in the platform first)')}
                style={{ marginBottom: 12 }}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  placeholder={L('选择本单位组织的活动', 'Pick an activity your unit organized')}
                  value={activityId ?? undefined}
                  loading={activities.isLoading}
                  onChange={(v) => {
                    setActivityId(v);
                    setPreview(null);
                    setDone(null);
                  }}
                  options={(activities.data?.items ?? []).map((a) => ({
                    value: a.id,
                    label: `${a.title}（${dayjs(a.startsAt).format('YYYY-MM-DD')} · ${a.unitName}）`,
                  }))}
                  data-testid="hours-import-activity"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item style={{ marginBottom: 12 }}>
                {activityId && (
                  <ExportButton
                    url="/api/volunteer/hours-imports/template.xlsx"
                    query={{ activityId: String(activityId) }}
                    label={L('下载模板（已列出报名人员）', 'Download the template (participants listed)')}
                    testId="hours-import-template"
                  />
                )}
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {activityId && (
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            data-testid="hours-import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {L('点击或拖拽填好的 .xlsx 文件到此处', 'Click or drop the filled-in .xlsx file here')}
            </p>
            <p className="ant-upload-hint">
              {L('上传后只做检查，不会记入台账', 'Uploading only checks it; nothing is credited yet')}
            </p>
          </Upload.Dragger>
        )}
      </Card>
      {done && (
        <Result
          status="success"
          title={L('导入完成', 'Imported')}
          subTitle={L('已为 {n} 人记入共 {h} 小时', '{h} hours credited to {n} people', {
            n: done.credited,
            h: (done.minutes / 60).toFixed(1),
          })}
          data-testid="hours-import-done"
        />
      )}
      {preview && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="hours-import-preview">
          <Row gutter={[12, 12]}>
            <Col xs={8} md={6}>
              <Card size="small">
                <Statistic title={L('数据行', 'Rows')} value={preview.total} />
              </Card>
            </Col>
            <Col xs={8} md={6}>
              <Card size="small">
                <Statistic title={L('检查通过', 'Passed')} value={preview.valid} />
              </Card>
            </Col>
            <Col xs={8} md={6}>
              <Card size="small">
                <Statistic title={L('错误', 'Errors')} value={preview.errorCount} data-testid="hours-import-errors" />
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title={L('合计（小时）', 'Total hours')} value={(preview.totalMinutes / 60).toFixed(1)} />
              </Card>
            </Col>
          </Row>
          {preview.errorCount > 0 ? (
            <>
              <Alert
                type="error"
                showIcon
                title={L(
                  '文件中有错误：请按下表改正后重新上传。本文件不会导入任何时长。',
                  'The file has errors: fix them as listed and upload it again. Nothing from this file is imported.',
                )}
              />
              <Table<RowError>
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                size="small"
                dataSource={preview.errors}
                pagination={false}
                scroll={{ x: 480 }}
                columns={[
                  { title: L('行号', 'Row'), dataIndex: 'row', width: 70 },
                  { title: L('列', 'Column'), dataIndex: 'column', width: 130 },
                  { title: L('问题', 'Problem'), dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            <>
              <Alert
                type="success"
                showIcon
                title={L('全部 {n} 行检查通过，可以导入。', 'All {n} rows passed; ready to import.', {
                  n: preview.total,
                })}
              />
              <Table
                rowKey="row"
                size="small"
                dataSource={preview.rows}
                pagination={false}
                scroll={{ x: 600 }}
                columns={[
                  { title: L('行号', 'Row'), dataIndex: 'row', width: 70 },
                  { title: L('工号/学号', 'Staff/student no.'), dataIndex: 'staffNo' },
                  { title: L('姓名', 'Name'), dataIndex: 'name' },
                  {
                    title: L('时长（小时）', 'Hours'),
                    dataIndex: 'minutes',
                    render: (m: number) => (m / 60).toFixed(2),
                  },
                  {
                    title: L('开始', 'Start'),
                    dataIndex: 'serviceStart',
                    render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
                  },
                  { title: L('服务内容', 'Service'), dataIndex: 'description' },
                ]}
              />
              <Button type="primary" loading={busy} onClick={commit} data-testid="hours-import-commit">
                {L('确认导入', 'Import')}
              </Button>
            </>
          )}
        </Space>
      )}
    </>
  );
}
