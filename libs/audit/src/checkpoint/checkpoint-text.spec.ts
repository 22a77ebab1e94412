import { emptyRoot } from '../merkle/hashes';
import { formatCheckpointText, parseCheckpointText } from './checkpoint-text';

describe('checkpoint text (c2sp.org/tlog-checkpoint)', () => {
  const rootHash = Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64');

  it('is origin, decimal size and base64 root, each ending in a newline, as in the spec example', () => {
    const text = formatCheckpointText({ origin: 'example.com/behind-the-sofa', size: 20852163n, rootHash });
    expect(text).toBe('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(parseCheckpointText(text)).toEqual({ ok: true, value: { origin: 'example.com/behind-the-sofa', size: 20852163n, rootHash } });
  });

  it('writes the empty tree as size 0 and reads extension lines without keeping them', () => {
    expect(formatCheckpointText({ origin: 'ledger.local/x', size: 0n, rootHash: emptyRoot })).toBe(
      'ledger.local/x\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n',
    );
    expect(parseCheckpointText(`o\n1\n${rootHash.toString('base64')}\nextension\n`)).toMatchObject({ ok: true, value: { size: 1n } });
  });

  it.each([
    ['a leading zero', `o\n012\n${rootHash.toString('base64')}\n`],
    ['a negative size', `o\n-1\n${rootHash.toString('base64')}\n`],
    ['a size beyond uint64', `o\n18446744073709551616\n${rootHash.toString('base64')}\n`],
    ['a short root', `o\n1\n${rootHash.subarray(1).toString('base64')}\n`],
    ['only two lines', 'o\n1\n'],
    ['an empty origin', `\n1\n${rootHash.toString('base64')}\n`],
    ['an empty extension line', `o\n1\n${rootHash.toString('base64')}\n\n`],
    ['no final newline', `o\n1\n${rootHash.toString('base64')}`],
  ])('refuses %s', (_, text) => {
    expect(parseCheckpointText(text).ok).toBe(false);
  });
});
