export * from './identity.factories';
