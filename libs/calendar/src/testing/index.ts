export * from './fake-calendar-source';
export * from './fake-calendar-scopes';
