export * from './fake-calendar-source';
