import { Injectable } from '@nestjs/common';

/**
 * Whether this process has begun to shut down. The signal handler sets it first thing, so
 * `/health/ready` answers 503 from that moment and a load balancer stops sending new work here.
 */
@Injectable()
export class ShutdownState {
  private began = false;

  get shuttingDown(): boolean {
    return this.began;
  }

  begin(): void {
    this.began = true;
  }
}
