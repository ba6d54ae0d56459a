import { FundOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const MeasuresPage = lazyPage(() => import('./MeasuresPage'), 'MeasuresPage');
const MeasureRowsPage = lazyPage(() => import('./MeasureRowsPage'), 'MeasureRowsPage');

export const routes: ModuleRoute[] = [
  {
    path: '/measures',
    element: <MeasuresPage />,
    menu: {
      label: '指标库',
      icon: <FundOutlined />,
      group: '统计与考核',
      visible: (me) => hasPermission(me, 'report.view'),
    },
  },
  { path: '/measures/:key', element: <MeasureRowsPage /> },
];
