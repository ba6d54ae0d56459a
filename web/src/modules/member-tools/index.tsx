import {
  AimOutlined,
  FileDoneOutlined,
  FileExcelOutlined,
  FileProtectOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { hasPermission, lazyPage, type ModuleRoute } from '../types';

/**
 * Member habits and office work around volunteering (issue 10 items 5, 11, 12): my calendar with its phone
 * feed, certificates I ask for, nearby activities, an activity's share poster; offline hours import and the
 * certificate-request desk for the offices. Server: server/src/modules/volunteering (calendar, nearby,
 * certificate-requests, hours-import).
 */
const CalendarPage = lazyPage(() => import('./CalendarPage'), 'CalendarPage');
const CertificateRequestPage = lazyPage(() => import('./CertificateRequestPage'), 'CertificateRequestPage');
const NearbyPage = lazyPage(() => import('./NearbyPage'), 'NearbyPage');
const PosterPage = lazyPage(() => import('./PosterPage'), 'PosterPage');
const HoursImportPage = lazyPage(() => import('./HoursImportPage'), 'HoursImportPage');
const CertificateDeskPage = lazyPage(() => import('./CertificateDeskPage'), 'CertificateDeskPage');

const GROUP = '志愿服务';
const manages = (me: Parameters<typeof hasPermission>[0]) => hasPermission(me, 'volunteer.manage');

export const routes: ModuleRoute[] = [
  {
    path: '/volunteer/calendar',
    element: <CalendarPage />,
    menu: { label: '我的日程', icon: <ScheduleOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/certificate-request',
    element: <CertificateRequestPage />,
    menu: { label: '申请证明', icon: <FileProtectOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/nearby',
    element: <NearbyPage />,
    menu: { label: '附近的活动', icon: <AimOutlined />, group: GROUP },
  },
  { path: '/volunteer/activities/:id/poster', element: <PosterPage /> },
  {
    path: '/volunteer/hours-import',
    element: <HoursImportPage />,
    menu: { label: '线下活动时长导入', icon: <FileExcelOutlined />, group: GROUP, visible: manages },
  },
  {
    path: '/volunteer/certificate-requests',
    element: <CertificateDeskPage />,
    menu: { label: '证明申请办理', icon: <FileDoneOutlined />, group: GROUP, visible: manages },
  },
];
