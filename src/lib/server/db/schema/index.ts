export * from './units';
export * from './auth';
export * from './settings';
export * from './bank';
export * from './scenario';
export * from './exam';
export * from './drill';
export * from './progress';
