import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { OfficeTable } from '../../components/OfficeTable';
import { useBilingual } from '../../components/useBilingual';
import { useListParams } from '../../components/useListParams';

interface Part {
  id: number;
  requestId: number;
  personName: string;
  staffNo: string;
  personUnitName: string;
  scope: 'per_unit' | 'school';
  from: string;
  to: string;
  purpose: string;
  requestedAt: string;
  unitName: string;
  minutes: number;
  status: 'pending' | 'issued' | 'declined';
  serial: string | null;
  declineReason: string | null;
}
const STATUS = {
  pending: { color: 'processing', zh: '待办理', en: 'To do' },
  issued: { color: 'success', zh: '已出具', en: 'Issued' },
  declined: { color: 'default', zh: '已退回', en: 'Declined' },
} as const;

/**
 * /volunteer/certificate-requests — 证明申请办理: the requests addressed to units in my scope; select rows to
 * issue their certificates (through the certificates service, which counts only hours that count) or to send
 * them back with a reason; export what the filters show.
 */
export function CertificateDeskPage() {
  const L = useBilingual();
  const list = useListParams(['status', 'unitId'], { filters: { status: 'pending' } });
  const queryClient = useQueryClient();
  const query = new URLSearchParams(list.filters).toString();
  const parts = useQuery({
    queryKey: ['cert-desk', query],
    queryFn: () => get<{ items: Part[] }>(`/api/volunteer/certificate-requests?${query}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cert-desk'] });

  return (
    <>
      <h1 className="pioneer-page-title">{L('证明申请办理', 'Certificate requests')}</h1>
      <Typography.Paragraph type="secondary">
        {L(
          '党员申请志愿服务证明时，可请各记录单位分别出具，或请学校统一出具。这里是交给本单位及下级单位办理的申请；出具时只计入已确认的时长（复核中的不计入）。',
          'Members ask either each unit that recorded their hours or the school for a certificate. These are the requests addressed to your units; a certificate counts only confirmed hours (not those under review).',
        )}
      </Typography.Paragraph>
      <FilterBar
        list={list}
        fields={[
          {
            kind: 'select',
            key: 'status',
            label: L('状态', 'Status'),
            options: Object.entries(STATUS).map(([value, s]) => ({ value, label: L(s.zh, s.en) })),
          },
          { kind: 'unit', key: 'unitId', label: L('出具单位', 'Issuing unit') },
        ]}
      />
      {parts.isError && <Typography.Paragraph type="danger">{parts.error.message}</Typography.Paragraph>}
      <OfficeTable<Part>
        rowKey="id"
        rows={parts.data?.items}
        loading={parts.isFetching}
        testId="cert-desk"
        toolbar={<ExportButton url="/api/volunteer/certificate-requests.xlsx" list={{ exportQuery: query }} />}
        batch={[
          {
            key: 'issue',
            label: L('出具证明', 'Issue certificates'),
            confirm: L('为选中的 {n} 项申请出具证明？', 'Issue certificates for the {n} selected requests?'),
            applies: (p) => p.status === 'pending',
            run: async (rows) => {
              const r = await post<{ issued: number; results: { error?: string }[] }>(
                '/api/volunteer/certificate-requests/issue-batch',
                { partIds: rows.map((p) => p.id) },
              );
              await refresh();
              const failed = r.results.filter((x) => x.error);
              return failed.length
                ? L('已出具 {n} 份；{m} 项未出具：{e}', '{n} issued; {m} not issued: {e}', {
                    n: r.issued,
                    m: failed.length,
                    e: failed[0].error ?? '',
                  })
                : L('已出具 {n} 份证明', '{n} certificates issued', { n: r.issued });
            },
          },
          {
            key: 'decline',
            label: L('退回', 'Decline'),
            danger: true,
            prompt: {
              label: L('退回原因（申请人会看到）', 'Reason (the member sees it)'),
              kind: 'text',
              required: true,
            },
            applies: (p) => p.status === 'pending',
            run: async (rows, reason) => {
              const r = await post<{ declined: number }>('/api/volunteer/certificate-requests/decline-batch', {
                partIds: rows.map((p) => p.id),
                reason,
              });
              await refresh();
              return L('已退回 {n} 项', '{n} declined', { n: r.declined });
            },
          },
        ]}
        columns={[
          {
            title: L('申请人', 'Member'),
            dataIndex: 'personName',
            compare: (a, b) => a.personName.localeCompare(b.personName, 'zh'),
          },
          { title: L('工号/学号', 'Staff/student no.'), dataIndex: 'staffNo' },
          { title: L('所在组织', 'Unit'), dataIndex: 'personUnitName' },
          {
            title: L('期间', 'Period'),
            key: 'period',
            compare: (a, b) => a.from.localeCompare(b.from),
            render: (_, p) => L('{a} 至 {b}', '{a} to {b}', { a: p.from, b: p.to }),
          },
          {
            title: L('出具方式', 'Issued by'),
            dataIndex: 'scope',
            render: (s: Part['scope']) => (s === 'school' ? L('学校统一', 'The school') : L('各单位分别', 'Each unit')),
          },
          { title: L('出具单位', 'Issuing unit'), dataIndex: 'unitName' },
          {
            title: L('时长（小时）', 'Hours'),
            dataIndex: 'minutes',
            compare: (a, b) => a.minutes - b.minutes,
            render: (m: number) => (m / 60).toFixed(1),
          },
          {
            title: L('状态', 'Status'),
            dataIndex: 'status',
            render: (s: Part['status'], p) => (
              <>
                <Tag color={STATUS[s].color}>{L(STATUS[s].zh, STATUS[s].en)}</Tag>
                {p.serial && <Link to={`/verify/${p.serial}`}>{p.serial}</Link>}
              </>
            ),
          },
          { title: L('用途', 'Purpose'), dataIndex: 'purpose' },
          {
            title: L('申请时间', 'Requested'),
            dataIndex: 'requestedAt',
            compare: (a, b) => a.requestedAt.localeCompare(b.requestedAt),
            render: (v: string) => v.slice(0, 10),
          },
        ]}
      />
    </>
  );
}
