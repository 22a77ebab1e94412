/**
 * The published JSON Schema (draft 2020-12) of the public disclosure view and its JSON export,
 * served at `GET /v1/public/schemas/disclosure.json`. It is also the ALLOW-LIST of the
 * de-identification layer (public-view.ts): every object is closed (`additionalProperties:
 * false`), and a field the schema does not name never leaves the ledger. `x-pii` marks the two
 * kinds of personal reference a view may carry, and how the layer masks them:
 * `household-reference` (hh-513336-0042 → hh-513336-****) and `name` (second character masked).
 */
export const disclosureSchemaPath = '/v1/public/schemas/disclosure.json';

export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly items?: JsonSchema;
  readonly 'x-pii'?: 'household-reference' | 'name';
  readonly [keyword: string]: unknown;
};

const text = (description?: string): JsonSchema => ({ type: 'string', ...(description === undefined ? {} : { description }) });
const optionalText = (description?: string): JsonSchema => ({ type: ['string', 'null'], ...(description === undefined ? {} : { description }) });
const integer: JsonSchema = { type: 'integer' };
const optionalInteger: JsonSchema = { type: ['integer', 'null'] };
const yuan: JsonSchema = { type: 'string', pattern: '^\\d+\\.\\d{2}$', description: 'yuan, 2 decimals' };
const date: JsonSchema = { type: 'string', format: 'date' };
const optionalDate: JsonSchema = { type: ['string', 'null'], format: 'date' };
const regionCode: JsonSchema = { type: 'string', pattern: '^(\\d{6}|\\d{9}|\\d{12})$' };
const householdReference: JsonSchema = { type: 'string', 'x-pii': 'household-reference', description: 'pseudonymous household reference, masked' };
const maskedName: JsonSchema = { type: ['string', 'null'], 'x-pii': 'name', description: 'head of household, second character masked; null when not in the register' };

function object(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties, ...(description === undefined ? {} : { description }) };
}
function nullableObject(properties: Record<string, JsonSchema>): JsonSchema {
  return { ...object(properties), type: ['object', 'null'] };
}
const array = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

const fundSource = object({
  allocationId: text(),
  fundType: text(),
  sourceLevel: text(),
  fiscalYear: integer,
  documentNo: text('budget-indicator document number (指标文件文号)'),
  originalChannel: optionalText('the channel an integrated allocation came from'),
  partner: optionalText('the assisting partner of paired assistance'),
  amount: yuan,
});

const projectNotice = object(
  {
    projectId: text(),
    name: text('项目名称'),
    status: text(),
    fiscalYear: integer,
    place: object({ villageCode: regionCode, villageName: optionalText(), townshipCode: regionCode, townshipName: optionalText() }, '实施地点'),
    content: object({ category: text(), categoryName: text(), targets: array(text()) }, '建设任务'),
    subsidyStandard: object({ plannedInvestment: yuan }, '补助标准'),
    fundSources: array(
      object(
        {
          fundingId: text(),
          kind: { type: 'string', enum: ['allocation', 'pool'] },
          pool: optionalText('the integrated pool, county-year'),
          fundedOn: date,
          amount: yuan,
          sources: array(fundSource),
        },
        '资金来源及规模',
      ),
    ),
    funded: yuan,
    period: object({ listedOn: date, approvedOn: optionalDate, startedOn: optionalDate, completedOn: optionalDate, acceptedOn: optionalDate }, '实施期限'),
    approvalDocumentNo: optionalText(),
    implementingUnit: text('实施单位'),
    performanceTargets: array(text()),
    povertyLinkage: text('带贫减贫机制'),
    afterCompletion: nullableObject({ completedOn: date, disbursed: yuan, reversed: yuan, netDisbursed: yuan }),
  },
  '项目公示',
);

const loanNotice = object(
  {
    household: householdReference,
    maskedName,
    villageCode: regionCode,
    villageName: optionalText(),
    use: text('借款用途'),
    amount: yuan,
    termMonths: integer,
    annualRate: text(),
    issuedOn: date,
    renewedOn: optionalDate,
    lender: text(),
  },
  '小额信贷公示',
);

const beneficiaryList = object(
  {
    projectId: text(),
    projectName: text(),
    villageCode: regionCode,
    villageName: optionalText(),
    households: array(object({ household: householdReference, maskedName, villageCode: optionalText(), amount: yuan, payments: integer })),
  },
  '到户项目受益户名单',
);

const notice = object(
  {
    noticeId: text(),
    level: { type: 'string', enum: ['county', 'township', 'village'] },
    regionCode: regionCode,
    regionName: optionalText(),
    subject: object({ kind: text(), projectId: optionalText(), fiscalYear: optionalInteger }),
    channel: text(),
    publishedOn: date,
    postedUntil: date,
    postedDays: integer,
    withdrawnOn: optionalDate,
  },
  '公示记录',
);

export const disclosureSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: disclosureSchemaPath,
  title: '三级公开 disclosure view of a county, township or village',
  ...object({
    $schema: text('this schema'),
    title: text(),
    region: object({ code: regionCode, name: text(), level: { type: 'string', enum: ['county', 'township', 'village'] }, edition: text('edition of the region codes') }),
    fiscalYear: optionalInteger,
    asOf: object({ position: integer, recordedAt: optionalText() }, 'the log position the view reflects'),
    complaints: object({ hotline: { type: 'string', const: '12317' }, text: text() }, '监督举报'),
    projects: array(projectNotice),
    microCredit: object({ loans: array(loanNotice) }),
    beneficiaries: array(beneficiaryList),
    notices: array(notice),
  }),
};
