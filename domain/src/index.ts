export * from './org';
export * from './people';
export * from './roles';
export * from './volunteering';
export * from './service-demands';
export * from './access';
