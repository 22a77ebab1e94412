import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Length } from 'class-validator';
import { rectificationTasksMax, textLengthMax } from '@ledger/domain';
import { IsBusinessDate, IsEntityId, IsRegionCode } from '../http/validation/domain-value.decorators';
import { NestedArray } from '../http/validation/nested.decorators';

/** One line of the task, responsibility and deadline lists; the unit is an office, never a person. */
export class RectificationTaskBody {
  @IsEntityId() taskId!: string;
  @IsString() @Length(1, textLengthMax) description!: string;
  @IsString() @Length(1, textLengthMax) responsibleUnit!: string;
  @IsBusinessDate() deadline!: string;
}

/**
 * 整改台账: a finding and its tasks. `openedOn` may be left out: it is then the Beijing date on which
 * the ledger received the request (see the controller).
 */
export class OpenRectificationBody {
  @IsEntityId() rectificationId!: string;
  /** 6 digits for a county, 12 for a township or village. */
  @IsRegionCode({ digits: '6or12' }) regionCode!: string;
  @IsString() @Length(1, textLengthMax) problem!: string;
  @NestedArray(() => RectificationTaskBody) @ArrayMinSize(1) @ArrayMaxSize(rectificationTasksMax) tasks!: RectificationTaskBody[];
  /** The warning the finding came from, when it came from one. */
  @IsOptional() @IsEntityId() fromWarning?: string;
  @IsOptional() @IsBusinessDate() openedOn?: string;
}

/** What the closing routes share: the evidence that the work was done (or undone), and its date. */
class EvidenceBody {
  @IsString() @Length(1, textLengthMax) evidence!: string;
  @IsBusinessDate() on!: string;
}

export class CloseRectificationTaskBody extends EvidenceBody {}

/** 销号: strikes the item off once every task is closed. */
export class CloseRectificationBody extends EvidenceBody {}

/**
 * 反弹: the problem came back. `evidence` (what shows it came back) is the domain's `reason`; the
 * tasks that reopen are `taskIds`, every task of the item when left out.
 */
export class ReopenRectificationBody extends EvidenceBody {
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(rectificationTasksMax) @IsEntityId({ each: true }) taskIds?: string[];
}
