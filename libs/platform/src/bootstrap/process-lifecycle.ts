import { INestApplicationContext, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { AppConfig } from '../config/app-config';
import { applyPendingMigrations } from '../database/migrate';

/**
 * The process's start-up and shutdown. Created first thing in `main()`, so SIGINT/SIGTERM are
 * handled from the very start: a signal during start-up waits for the step in flight (starting
 * PostgreSQL, creating the app, a migration run, one seeder), starts nothing more, undoes what has
 * started (newest first: the Nest app, then the embedded PostgreSQL) and exits 0.
 */
export interface ProcessLifecycle {
  /**
   * Runs one start-up step; `undo` (if given) is how to stop what it started. Once a signal has
   * arrived the step is not started and the returned promise never settles: the signal handler
   * owns the rest of the process.
   */
  step<T>(work: () => Promise<T>, undo?: (started: T) => Promise<unknown>): Promise<T>;
  /** Start-up is complete: a signal from now on is an ordinary shutdown. */
  started(): void;
  /** Start-up failed: stop what has started, then exit 1. */
  fail(error: unknown): Promise<never>;
}

const never = <T>() => new Promise<T>(() => undefined);

/** Installs the SIGINT/SIGTERM handlers now; call it before anything starts. */
export function stopCleanlyOnSignals(): ProcessLifecycle {
  const logger = new Logger('Shutdown');
  const undos: (() => Promise<unknown>)[] = [];
  let inFlight: Promise<unknown> = Promise.resolve();
  let startedUp = false;
  let stopping = false;

  const stopAll = async (): Promise<void> => {
    await inFlight;
    while (undos.length) await undos.pop()!();
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.log(`${signal} received, already shutting down`);
      return;
    }
    stopping = true;
    logger.log(`${signal} received${startedUp ? '' : ' during start-up'}, shutting down`);
    const since = Date.now();
    stopAll().then(
      () => {
        logger.log(`Stopped cleanly in ${((Date.now() - since) / 1_000).toFixed(1)}s`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second Ctrl-C must not fall back to Node's default (kill now, leave PostgreSQL).
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  return {
    step<T>(work: () => Promise<T>, undo?: (value: T) => Promise<unknown>): Promise<T> {
      if (stopping) return never<T>();
      const running = work();
      inFlight = running.then(
        (value) => {
          if (undo) undos.push(() => undo(value));
        },
        () => undefined,
      );
      return inFlight.then(() =>
        // While stopping, a step's outcome (or its failure caused by the shutdown) goes nowhere.
        stopping ? never<T>() : running,
      );
    },
    async fail(error: unknown): Promise<never> {
      if (stopping) return never<never>();
      stopping = true;
      console.error(error);
      await stopAll().catch((stopError: unknown) => console.error(stopError));
      process.exit(1);
    },
    started(): void {
      startedUp = true;
    },
  };
}

/** Applies pending migrations when configured to (the embedded default), then runs the demo seeders. */
export async function prepareDatabase(
  app: INestApplicationContext,
  config: AppConfig,
  seeders: (() => Promise<unknown>)[],
  lifecycle?: ProcessLifecycle,
): Promise<void> {
  const logger = new Logger('Database');
  const step = <T>(work: () => Promise<T>) => (lifecycle ? lifecycle.step(work) : work());
  if (config.database.migrateOnStart) {
    logger.log('Applying pending migrations');
    const applied = await step(() => applyPendingMigrations(app.get(MikroORM)));
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (config.seedDemo) {
    for (const seed of seeders) await step(seed);
  }
}
