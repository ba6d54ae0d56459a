import { IdcardOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const PeopleListPage = lazyPage(() => import('./PeopleListPage'), 'PeopleListPage');
const MyProfileRedirect = lazyPage(() => import('./PersonPage'), 'MyProfileRedirect');
const PersonPage = lazyPage(() => import('./PersonPage'), 'PersonPage');
const TransfersPage = lazyPage(() => import('./TransfersPage'), 'TransfersPage');

/** 人员: the roster list, profiles (everyone has their own), and transfers of Party membership. */
export const routes: ModuleRoute[] = [
  {
    path: '/people',
    element: <PeopleListPage />,
    menu: {
      label: '人员名册',
      icon: <TeamOutlined />,
      group: '组织与人员',
      visible: (me) => hasPermission(me, 'people.view'),
    },
  },
  {
    path: '/people/transfers',
    element: <TransfersPage />,
    menu: {
      label: '组织关系转接',
      icon: <SwapOutlined />,
      group: '组织与人员',
      visible: (me) => hasPermission(me, 'people.manage') || hasPermission(me, 'transfer.approve'),
    },
  },
  {
    path: '/people/me',
    element: <MyProfileRedirect />,
    menu: { label: '我的档案', icon: <IdcardOutlined />, group: '组织与人员' },
  },
  { path: '/people/:id', element: <PersonPage /> },
];
