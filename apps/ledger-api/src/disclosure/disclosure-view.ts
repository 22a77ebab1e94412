import { Injectable } from '@nestjs/common';
import { type ProjectCategory, regionCodeEdition, streams } from '@ledger/domain';
import { queryDisclosure, type Disclosure, type NoticeView } from '@ledger/projections';
import { BeneficiaryRegister } from '../beneficiaries/beneficiary-register';
import { EdgeError } from '../http/edge-error';
import type { AsOf } from '../read-model/read-side';
import { ReadSide } from '../read-model/read-side';
import { RegionDirectory } from '../regions/region-directory';

/** The national supervision hotline, part of every notice (三级公开). */
export const complaintHotline = '12317';
export const complaintLine = `全国扶贫监督举报电话 ${complaintHotline}`;

/** Who reads the register for a public list: recorded in its access log as one `listed` read per view. */
export const publicReader = 'public-disclosure';

export const categoryNames: Readonly<Record<ProjectCategory, string>> = {
  housing_safety: '住房安全',
  industry: '产业扶贫',
  employment: '就业扶贫',
  education: '教育扶贫',
  health: '健康扶贫',
  infrastructure: '基础设施',
  ecology: '生态扶贫',
  social_security: '社会保障兜底',
};

const levelNames = { county: '县', township: '乡镇', village: '村' } as const;

export interface DisclosureViewRequest {
  /** 6, 9 or 12 digits, at its level's length. */
  readonly region: string;
  readonly fiscalYear?: number;
  /** Where the schema is published, for `$schema`. */
  readonly schemaUrl: string;
}

export interface DisclosureViewAnswer {
  /** Not yet de-identified: the public routes' layer does it (public-view.ts). */
  readonly view: Record<string, unknown>;
  readonly asOf: AsOf;
  readonly regionName: string;
  /** The streams whose events the view is computed from: what its proof bundle proves. */
  readonly streams: readonly string[];
}

/**
 * Builds the three-level disclosure view (三级公开) of a county, township or village: project
 * notices, micro-credit notices, de-identified beneficiary lists and the notices posted, with
 * the complaint line. Household references and names are handed over as the register gives
 * them (masked names) and the projections keep them (references): the public routes' one
 * de-identification layer masks and filters the result (public-view.ts), not this builder.
 */
@Injectable()
export class DisclosureViews {
  constructor(
    private readonly readSide: ReadSide,
    private readonly regions: RegionDirectory,
    private readonly register: BeneficiaryRegister,
  ) {}

  async view(request: DisclosureViewRequest): Promise<DisclosureViewAnswer> {
    const region = this.regions.find(request.region);
    if (region === null) throw new EdgeError('REGION.NOT_FOUND', `${request.region} is not in the ${regionCodeEdition} edition of the national region codes`);
    const data = await queryDisclosure(this.readSide.db, { region: request.region, ...(request.fiscalYear === undefined ? {} : { fiscalYear: request.fiscalYear }) });
    const asOf = await this.readSide.asOf(data.position);
    const nameOf = this.names();
    const maskedNames = this.maskedNames(data);
    const year = data.fiscalYear === null ? '' : ` ${data.fiscalYear}年度`;
    const view = {
      $schema: request.schemaUrl,
      title: `${region.name}（${levelNames[region.level]}级）三级公开${year}`,
      region: { code: request.region, name: region.name, level: region.level, edition: region.edition },
      fiscalYear: data.fiscalYear,
      asOf,
      complaints: { hotline: complaintHotline, text: complaintLine },
      projects: data.projects.map((p) => ({
        projectId: p.projectId,
        name: p.name,
        status: p.status,
        fiscalYear: p.fiscalYear,
        place: { villageCode: p.village, villageName: nameOf(p.village), townshipCode: p.township, townshipName: nameOf(p.township) },
        content: { category: p.category, categoryName: categoryNames[p.category as ProjectCategory] ?? p.category, targets: p.performanceTargets },
        subsidyStandard: { plannedInvestment: p.amounts.planned },
        fundSources: p.fundingLines.map((line) => ({
          fundingId: line.fundingId,
          kind: line.source.kind,
          pool: line.source.kind === 'pool' ? line.source.pool : null,
          fundedOn: line.fundedOn,
          amount: line.funded,
          sources: line.parts.map((part) => ({
            allocationId: part.allocationId,
            fundType: part.fundType,
            sourceLevel: part.sourceLevel,
            fiscalYear: part.fiscalYear,
            documentNo: part.documentNo,
            originalChannel: part.originalChannel,
            partner: part.partner,
            amount: part.funded,
          })),
        })),
        funded: p.amounts.funded,
        period: p.dates,
        approvalDocumentNo: p.approvalDocumentNo,
        implementingUnit: p.implementingUnit,
        performanceTargets: p.performanceTargets,
        povertyLinkage: p.povertyLinkage,
        afterCompletion:
          p.dates.completedOn === null ? null : { completedOn: p.dates.completedOn, disbursed: p.amounts.disbursed, reversed: p.amounts.reversed, netDisbursed: p.amounts.netDisbursed },
      })),
      microCredit: {
        loans: data.loans.map((loan) => ({
          household: loan.householdRef,
          maskedName: maskedNames.get(loan.householdRef)?.maskedName ?? null,
          villageCode: loan.villageCode,
          villageName: nameOf(loan.villageCode),
          use: loan.purpose,
          amount: loan.amount,
          termMonths: loan.termMonths,
          annualRate: loan.annualRate,
          issuedOn: loan.issuedOn,
          renewedOn: loan.renewedOn,
          lender: loan.bank,
        })),
      },
      beneficiaries: beneficiaryLists(data, nameOf, maskedNames),
      notices: data.notices.map((n) => ({ ...noticeOf(n), regionName: nameOf(n.regionCode) })),
    };
    return { view, asOf, regionName: region.name, streams: streamsBehind(data) };
  }

  /** Region names by code, looked up once per view. */
  private names(): (code: string) => string | null {
    const cache = new Map<string, string | null>();
    return (code) => {
      if (!cache.has(code)) cache.set(code, this.regions.find(code)?.name ?? null);
      return cache.get(code)!;
    };
  }

  /** The register's masked names of the households the view shows (loans, payees), read as one logged list. */
  private maskedNames(data: Disclosure): Map<string, { maskedName: string; villageCode: string }> {
    const references = [...new Set([...data.loans.map((l) => l.householdRef), ...data.householdPayments.map((h) => h.householdRef)])];
    if (references.length === 0) return new Map();
    const listed = this.register.maskedList(publicReader, data.region, references);
    return new Map(listed.map((entry) => [entry.householdRef, { maskedName: entry.maskedName, villageCode: entry.villageCode }]));
  }
}

function beneficiaryLists(data: Disclosure, nameOf: (code: string) => string | null, maskedNames: Map<string, { maskedName: string; villageCode: string }>) {
  const projects = new Map(data.projects.map((p) => [p.projectId, p]));
  const lists = new Map<string, { projectId: string; projectName: string; villageCode: string; villageName: string | null; households: unknown[] }>();
  for (const payment of data.householdPayments) {
    const project = projects.get(payment.projectId);
    if (project === undefined) continue;
    let list = lists.get(payment.projectId);
    if (list === undefined) {
      list = { projectId: project.projectId, projectName: project.name, villageCode: project.village, villageName: nameOf(project.village), households: [] };
      lists.set(payment.projectId, list);
    }
    const entry = maskedNames.get(payment.householdRef);
    list.households.push({ household: payment.householdRef, maskedName: entry?.maskedName ?? null, villageCode: entry?.villageCode ?? null, amount: payment.amount, payments: payment.payments });
  }
  return [...lists.values()];
}

/** Days a notice was (or is to be) up: from publication to its end or withdrawal, both days counted. */
export function postedDays(publishedOn: string, postedUntil: string, withdrawnOn: string | null): number {
  const end = withdrawnOn !== null && withdrawnOn < postedUntil ? withdrawnOn : postedUntil;
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${publishedOn}T00:00:00Z`)) / 86_400_000) + 1;
}

function noticeOf(n: NoticeView) {
  return {
    noticeId: n.noticeId,
    level: n.level,
    regionCode: n.regionCode,
    subject: n.subject,
    channel: n.channel,
    publishedOn: n.publishedOn,
    postedUntil: n.postedUntil,
    postedDays: postedDays(n.publishedOn, n.postedUntil, n.withdrawnOn),
    withdrawnOn: n.withdrawnOn,
  };
}

/** Projects, the allocations their fund sources name (fund type, document), loans and notices. */
function streamsBehind(data: Disclosure): string[] {
  const allocations = new Set(data.projects.flatMap((p) => p.fundingLines.flatMap((line) => line.parts.map((part) => part.allocationId))));
  return [
    ...data.projects.map((p) => streams.project(p.projectId)),
    ...[...allocations].sort().map((id) => streams.allocation(id)),
    ...data.loans.map((l) => streams.loan(l.loanId)),
    ...data.notices.map((n) => streams.notice(n.noticeId)),
  ];
}
