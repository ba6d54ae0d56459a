import {
  AuditOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  FileProtectOutlined,
  HomeOutlined,
  IdcardOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { hasPermission, type ModuleRoute } from '../types';

// Pages load on first visit, so a volunteer's phone only fetches the pages they open.
const ActivitiesPage = lazy(() => import('./ActivitiesPage'));
const ActivityDetailPage = lazy(() => import('./ActivityDetailPage'));
const NewActivityPage = lazy(() => import('./NewActivityPage'));
const CheckinCodePage = lazy(() => import('./CheckinCodePage'));
const CheckInPage = lazy(() => import('./CheckInPage'));
const MyHoursPage = lazy(() => import('./MyHoursPage'));
const CertificatesPage = lazy(() => import('./CertificatesPage'));
const IssuePage = lazy(() => import('./IssuePage'));
const RegistrationPage = lazy(() => import('./RegistrationPage'));
const DualReportPage = lazy(() => import('./DualReportPage'));
const ConfirmClaimPage = lazy(() => import('./ConfirmClaimPage'));
const TeamsPage = lazy(() => import('./TeamsPage'));
const TeamDetailPage = lazy(() => import('./TeamsPage').then((m) => ({ default: m.TeamDetailPage })));
const VenuesPage = lazy(() => import('./VenuesPage'));
const VenueDetailPage = lazy(() => import('./VenuesPage').then((m) => ({ default: m.VenueDetailPage })));
const PublicVenuesPage = lazy(() => import('./PublicVenuesPage'));
const VerifyPage = lazy(() => import('./VerifyPage'));
const LedgerPage = lazy(() => import('./LedgerPage'));
const ReviewQueuePage = lazy(() => import('./ReviewQueuePage'));

const GROUP = '志愿服务';

export const routes: ModuleRoute[] = [
  {
    path: '/volunteer',
    element: <ActivitiesPage />,
    menu: { label: '志愿活动', icon: <CalendarOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/check-in',
    element: <CheckInPage />,
    menu: { label: '签到签退', icon: <QrcodeOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/hours',
    element: <MyHoursPage />,
    menu: { label: '我的时长', icon: <ClockCircleOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/certificates',
    element: <CertificatesPage />,
    menu: { label: '我的证明', icon: <SafetyCertificateOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/registration',
    element: <RegistrationPage />,
    menu: { label: '志愿者注册', icon: <IdcardOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/dual-report',
    element: <DualReportPage />,
    menu: { label: '双报到', icon: <HomeOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/teams',
    element: <TeamsPage />,
    menu: { label: '服务团队', icon: <TeamOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/venues',
    element: <VenuesPage />,
    // Everyone: members on a duty roster see their duties and the swaps asked of them here.
    menu: { label: '服务阵地', icon: <EnvironmentOutlined />, group: GROUP },
  },
  {
    path: '/volunteer/certificates/issue',
    element: <IssuePage />,
    menu: {
      label: '出具证明',
      icon: <FileProtectOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'volunteer.manage'),
    },
  },
  {
    path: '/volunteer/ledger',
    element: <LedgerPage />,
    menu: {
      label: '时长台账',
      icon: <AuditOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'volunteer.view'),
    },
  },
  {
    path: '/volunteer/review',
    element: <ReviewQueuePage />,
    // The reviewers: who manages volunteering above a recorder (the queue shows what each may decide).
    menu: {
      label: '时长复核',
      icon: <AuditOutlined />,
      group: GROUP,
      visible: (me) => hasPermission(me, 'volunteer.manage'),
    },
  },
  { path: '/volunteer/activities/new', element: <NewActivityPage /> },
  { path: '/volunteer/activities/:id', element: <ActivityDetailPage /> },
  { path: '/volunteer/activities/:id/code', element: <CheckinCodePage /> },
  { path: '/volunteer/teams/:id', element: <TeamDetailPage /> },
  { path: '/volunteer/venues/:id', element: <VenueDetailPage /> },
  { path: '/volunteer/confirm/:id', element: <ConfirmClaimPage />, public: true },
  {
    path: '/venues',
    element: <PublicVenuesPage />,
    public: true,
    portal: {
      order: 50,
      icon: <HomeOutlined />,
      zh: { label: '服务阵地', description: '党员服务站、活动室的开放时间与值班' },
      en: { label: 'Service venues', description: 'Opening hours and duty of service stations and rooms' },
    },
  },
  {
    path: '/verify',
    element: <VerifyPage />,
    public: true,
    portal: {
      order: 40,
      icon: <SafetyCertificateOutlined />,
      zh: { label: '证书验证', description: '输入编号，核验志愿服务证明的真伪' },
      en: { label: 'Verify a certificate', description: 'Check a volunteering certificate by its number' },
    },
  },
  { path: '/verify/:serial', element: <VerifyPage />, public: true },
];
