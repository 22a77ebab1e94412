import { join } from 'node:path';
import Database from 'better-sqlite3';
import { maskName } from '@ledger/domain';
import { migrateComponent, type SchemaStep } from '../store/app-schema';

/**
 * The beneficiary register (名单): the names behind household references, kept OUTSIDE the event
 * log, because the log is public and can never be erased while a person's name must be
 * correctable and erasable. It lives in a file of its own, so that it is backed up, restricted and
 * erased on its own terms, with `secure_delete` so an erased name is overwritten on disk, not just
 * unlinked. Every change and every read is recorded with the actor.
 */
export const beneficiaryFileName = 'beneficiaries.sqlite';

export interface Beneficiary {
  readonly householdRef: string;
  readonly villageCode: string;
  readonly headName: string;
}

export interface BeneficiaryAccess {
  readonly at: string;
  readonly actor: string;
  readonly action: 'recorded' | 'corrected' | 'erased' | 'read' | 'listed';
  readonly householdRef: string | null;
  readonly scope: string | null;
}

const steps: readonly SchemaStep[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE beneficiaries (
        household_ref TEXT PRIMARY KEY,
        village_code TEXT NOT NULL,
        head_name TEXT NOT NULL
      ) STRICT;
      CREATE INDEX beneficiaries_by_village ON beneficiaries (village_code);
      CREATE TABLE beneficiary_access_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        household_ref TEXT,
        scope TEXT
      ) STRICT;`,
  },
];

/** Rows one public list may show: a village's households fit many times over. */
export const beneficiaryListSizeMax = 5_000;

export class BeneficiaryRegister {
  private constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date,
  ) {}

  static open(dataDir: string, clock: () => Date = () => new Date()): BeneficiaryRegister {
    const db = new Database(join(dataDir, beneficiaryFileName));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    migrateComponent(db, 'beneficiaries', steps);
    return new BeneficiaryRegister(db, clock);
  }

  /** Records or corrects a household's entry; answers whether it was new. */
  record(actor: string, beneficiary: Beneficiary): 'recorded' | 'corrected' {
    return this.db
      .transaction(() => {
        const existed = this.db.prepare('SELECT 1 FROM beneficiaries WHERE household_ref = ?').get(beneficiary.householdRef) !== undefined;
        this.db
          .prepare(
            `INSERT INTO beneficiaries (household_ref, village_code, head_name) VALUES (?, ?, ?)
             ON CONFLICT (household_ref) DO UPDATE SET village_code = excluded.village_code, head_name = excluded.head_name`,
          )
          .run(beneficiary.householdRef, beneficiary.villageCode, beneficiary.headName);
        const action = existed ? 'corrected' : 'recorded';
        this.log(actor, action, beneficiary.householdRef, null);
        return action;
      })
      .immediate();
  }

  /** Reads one entry (logged); undefined when there is none. */
  read(actor: string, householdRef: string): Beneficiary | undefined {
    const row = this.db
      .prepare('SELECT household_ref AS householdRef, village_code AS villageCode, head_name AS headName FROM beneficiaries WHERE household_ref = ?')
      .get(householdRef) as Beneficiary | undefined;
    this.log(actor, 'read', householdRef, null);
    return row;
  }

  /** Erases an entry: the name is gone (overwritten on disk); the log keeps that it was erased, by whom. */
  erase(actor: string, householdRef: string): boolean {
    return this.db
      .transaction(() => {
        const erased = this.db.prepare('DELETE FROM beneficiaries WHERE household_ref = ?').run(householdRef).changes > 0;
        if (erased) this.log(actor, 'erased', householdRef, null);
        return erased;
      })
      .immediate();
  }

  /** The de-identified list of a region's households (names masked), logged as one read of that scope. */
  maskedList(actor: string, regionPrefix: string, householdRefs?: readonly string[]): Array<{ householdRef: string; villageCode: string; maskedName: string }> {
    const rows = this.db
      .prepare(
        `SELECT household_ref AS householdRef, village_code AS villageCode, head_name AS headName FROM beneficiaries
         WHERE village_code >= ? AND village_code < ? ORDER BY household_ref LIMIT ?`,
      )
      .all(regionPrefix.padEnd(12, '0'), `${regionPrefix}\u{10FFFF}`, beneficiaryListSizeMax) as Beneficiary[];
    const wanted = householdRefs === undefined ? undefined : new Set(householdRefs);
    this.log(actor, 'listed', null, regionPrefix);
    return rows
      .filter((row) => wanted === undefined || wanted.has(row.householdRef))
      .map((row) => ({ householdRef: row.householdRef, villageCode: row.villageCode, maskedName: maskName(row.headName) }));
  }

  accessLog(householdRef: string): BeneficiaryAccess[] {
    return this.db
      .prepare('SELECT at, actor, action, household_ref AS householdRef, scope FROM beneficiary_access_log WHERE household_ref = ? ORDER BY id')
      .all(householdRef) as BeneficiaryAccess[];
  }

  close(): void {
    this.db.close();
  }

  private log(actor: string, action: BeneficiaryAccess['action'], householdRef: string | null, scope: string | null): void {
    this.db
      .prepare('INSERT INTO beneficiary_access_log (at, actor, action, household_ref, scope) VALUES (?, ?, ?, ?, ?)')
      .run(this.clock().toISOString(), actor, action, householdRef, scope);
  }
}
