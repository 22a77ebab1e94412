import { LedgerCommand } from '../commands/ledger-command';
import type { WarningNoteBody } from './warning.dto';

type WarningPath = { warningId: string };
/** The date is resolved at the edge before the command is built: the handler and the domain read no clock. */
type DatedNote = WarningNoteBody & { readonly on: string };

export class AcknowledgeWarningCommand extends LedgerCommand<DatedNote, WarningPath> {}
export class ResolveWarningCommand extends LedgerCommand<DatedNote, WarningPath> {}
