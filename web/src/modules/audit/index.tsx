import { AuditOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');

export const routes: ModuleRoute[] = [
  {
    path: '/audit',
    element: <AuditPage />,
    menu: {
      label: '审计日志',
      icon: <AuditOutlined />,
      group: '系统',
      visible: (me) => hasPermission(me, 'audit.view'),
    },
  },
];
