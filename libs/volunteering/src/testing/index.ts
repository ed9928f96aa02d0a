export * from './volunteering.factories';
export * from './event-scenarios';
