export * from './units';
export * from './auth';
export * from './settings';
