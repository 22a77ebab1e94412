import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { DomainError } from '@ledger/domain';
import { getWarning, listWarnings, warningsDb, type WarningPage, type WarningView } from '../../../../libs/audit/src/warnings';
import { CurrentPrincipal, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { assertRegionAccess } from '../access/region-access';
import type { CommandAnswer, CommandOrigin } from '../commands/command-executor';
import { Origin } from '../commands/command-origin.decorator';
import { SubjectInPath, SubjectNotFoundInPath } from '../http/subject-in-path';
import { ReadErrorsInterceptor } from '../read-model/read-errors';
import { ReadSide } from '../read-model/read-side';
import { beijingDateOf } from '../rectifications/beijing-date';
import { AcknowledgeWarningCommand, ResolveWarningCommand } from './warning.commands';
import { ListWarningsQuery, WarningNoteBody, WarningQuery } from './warning.dto';

/** `GET /v1/audit/warnings`: a page of warnings, and the date they are shown as of (null: each county's latest). */
export type WarningListAnswer = WarningPage & { readonly on: string | null };

/**
 * 预警: the warnings the rules raise over the log (libs/audit/src/warnings), for inspectors in
 * their region, and their notes on them. Opening a rectification item from a warning is
 * `POST /v1/rectifications` with `fromWarning`.
 */
@ApiTags('audit')
@Roles('inspector')
@Controller('v1/audit/warnings')
@UseInterceptors(ReadErrorsInterceptor)
export class WarningsController {
  constructor(
    private readonly readSide: ReadSide,
    private readonly commands: CommandBus,
  ) {}

  /** Without `region`, the caller's whole region; a region outside it is 403. */
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListWarningsQuery): Promise<WarningListAnswer> {
    const region = query.region ?? principal.regionPrefix;
    assertRegionAccess(principal, region);
    const page = await listWarnings(warningsDb(this.readSide.readModel), {
      ...(region === '' ? {} : { region }),
      ...(query.rule === undefined ? {} : { rule: query.rule }),
      ...(query.state === undefined ? {} : { state: query.state }),
      ...(query.severity === undefined ? {} : { severity: query.severity }),
      ...(query.on === undefined ? {} : { on: query.on }),
      ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
      ...(query.after === undefined ? {} : { after: query.after }),
    });
    return { ...page, on: query.on ?? null };
  }

  /** 404 WARNING.NOT_FOUND when no such warning is shown at the date; 403 when it lies outside the caller's region. */
  @Get(':warningId')
  async one(@CurrentPrincipal() principal: Principal, @Param('warningId') warningId: string, @Query() query: WarningQuery): Promise<WarningView> {
    const warning = await getWarning(warningsDb(this.readSide.readModel), warningId, query.on);
    if (warning === undefined) throw new SubjectNotFoundInPath(new DomainError('WARNING.NOT_FOUND', `no warning ${warningId} is shown${query.on === undefined ? '' : ` on ${query.on}`}`));
    assertRegionAccess(principal, warning.region);
    return warning;
  }

  /** 已查看. Without `on`, the Beijing date the request arrived (read here, at the edge; a retry replays the first answer). */
  @Post(':warningId/acknowledgement')
  @HttpCode(201)
  @SubjectInPath('WARNING.NOT_FOUND')
  acknowledge(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('warningId') warningId: string, @Body() body: WarningNoteBody): Promise<CommandAnswer> {
    return this.commands.execute(new AcknowledgeWarningCommand(origin, principal, { ...body, on: body.on ?? beijingDateOf(new Date()) }, { warningId }));
  }

  /** 已处理: final. */
  @Post(':warningId/resolution')
  @HttpCode(201)
  @SubjectInPath('WARNING.NOT_FOUND')
  resolve(@Origin() origin: CommandOrigin, @CurrentPrincipal() principal: Principal, @Param('warningId') warningId: string, @Body() body: WarningNoteBody): Promise<CommandAnswer> {
    return this.commands.execute(new ResolveWarningCommand(origin, principal, { ...body, on: body.on ?? beijingDateOf(new Date()) }, { warningId }));
  }
}
