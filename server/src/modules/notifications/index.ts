import type { AppModule } from '../../core/module';

export const notificationsModule: AppModule = { name: 'notifications', tag: '通知中心', routes: () => {} };
