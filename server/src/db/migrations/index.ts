import type { Migration } from 'kysely';
import * as core from './0001_core';
import * as roster from './0200_roster';
import * as notifications from './0300_notifications';
import * as serviceDemands from './0400_service_demands';
import * as demandTeam from './0410_demand_team';
import * as volunteering from './0500_volunteering';
import * as volunteerTakeSeat from './0510_volunteer_take_seat';
import * as sessionCacheNotify from './0520_session_cache_notify';
import * as loginThrottle from './0600_login_throttle';
import * as hoursReview from './0620_hours_review';
import * as hoursImport from './0640_hours_import';
import * as certificateRequests from './0641_certificate_requests';
import * as calendar from './0642_calendar';
import * as funding from './0660_funding';
import * as assessmentIndicators from './0680_assessment_indicators';

/** Every migration in order. Names sort; a module adds its own file and one line here. */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0200_roster': roster,
  '0300_notifications': notifications,
  '0400_service_demands': serviceDemands,
  '0410_demand_team': demandTeam,
  '0500_volunteering': volunteering,
  '0510_volunteer_take_seat': volunteerTakeSeat,
  '0520_session_cache_notify': sessionCacheNotify,
  '0600_login_throttle': loginThrottle,
  '0620_hours_review': hoursReview,
  '0640_hours_import': hoursImport,
  '0641_certificate_requests': certificateRequests,
  '0642_calendar': calendar,
  '0660_funding': funding,
  '0680_assessment_indicators': assessmentIndicators,
};
