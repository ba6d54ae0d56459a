import {
  AlertOutlined,
  BarChartOutlined,
  FormOutlined,
  NotificationOutlined,
  ProfileOutlined,
  TagsOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { hasPermission, type ModuleRoute } from '../types';

// Pages load on first visit; the figures page brings ECharts, the public pages stay small for phones.
const BoardPage = lazy(() => import('./BoardPage'));
const PublicFilePage = lazy(() => import('./PublicFilePage'));
const TrackPage = lazy(() => import('./TrackPage'));
const RateLinkPage = lazy(() => import('./RateLinkPage'));
const WorkQueuePage = lazy(() => import('./WorkQueuePage'));
const NewDemandPage = lazy(() => import('./NewDemandPage'));
const DemandDetailPage = lazy(() => import('./DemandDetailPage'));
const MatchesPage = lazy(() => import('./MatchesPage'));
const FitMePage = lazy(() => import('./FitMePage'));
const OverduePage = lazy(() => import('./OverduePage'));
const FiguresPage = lazy(() => import('./FiguresPage'));
const CategoriesPage = lazy(() => import('./CategoriesPage'));

const GROUP = '服务需求';

export const routes: ModuleRoute[] = [
  {
    path: '/demands',
    element: <WorkQueuePage />,
    menu: { label: '需求工作台', icon: <ProfileOutlined />, group: GROUP },
  },
  {
    path: '/demands/new',
    element: <NewDemandPage />,
    menu: { label: '提交需求', icon: <FormOutlined />, group: GROUP },
  },
  {
    path: '/demands/fit-me',
    element: <FitMePage />,
    menu: {
      label: '适合我的需求',
      icon: <ThunderboltOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'demand.serve'),
    },
  },
  {
    path: '/demands/overdue',
    element: <OverduePage />,
    menu: {
      label: '超时需求',
      icon: <AlertOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'demand.view') || hasPermission(me, 'report.view'),
    },
  },
  {
    path: '/demands/figures',
    element: <FiguresPage />,
    menu: {
      label: '需求统计',
      icon: <BarChartOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'report.view'),
    },
  },
  {
    path: '/demands/categories',
    element: <CategoriesPage />,
    menu: {
      label: '需求类别',
      icon: <TagsOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'demand.category.manage'),
    },
  },
  { path: '/demands/:id', element: <DemandDetailPage /> },
  { path: '/demands/:id/matches', element: <MatchesPage /> },
  {
    path: '/board',
    element: <BoardPage />,
    public: true,
    menu: { label: '需求公示栏', icon: <NotificationOutlined />, group: GROUP },
  },
  { path: '/board/new', element: <PublicFilePage />, public: true },
  { path: '/track', element: <TrackPage />, public: true },
  { path: '/track/:code', element: <TrackPage />, public: true },
  { path: '/rate/:token', element: <RateLinkPage />, public: true },
];
