import type { App, AppModule, Context } from '../../core/module';
import { activityRoutes } from './activities.routes';
import { certificateRoutes } from './certificates.routes';
import { checkinRoutes } from './checkin.routes';
import { dualReportRoutes } from './dual-report.routes';
import { ledgerRoutes } from './ledger.routes';
import { registrationRoutes } from './registration.routes';
import { seatBoard } from './seat-board';
import { seedVolunteering } from './seed';
import { teamRoutes } from './teams.routes';
import { venueRoutes } from './venues.routes';

/**
 * 志愿服务: registration, activities with shifts and a waiting list, rotating-code check-in, the hash-chained
 * hours ledger, certificates, 双报到, teams and venues.
 */
export const volunteeringModule: AppModule = {
  name: 'volunteering',
  tag: '志愿服务',
  seedDemo: seedVolunteering,
  routes(app: App, ctx: Context) {
    // Start listening for freed seats now, not at the first sign-up of a rush.
    seatBoard(ctx);
    registrationRoutes(app, ctx);
    activityRoutes(app, ctx);
    checkinRoutes(app, ctx);
    ledgerRoutes(app, ctx);
    certificateRoutes(app, ctx);
    dualReportRoutes(app, ctx);
    teamRoutes(app, ctx);
    venueRoutes(app, ctx);
  },
};
