import type { ClickHouseClient } from '@clickhouse/client'
import { randomBytes } from 'node:crypto'
import { insertLeaseClaim } from '../queries/insertLeaseClaim.ts'
import { queryLeaseHolder } from '../queries/queryLeaseHolder.ts'

/** How often a contender renews its claim, ms. */
const BEAT_MS = 2_000
/** A claim not renewed in this long is a collector that died (mid-migration or waiting): the next one in line takes over. */
const STALE_MS = 10_000
/**
 * How long a fresh claim waits before judging, ms: collectors starting at the
 * same moment must see each other's claims before one of them decides it is first.
 */
const SETTLE_MS = 500
/** How often a waiting collector looks whether the migrations are done, ms. */
const WAIT_MS = 300

/**
 * Who applies the migrations when several collectors start at once: each
 * claims the target (the newest migration file) with a row stamped by the
 * server's clock, and renews it while it waits or works; the holder is the
 * earliest claimant still alive. A holder that dies stops renewing, and the
 * next in line takes over after {@link STALE_MS}; the statements are
 * `IF NOT EXISTS`, so finishing a half-applied file is safe.
 */
export class MigrationLease {
  static readonly TABLE = `CREATE TABLE IF NOT EXISTS wince_migration_lease (
    target String,
    owner String,
    at DateTime64(3, 'UTC')
) ENGINE = MergeTree
ORDER BY (target, at)
TTL toDateTime(at) + INTERVAL 1 DAY`

  readonly owner = randomBytes(8).toString('hex')
  private _beat: NodeJS.Timeout | undefined
  private _claimedAt = 0

  constructor(
    private readonly _client: ClickHouseClient,
    private readonly _target: string,
  ) {}

  /** Claims (once, then renews in the background) and answers whether this collector is the holder. */
  async held(): Promise<boolean> {
    if (!this._beat) {
      await this._claim()
      this._claimedAt = Date.now()
      this._beat = setInterval(() => void this._claim().catch(() => {}), BEAT_MS)
      this._beat.unref()
    }
    const settle = this._claimedAt + SETTLE_MS - Date.now()
    if (settle > 0) await new Promise((r) => setTimeout(r, settle))
    return (await queryLeaseHolder(this._client, this._target, STALE_MS)) === this.owner
  }

  waitTurn(): Promise<void> {
    return new Promise((r) => setTimeout(r, WAIT_MS))
  }

  release(): void {
    clearInterval(this._beat)
  }

  private _claim(): Promise<void> {
    return insertLeaseClaim(this._client, this._target, this.owner)
  }
}
