import type { AppModule } from '../../core/module';

export const volunteeringModule: AppModule = { name: 'volunteering', tag: '志愿服务', routes: () => {} };
