import { Body, Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { assertNoPersonalData, DomainError } from '@ledger/domain';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { assertRegionAccess } from '../access/region-access';
import { SubjectNotFoundInPath } from '../http/subject-in-path';
import { RegionDirectory } from '../regions/region-directory';
import { type BeneficiaryAccess, BeneficiaryRegister } from './beneficiary-register';
import { RecordBeneficiaryBody } from './beneficiary.dto';

/**
 * The register of names behind household references (outside the event log): finance bureaus keep
 * their region's entries; inspectors read them and their access history. The public sees only the
 * masked lists of the disclosure views.
 */
@ApiTags('beneficiaries')
@Controller('v1/beneficiaries')
export class BeneficiariesController {
  constructor(
    private readonly register: BeneficiaryRegister,
    private readonly regions: RegionDirectory,
  ) {}

  @Post()
  @Roles('finance')
  @HttpCode(201)
  record(@CurrentPrincipal() principal: Principal, @Body() body: RecordBeneficiaryBody): { householdRef: string; villageCode: string; action: string } {
    this.regions.assertKnownRegion(body.villageCode, 'villageCode');
    assertRegionAccess(principal, body.villageCode);
    this.assertSameRegion(principal, body.householdRef);
    // A name is expected here, an ID number or a phone is not.
    assertNoPersonalData({ headName: body.headName });
    const action = this.register.record(principal.id, body);
    // The answer (kept by the idempotency record) carries no name: erasure must leave no copy.
    return { householdRef: body.householdRef, villageCode: body.villageCode, action };
  }

  @Get(':householdRef')
  @Roles('finance', 'inspector')
  read(@CurrentPrincipal() principal: Principal, @Param('householdRef') householdRef: string) {
    const entry = this.register.read(principal.id, householdRef);
    if (entry === undefined) throw notFound(householdRef);
    assertRegionAccess(principal, entry.villageCode);
    return entry;
  }

  @Get(':householdRef/access-log')
  @Roles('inspector')
  accessLog(@Param('householdRef') householdRef: string): { entries: BeneficiaryAccess[] } {
    return { entries: this.register.accessLog(householdRef) };
  }

  @Delete(':householdRef')
  @Roles('finance')
  @HttpCode(204)
  erase(@CurrentPrincipal() principal: Principal, @Param('householdRef') householdRef: string): void {
    this.assertSameRegion(principal, householdRef);
    if (!this.register.erase(principal.id, householdRef)) throw notFound(householdRef);
  }

  /** An existing entry may only be corrected or erased within the principal's region. */
  private assertSameRegion(principal: Principal, householdRef: string): void {
    const existing = this.register.read(principal.id, householdRef);
    if (existing !== undefined) assertRegionAccess(principal, existing.villageCode);
  }
}

function notFound(householdRef: string): SubjectNotFoundInPath {
  return new SubjectNotFoundInPath(new DomainError('BENEFICIARY.NOT_FOUND', `no register entry for ${householdRef}`));
}
