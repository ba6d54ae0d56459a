import {
  AlertOutlined,
  BarChartOutlined,
  FormOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SearchOutlined,
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
    portal: {
      order: 10,
      icon: <NotificationOutlined />,
      zh: { label: '需求公示栏', description: '师生和群众的服务需求，谁在办、办得怎样' },
      en: {
        label: 'Service board',
        description: 'Needs of staff, students and residents, who serves them, how it went',
      },
    },
  },
  {
    path: '/board/new',
    element: <PublicFilePage />,
    public: true,
    portal: {
      order: 20,
      icon: <FormOutlined />,
      zh: { label: '提交需求', description: '不用登录，写下需要什么帮助，得到查询码' },
      en: { label: 'Submit a need', description: 'No account needed: say what help you need, get a tracking code' },
    },
  },
  {
    path: '/track',
    element: <TrackPage />,
    public: true,
    portal: {
      order: 30,
      icon: <SearchOutlined />,
      zh: { label: '查询进度', description: '凭查询码查看需求办到了哪一步，办结后评价' },
      en: { label: 'Track my need', description: 'See where your need stands with its code, and rate it when done' },
    },
  },
  { path: '/track/:code', element: <TrackPage />, public: true },
  { path: '/rate/:token', element: <RateLinkPage />, public: true },
];
