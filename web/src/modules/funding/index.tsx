import { AccountBookOutlined, BarChartOutlined, PayCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

const OverviewPage = lazyPage(() => import('./OverviewPage'), 'OverviewPage');
const AllocationsPage = lazyPage(() => import('./AllocationsPage'), 'AllocationsPage');
const ExpensesPage = lazyPage(() => import('./ExpensesPage'), 'ExpensesPage');
const RulesPage = lazyPage(() => import('./RulesPage'), 'RulesPage');

const sees = (me: Parameters<typeof hasPermission>[0]) => hasPermission(me, 'funding.view');

/** 经费保障: rules, allocations down the tree, the expense ledger, execution and compliance. */
export const routes: ModuleRoute[] = [
  {
    path: '/funding',
    element: <OverviewPage />,
    menu: { label: '经费执行与达标', icon: <BarChartOutlined />, group: '经费保障', visible: sees },
  },
  {
    path: '/funding/allocations',
    element: <AllocationsPage />,
    menu: { label: '经费下拨', icon: <PayCircleOutlined />, group: '经费保障', visible: sees },
  },
  {
    path: '/funding/expenses',
    element: <ExpensesPage />,
    menu: { label: '经费支出', icon: <AccountBookOutlined />, group: '经费保障', visible: sees },
  },
  {
    path: '/funding/rules',
    element: <RulesPage />,
    menu: { label: '经费标准', icon: <SettingOutlined />, group: '经费保障', visible: sees },
  },
];
