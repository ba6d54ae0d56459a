import { PartitionOutlined, ProfileOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const IndicatorsPage = lazyPage(() => import('./IndicatorsPage'), 'IndicatorsPage');
const MemberYearPage = lazyPage(() => import('./MemberYearPage'), 'MemberYearPage');

export const routes: ModuleRoute[] = [
  {
    path: '/me/year',
    element: <MemberYearPage />,
    menu: { label: '我的年度服务', icon: <ProfileOutlined />, group: '志愿服务' },
  },
  { path: '/people/:id/year', element: <MemberYearPage /> },
  {
    path: '/assessment/indicators',
    element: <IndicatorsPage />,
    menu: {
      label: '考核指标体系',
      icon: <PartitionOutlined />,
      group: '统计与考核',
      visible: (me) => hasPermission(me, 'report.view'),
    },
  },
];
