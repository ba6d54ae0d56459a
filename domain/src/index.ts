export * from './access';
export * from './assessment';
export * from './funding';
export * from './org';
export * from './people';
export * from './roles';
export * from './service-demands';
export * from './volunteering';
