export * from './volunteering-events';
export * from './mail-outbox';
