import { requireActor } from '../../core/auth/auth.plugin';
import type { App, Context } from '../../core/module';
import { listActivities } from './activities.repository';
import { publicVenues } from './venues.repository';

/**
 * 附近: open activities and public venues that have coordinates. The phone sorts them by distance from its
 * own position (the browser's geolocation never leaves the phone) and draws them on a plain SVG plot: no
 * map tiles, because the platform must work on a campus network without an outside tile server.
 */
export function nearbyRoutes(app: App, ctx: Context) {
  app.get(
    '/api/volunteer/nearby',
    { schema: { tags: ['志愿服务'], summary: '有坐标的可报名活动与服务阵地' } },
    async (request) => {
      const actor = requireActor(request);
      const { items } = await listActivities(ctx.db, actor, { view: 'open' }, { page: 1, pageSize: 200 });
      const coords = items.length
        ? await ctx.db
            .selectFrom('volunteer_activity')
            .select(['id', 'latitude', 'longitude'])
            .where(
              'id',
              'in',
              items.map((a) => a.id),
            )
            .where('latitude', 'is not', null)
            .where('longitude', 'is not', null)
            .execute()
        : [];
      const at = new Map(coords.map((c) => [c.id, c]));
      const venues = await publicVenues(ctx.db);
      return {
        activities: items.flatMap((a) => {
          const c = at.get(a.id);
          return c
            ? [
                {
                  id: a.id,
                  title: a.title,
                  place: a.place,
                  startsAt: a.startsAt,
                  latitude: c.latitude!,
                  longitude: c.longitude!,
                },
              ]
            : [];
        }),
        venues: venues
          .filter((v) => v.latitude !== null && v.longitude !== null)
          .map((v) => ({ id: v.id, name: v.name, address: v.address, latitude: v.latitude!, longitude: v.longitude! })),
      };
    },
  );
}
