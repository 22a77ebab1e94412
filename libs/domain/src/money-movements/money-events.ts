import type { AllocationEvent } from '../allocation/allocation.events';
import type { PoolEvent } from '../pool/pool.events';
import type { ProjectEvent } from '../project/project.events';
import type { VoucherBookEvent } from '../voucher-book/voucher-book.events';

/** Every event of the money's boundaries: allocations, pools, projects and voucher books. */
export type MoneyEvent = AllocationEvent | PoolEvent | ProjectEvent | VoucherBookEvent;
