import { SafetyCertificateOutlined } from '@ant-design/icons';
import { hasPermission, type ModuleRoute } from '../types';
import { AccessPage } from './AccessPage';

export const routes: ModuleRoute[] = [
  {
    path: '/access',
    element: <AccessPage />,
    menu: {
      label: '角色与权限',
      icon: <SafetyCertificateOutlined />,
      group: '系统',
      // Those who hand out roles or oversee them; plain members have nothing to manage here.
      visible: (me) => hasPermission(me, 'grants.manage') || hasPermission(me, 'audit.view'),
    },
  },
];
