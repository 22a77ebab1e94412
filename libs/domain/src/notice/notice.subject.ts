import { refuse } from '../shared/domain-error';
import { RegionCode } from '../shared/region-code';
import { entityId, fiscalYear } from '../shared/reference-data';
import type { NoticeSubject } from './notice.events';

/**
 * Validates what a notice discloses and rebuilds it field by field, so that nothing the client
 * added beyond the known fields reaches the public log. A subject that names a county must lie in
 * the notice's own county: a village board discloses its own county's allocations, not another's.
 */
export function noticeSubject(input: NoticeSubject, region: RegionCode): NoticeSubject {
  if (typeof input !== 'object' || input === null) return refuse('NOTICE.SUBJECT_UNKNOWN', 'notice subject is required', {});
  switch (input.kind) {
    case 'project':
    case 'beneficiaries':
      return { kind: input.kind, projectId: entityId(input.projectId, 'subject.projectId') };
    case 'allocations':
    case 'micro_credit': {
      const county = RegionCode.county(input.county).county();
      if (county !== region.county()) {
        refuse('NOTICE.SUBJECT_OUTSIDE_REGION', `subject county ${county} is not the notice's county ${region.county()}`, {
          subjectCounty: county,
          noticeCounty: region.county(),
        });
      }
      return { kind: input.kind, county, fiscalYear: fiscalYear(input.fiscalYear) };
    }
    default:
      return refuse('NOTICE.SUBJECT_UNKNOWN', `unknown notice subject: ${String((input as { kind: unknown }).kind)}`, {});
  }
}
