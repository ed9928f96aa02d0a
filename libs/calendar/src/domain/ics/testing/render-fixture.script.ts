// Prints the fixture feed, rendered in this process: client-parsers.spec.ts runs it under several
// TZ settings and compares the bytes with its own rendering.
import { renderCalendar } from '../render-calendar';
import { FIXTURE_META, fixtureEntries } from './feed-fixture';

console.log(renderCalendar(fixtureEntries(), FIXTURE_META));
