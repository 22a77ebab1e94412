/**
 * The disclosure view as one CSV file that Excel and WPS open as it is: UTF-8 with a byte-order
 * mark (without it Excel reads UTF-8 as the local code page), CRLF line ends, RFC 4180 quoting.
 * The file has sections, one per kind of notice, each a title row, a header row (Chinese label
 * and the JSON field name) and its rows, then a blank row: a person reads it on screen, a
 * program splits it on the blank rows (or reads the JSON export, which has a schema).
 *
 * It is rendered FROM the de-identified view (public-view.ts), so it can only hold what the
 * JSON holds. Cells starting with = + @ (or - not followed by a digit) are prefixed with ' so
 * that a spreadsheet shows them as text instead of running them as formulas.
 */
export const csvContentType = 'text/csv; charset=utf-8';

type Row = readonly (string | number | null | undefined)[];

interface Section {
  readonly title: string;
  readonly columns: readonly (readonly [label: string, key: string])[];
  readonly rows: readonly Row[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the view is the de-identified JSON, its shape fixed by the schema */
export function disclosureCsv(view: any): string {
  const sections: Section[] = [
    {
      title: '三级公开 disclosure',
      columns: [
        ['项目 item', 'item'],
        ['内容 value', 'value'],
      ],
      rows: [
        ['标题 title', view.title],
        ['区划代码 region.code', view.region.code],
        ['区划名称 region.name', view.region.name],
        ['层级 region.level', view.region.level],
        ['区划代码版本 region.edition', view.region.edition],
        ['年度 fiscalYear', view.fiscalYear ?? '全部 all'],
        ['账本位置 asOf.position', view.asOf.position],
        ['记账时间 asOf.recordedAt', view.asOf.recordedAt],
        ['监督举报 complaints', view.complaints.text],
      ],
    },
    {
      title: '项目公示 projects',
      columns: [
        ['项目编号', 'projectId'],
        ['项目名称', 'name'],
        ['状态', 'status'],
        ['年度', 'fiscalYear'],
        ['乡镇代码', 'place.townshipCode'],
        ['乡镇', 'place.townshipName'],
        ['村代码', 'place.villageCode'],
        ['实施地点', 'place.villageName'],
        ['类别', 'content.categoryName'],
        ['建设任务', 'content.targets'],
        ['补助标准(计划投资,元)', 'subsidyStandard.plannedInvestment'],
        ['到项目资金(元)', 'funded'],
        ['入库日期', 'period.listedOn'],
        ['批复日期', 'period.approvedOn'],
        ['批复文号', 'approvalDocumentNo'],
        ['开工日期', 'period.startedOn'],
        ['竣工日期', 'period.completedOn'],
        ['验收日期', 'period.acceptedOn'],
        ['实施单位', 'implementingUnit'],
        ['绩效目标', 'performanceTargets'],
        ['带贫减贫机制', 'povertyLinkage'],
        ['竣工后支出(净额,元)', 'afterCompletion.netDisbursed'],
      ],
      rows: view.projects.map((p: any) => [
        p.projectId,
        p.name,
        p.status,
        p.fiscalYear,
        p.place.townshipCode,
        p.place.townshipName,
        p.place.villageCode,
        p.place.villageName,
        p.content.categoryName,
        p.content.targets.join('；'),
        p.subsidyStandard.plannedInvestment,
        p.funded,
        p.period.listedOn,
        p.period.approvedOn,
        p.approvalDocumentNo,
        p.period.startedOn,
        p.period.completedOn,
        p.period.acceptedOn,
        p.implementingUnit,
        p.performanceTargets.join('；'),
        p.povertyLinkage,
        p.afterCompletion?.netDisbursed,
      ]),
    },
    {
      title: '资金来源及规模 fund sources',
      columns: [
        ['项目编号', 'projectId'],
        ['资金安排编号', 'fundSources.fundingId'],
        ['来源方式', 'fundSources.kind'],
        ['统筹整合资金池', 'fundSources.pool'],
        ['安排日期', 'fundSources.fundedOn'],
        ['指标编号', 'sources.allocationId'],
        ['指标文件文号', 'sources.documentNo'],
        ['资金类型', 'sources.fundType'],
        ['资金级次', 'sources.sourceLevel'],
        ['资金年度', 'sources.fiscalYear'],
        ['原资金渠道', 'sources.originalChannel'],
        ['帮扶方', 'sources.partner'],
        ['金额(元)', 'sources.amount'],
      ],
      rows: view.projects.flatMap((p: any) =>
        p.fundSources.flatMap((line: any) =>
          line.sources.map((s: any) => [p.projectId, line.fundingId, line.kind, line.pool, line.fundedOn, s.allocationId, s.documentNo, s.fundType, s.sourceLevel, s.fiscalYear, s.originalChannel, s.partner, s.amount]),
        ),
      ),
    },
    {
      title: '小额信贷公示 micro-credit',
      columns: [
        ['借款户', 'household'],
        ['户主(脱敏)', 'maskedName'],
        ['村代码', 'villageCode'],
        ['村', 'villageName'],
        ['借款用途', 'use'],
        ['金额(元)', 'amount'],
        ['期限(月)', 'termMonths'],
        ['年利率', 'annualRate'],
        ['发放日期', 'issuedOn'],
        ['续贷日期', 'renewedOn'],
        ['贷款银行', 'lender'],
      ],
      rows: view.microCredit.loans.map((l: any) => [l.household, l.maskedName, l.villageCode, l.villageName, l.use, l.amount, l.termMonths, l.annualRate, l.issuedOn, l.renewedOn, l.lender]),
    },
    {
      title: '到户项目受益户名单 beneficiaries',
      columns: [
        ['项目编号', 'projectId'],
        ['项目名称', 'projectName'],
        ['村', 'villageName'],
        ['受益户', 'households.household'],
        ['户主(脱敏)', 'households.maskedName'],
        ['金额(元)', 'households.amount'],
        ['笔数', 'households.payments'],
      ],
      rows: view.beneficiaries.flatMap((b: any) => b.households.map((h: any) => [b.projectId, b.projectName, b.villageName, h.household, h.maskedName, h.amount, h.payments])),
    },
    {
      title: '公示记录 notices',
      columns: [
        ['公示编号', 'noticeId'],
        ['层级', 'level'],
        ['区划代码', 'regionCode'],
        ['区划', 'regionName'],
        ['公示内容', 'subject.kind'],
        ['项目编号', 'subject.projectId'],
        ['年度', 'subject.fiscalYear'],
        ['公示方式', 'channel'],
        ['公示日期', 'publishedOn'],
        ['公示截止', 'postedUntil'],
        ['公示天数', 'postedDays'],
        ['撤回日期', 'withdrawnOn'],
      ],
      rows: view.notices.map((n: any) => [n.noticeId, n.level, n.regionCode, n.regionName, n.subject.kind, n.subject.projectId, n.subject.fiscalYear, n.channel, n.publishedOn, n.postedUntil, n.postedDays, n.withdrawnOn]),
    },
  ];
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(csvRow([`# ${section.title}`]));
    lines.push(csvRow(section.columns.map(([label, key]) => `${label} (${key})`)));
    for (const row of section.rows) lines.push(csvRow(row));
    lines.push('');
  }
  lines.push(csvRow([view.complaints.text]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function csvRow(cells: Row): string {
  return cells.map(csvCell).join(',');
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+@\t\r]/.test(text) || /^-(?![\d.])/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
