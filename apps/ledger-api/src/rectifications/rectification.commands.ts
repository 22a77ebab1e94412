import { LedgerCommand } from '../commands/ledger-command';
import type { CloseRectificationBody, CloseRectificationTaskBody, OpenRectificationBody, ReopenRectificationBody } from './rectification.dto';

type RectificationPath = { rectificationId: string };

/** The opening date is always resolved before the command is built: the handler and the domain read no clock. */
export class OpenRectificationCommand extends LedgerCommand<OpenRectificationBody & { readonly openedOn: string }> {}
export class CloseRectificationTaskCommand extends LedgerCommand<CloseRectificationTaskBody, RectificationPath & { taskId: string }> {}
export class CloseRectificationCommand extends LedgerCommand<CloseRectificationBody, RectificationPath> {}
export class ReopenRectificationCommand extends LedgerCommand<ReopenRectificationBody, RectificationPath> {}
