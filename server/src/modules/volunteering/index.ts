import type { App, AppModule, Context } from '../../core/module';
import { activityRoutes } from './activities.routes';
import { calendarReminderJob, calendarRoutes } from './calendar.routes';
import { certificateRequestRoutes } from './certificate-requests.routes';
import { certificateRoutes } from './certificates.routes';
import { checkinRoutes } from './checkin.routes';
import { dualReportExportRoutes } from './dual-report.export';
import { dualReportRoutes } from './dual-report.routes';
import { hoursImportRoutes } from './hours-import.routes';
import { ledgerRoutes } from './ledger.routes';
import { nearbyRoutes } from './nearby.routes';
import { registrationRoutes } from './registration.routes';
import { reviewRoutes } from './review.routes';
import { seatBoard } from './seat-board';
import { seedVolunteering } from './seed';
import { teamRoutes } from './teams.routes';
import { venueExportRoutes } from './venues.export';
import { venueRoutes } from './venues.routes';
import { volunteeringMeasures } from './volunteering.measures';

/**
 * 志愿服务: registration, activities with shifts and a waiting list, rotating-code check-in, the hash-chained
 * hours ledger, certificates, 双报到, teams and venues.
 */
export const volunteeringModule: AppModule = {
  name: 'volunteering',
  tag: '志愿服务',
  seedDemo: seedVolunteering,
  measures: volunteeringMeasures,
  jobs: [calendarReminderJob],
  routes(app: App, ctx: Context) {
    // Start listening for freed seats now, not at the first sign-up of a rush.
    seatBoard(ctx);
    registrationRoutes(app, ctx);
    activityRoutes(app, ctx);
    checkinRoutes(app, ctx);
    ledgerRoutes(app, ctx);
    hoursImportRoutes(app, ctx);
    certificateRoutes(app, ctx);
    certificateRequestRoutes(app, ctx);
    calendarRoutes(app, ctx);
    nearbyRoutes(app, ctx);
    reviewRoutes(app, ctx);
    dualReportRoutes(app, ctx);
    dualReportExportRoutes(app, ctx);
    teamRoutes(app, ctx);
    venueRoutes(app, ctx);
    venueExportRoutes(app, ctx);
  },
};
