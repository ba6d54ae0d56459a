import { PartitionOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const IndicatorsPage = lazyPage(() => import('./IndicatorsPage'), 'IndicatorsPage');

export const routes: ModuleRoute[] = [
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
