export * from './volunteering.factories';
