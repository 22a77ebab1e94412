/**
 * Commands on a county's integrated pool for a year. All are issued by the money movements, in the
 * same decision as the allocation or project event they mirror, never on their own.
 */
export type PoolChannelFunds = {
  type: 'PoolChannelFunds';
  data: { county: string; fiscalYear: number; allocationId: string; receiptId: string; amount: string; pooledOn: string };
};

export type UnpoolChannelFunds = {
  type: 'UnpoolChannelFunds';
  data: { county: string; fiscalYear: number; allocationId: string; reversalId: string; amount: string; unpooledOn: string };
};

export type DrawPoolFunding = {
  type: 'DrawPoolFunding';
  data: { county: string; fiscalYear: number; fundingId: string; projectId: string; amount: string; drawnOn: string };
};

export type ReturnPoolFunding = {
  type: 'ReturnPoolFunding';
  data: { county: string; fiscalYear: number; fundingId: string; reductionId: string; amount: string; returnedOn: string };
};

export type PoolCommand = PoolChannelFunds | UnpoolChannelFunds | DrawPoolFunding | ReturnPoolFunding;
