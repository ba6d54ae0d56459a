import { AuditOutlined } from '@ant-design/icons';
import { hasPermission, type ModuleRoute } from '../types';
import { AuditPage } from './AuditPage';

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
