export * from './holidays.factories';
