export * from './identity.factories';
export * from './identity-records';
