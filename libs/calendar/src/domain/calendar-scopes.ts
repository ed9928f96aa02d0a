/**
 * The port through which a context contributes subscription scope kinds: the kinds it declares
 * may be subscribed to (`{ kind, id }`), and it says whether an id names one of its records in a
 * community. Decorate the provider with `@CalendarScopeProvider()`; the calendar finds it at boot,
 * so adding a context never edits the calendar. Its CalendarSource then serves the kind as a
 * `{ kind: 'contributed', scopeKind, id }` feed scope. Who may subscribe stays the calendar's
 * rule (subscription-policy.ts: organisers, for every kind but person and organisation).
 */
export interface CalendarScopes {
  /** e.g. 'identity', for logs and errors. */
  readonly name: string;
  /** The kinds it answers for; lower-case words (SCOPE_KIND_PATTERN), each served by one provider. */
  readonly kinds: readonly string[];
  /**
   * Whether `id` names a record of `kind` in the community, in one indexed read. Unknown ids and
   * another community's answer false (the caller answers 404).
   */
  exists(communityId: string, kind: string, id: string): Promise<boolean>;
}
