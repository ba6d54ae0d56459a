import type { AppModule } from '../../core/module';
import { notificationRoutes } from './notifications.routes';

/**
 * 通知中心: in-app notifications. Other modules post through `notify(trx, …)` inside their own transaction;
 * people read them through the bell in the web shell.
 */
export const notificationsModule: AppModule = { name: 'notifications', tag: '通知中心', routes: notificationRoutes };
export { type NotifyInput, notify, type Recipients } from './notifications.service';
