import { UploadOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const ImportWizard = lazyPage(() => import('./ImportWizard'), 'ImportWizard');

/** 名册导入: the Excel import wizard (the exports are buttons on the lists they export). */
export const routes: ModuleRoute[] = [
  {
    path: '/roster/import',
    element: <ImportWizard />,
    menu: {
      label: '名册导入',
      icon: <UploadOutlined />,
      group: '组织与人员',
      visible: (me) => hasPermission(me, 'import.run'),
    },
  },
];
