import { decodeText, UndecodableText } from './decode-text';

/** 中文 in GB18030 (and GBK, GB2312): D6 D0 CE C4. */
const chineseInGb18030 = [0xd6, 0xd0, 0xce, 0xc4];

describe('detecting a CSV file’s encoding', () => {
  it('reads UTF-8 after a BOM, and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('文号,金额', 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: '文号,金额', encoding: 'utf-8-bom' });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(decodeText(Buffer.from('川财农〔2017〕12号', 'utf8'))).toEqual({ text: '川财农〔2017〕12号', encoding: 'utf-8' });
  });

  it('reads anything else as GB18030', () => {
    expect(decodeText(Buffer.from([0x61, 0x2c, ...chineseInGb18030]))).toEqual({ text: 'a,中文', encoding: 'gb18030' });
  });

  it('refuses UTF-16, by its BOM, with a hint', () => {
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toThrow(UndecodableText);
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toThrow(/CSV UTF-8/);
  });

  it('refuses a UTF-8 BOM before bytes that are not UTF-8', () => {
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, ...chineseInGb18030]))).toThrow(UndecodableText);
  });
});
