import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { OfficeTable } from '../../components/OfficeTable';
import { useBilingual } from '../../components/useBilingual';
import { useListParams } from '../../components/useListParams';
import { useDomainLabels } from '../../domain-labels';
import { useSession } from '../../session';
import type { Grant } from './access-api';

type Holder = Grant & { daysLeft: number | null };

/**
 * /access/holders — 角色持有人: every role held in the viewer's units by role and unit, the ones ending within
 * 30/60/90 days on request; select rows to renew (续任) or end (收回) them in one go, or export the list.
 */
export function RoleHoldersPage() {
  const L = useBilingual();
  const labels = useDomainLabels();
  const { currentUnit } = useSession();
  const list = useListParams(['unitId', 'role', 'q', 'expiringDays'], {
    filters: currentUnit ? { unitId: String(currentUnit.id) } : {},
  });
  const queryClient = useQueryClient();
  const roles = useQuery({
    queryKey: ['roles'],
    queryFn: () => get<{ items: { role: string; label: string }[] }>('/api/roles'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const holders = useQuery({
    queryKey: ['role-holders', list.query],
    queryFn: () => get<{ items: Holder[]; total: number }>(`/api/role-holders?${list.query}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['role-holders'] });

  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <h1 className="pioneer-page-title">{L('角色持有人', 'Role holders')}</h1>
        <Link to="/access">{L('按人查看权限', 'Access by person')}</Link>
      </Space>
      <Typography.Paragraph type="secondary">
        {L(
          '所选组织及其下级中在任和将要任职的角色（不含人人都有的「党员」角色，可按角色筛出）。选“即将到期”可提前安排续任或换届。',
          'Roles held now or soon in the chosen unit and below (the member role everyone holds is left out unless you pick it). “Ending” shows terms about to end, to plan renewals.',
        )}
      </Typography.Paragraph>
      <FilterBar
        list={list}
        fields={[
          { kind: 'unit', key: 'unitId', label: L('组织', 'Unit') },
          {
            kind: 'select',
            key: 'role',
            label: L('角色', 'Role'),
            options: (roles.data?.items ?? []).map((r) => ({ value: r.role, label: r.label })),
          },
          {
            kind: 'select',
            key: 'expiringDays',
            label: L('到期', 'Ending'),
            options: [
              { value: '30', label: L('30 天内到期', 'Ending within 30 days') },
              { value: '60', label: L('60 天内到期', 'Ending within 60 days') },
              { value: '90', label: L('90 天内到期', 'Ending within 90 days') },
            ],
          },
          { kind: 'text', key: 'q', label: L('姓名或工号', 'Name or staff no.') },
        ]}
      />
      {holders.isError && <Typography.Paragraph type="danger">{holders.error.message}</Typography.Paragraph>}
      <OfficeTable<Holder>
        rowKey="id"
        list={list}
        rows={holders.data?.items}
        total={holders.data?.total ?? 0}
        loading={holders.isFetching}
        testId="role-holders"
        toolbar={<ExportButton url="/api/role-holders.xlsx" list={list} />}
        batch={[
          {
            key: 'renew',
            label: L('续任', 'Renew'),
            prompt: { label: L('新的任期结束日期', 'New end date'), kind: 'date', required: true },
            applies: (g) => g.abilities.revoke && g.validTo !== null,
            run: async (rows, validTo) => {
              const r = await post<{ renewed: number }>('/api/grants/renew-batch', {
                ids: rows.map((g) => g.id),
                validTo,
              });
              await refresh();
              return L('已为 {n} 人续任至 {d}', '{n} renewed until {d}', { n: r.renewed, d: validTo ?? '' });
            },
          },
          {
            key: 'revoke',
            label: L('收回', 'Revoke'),
            danger: true,
            prompt: {
              label: L('收回原因（如换届、调离）', 'Reason (e.g. election, moved away)'),
              kind: 'text',
              required: true,
            },
            applies: (g) => g.abilities.revoke,
            run: async (rows, reason) => {
              const r = await post<{ revoked: number }>('/api/grants/revoke-batch', {
                ids: rows.map((g) => g.id),
                reason,
              });
              await refresh();
              return L('已收回 {n} 个角色', '{n} roles revoked', { n: r.revoked });
            },
          },
        ]}
        columns={[
          {
            title: L('姓名', 'Name'),
            dataIndex: 'personName',
            sortKey: 'person',
            render: (name: string, g) => <Link to={`/access?personId=${g.personId}`}>{name}</Link>,
          },
          { title: L('工号/学号', 'Staff/student no.'), dataIndex: 'staffNo' },
          {
            title: L('角色', 'Role'),
            key: 'role',
            sortKey: 'role',
            render: (_: unknown, g: Grant) => labels.role(g.role, g.roleLabel),
          },
          { title: L('组织', 'Unit'), dataIndex: 'unitName', sortKey: 'unit' },
          { title: L('起始', 'From'), dataIndex: 'validFrom', sortKey: 'validFrom' },
          {
            title: L('结束', 'Until'),
            dataIndex: 'validTo',
            sortKey: 'validTo',
            render: (v: string | null, g) =>
              v === null ? (
                L('长期', 'Open-ended')
              ) : (
                <Space size={4}>
                  {v}
                  {g.daysLeft !== null && g.daysLeft <= 30 && (
                    <Tag color="orange">{L('{n} 天后到期', 'ends in {n} days', { n: g.daysLeft })}</Tag>
                  )}
                </Space>
              ),
          },
          {
            title: L('状态', 'Status'),
            key: 'status',
            render: (_: unknown, g: Grant) => labels.grantStatus(g.status, g.statusLabel),
          },
          { title: L('授予人', 'Granted by'), dataIndex: 'grantedByName', render: (v: string | null) => v ?? '' },
        ]}
      />
    </>
  );
}
