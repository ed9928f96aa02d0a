import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstUnreachableDirectory, unreachableMessage } from './embedded-postgres';

/**
 * As root the embedded cluster runs as the `postgres` system user: before initdb, find the first
 * folder on the way to the data directory (or the binaries) that user cannot enter (issue 11, item 8).
 */
describe('firstUnreachableDirectory', () => {
  // A user that owns nothing here and is in no group that does: only the "other" bits count for it.
  const stranger = { uid: 54_321, gid: 54_321 };
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'linli-reach-'));
    chmodSync(root, 0o755);
  });
  afterEach(() => {
    chmodSync(root, 0o755);
    rmSync(root, { recursive: true, force: true });
  });

  it('finds a parent folder of mode 700 owned by someone else', () => {
    const locked = join(root, 'locked');
    mkdirSync(join(locked, 'data', 'postgres'), { recursive: true });
    chmodSync(locked, 0o700);
    expect(firstUnreachableDirectory(join(locked, 'data', 'postgres'), stranger)).toBe(locked);
  });

  it('accepts a path every folder of which lets others through (x), even without read (r)', () => {
    const passable = join(root, 'passable');
    mkdirSync(join(passable, 'data'), { recursive: true });
    chmodSync(passable, 0o711);
    expect(firstUnreachableDirectory(join(passable, 'data'), stranger)).toBeUndefined();
  });

  it('checks the path up to its deepest existing folder when the rest is yet to be created', () => {
    const locked = join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o700);
    expect(firstUnreachableDirectory(join(locked, 'not', 'yet'), stranger)).toBe(locked);
    expect(firstUnreachableDirectory(join(root, 'not', 'yet'), stranger)).toBeUndefined();
  });

  it("honours the owner's and the group's bits for that user", () => {
    const owned = join(root, 'owned');
    mkdirSync(owned);
    chmodSync(owned, 0o700);
    const { uid, gid } = { uid: process.getuid!(), gid: process.getgid!() };
    expect(firstUnreachableDirectory(owned, { uid, gid })).toBeUndefined();
    chmodSync(owned, 0o070);
    expect(firstUnreachableDirectory(owned, { uid: stranger.uid, gid })).toBeUndefined();
    expect(firstUnreachableDirectory(owned, stranger)).toBe(owned);
  });

  it('says what is wrong and what to do in one message', () => {
    const message = unreachableMessage({
      what: 'the data directory',
      target: '/root/linli/.data/postgres',
      blocked: '/root',
    });
    expect(message).toContain('cannot reach /root');
    expect(message).toContain('DATA_DIR');
    expect(message).toMatch(/chmod o\+x \/root/);
    expect(message).not.toContain('\n');
  });
});
