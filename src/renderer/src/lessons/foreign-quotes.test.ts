import { describe, expect, it } from 'vitest';
import { markForeignFragments } from './foreign-quotes';

const html = (value: string) =>
  markForeignFragments(value)
    .map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? `<en>${(n.children[0] as { value: string }).value}</en>` : ''))
    .join('');

describe('English fragments in Russian lesson prose', () => {
  it('marks quoted messages and terms given in the original', () => {
    expect(html('событие («no persistent volumes available for this claim») и')).toBe('событие (<en>«no persistent volumes available for this claim»</en>) и');
    expect(html('динамическое выделение (dynamic provisioning) никто')).toBe('динамическое выделение (<en>dynamic provisioning</en>) никто');
  });
  it('leaves Russian quotes and parentheses, and text without them, alone', () => {
    expect(html('«Проблема» (см. ниже) и тома PV')).toBe('«Проблема» (см. ниже) и тома PV');
    expect(html('controller bare')).toBe('controller bare');
  });
});
