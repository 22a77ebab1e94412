import { IsString, Length } from 'class-validator';
import { IsEntityId, IsRegionCode } from '../http/validation/domain-value.decorators';

/** Names are short; the bound keeps a mistaken paste (a whole list) out of the register. */
export const headNameLengthMax = 50;

export class RecordBeneficiaryBody {
  @IsEntityId() householdRef!: string;
  @IsRegionCode({ digits: 12, level: 'village' }) villageCode!: string;
  /** The household head's name, as the village's list shows it before masking. */
  @IsString() @Length(1, headNameLengthMax) headName!: string;
}
