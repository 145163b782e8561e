import * as assert from 'node:assert/strict';
import { LocaleFormat } from '../../src/util/localeFormat';

describe('LocaleFormat: numbers and dates in the display language', () => {
  it('groups and separates numbers the language\'s way', () => {
    assert.equal(new LocaleFormat('en').number(12345), '12,345');
    assert.equal(new LocaleFormat('de').number(12345), '12.345');
    assert.equal(new LocaleFormat('de').decimal(1.5), '1,5');
    assert.equal(new LocaleFormat('en').percent(0.423), '42%');
  });

  it('names weekdays and dates in the language', () => {
    assert.equal(new LocaleFormat('en').weekdayOfDay('2026-03-09'), 'Mon');
    assert.match(new LocaleFormat('de').weekdayOfDay('2026-03-09') ?? '', /^Mo\.?$/);
    assert.equal(new LocaleFormat('en').weekdayOfDay('not a day'), undefined);
    assert.equal(new LocaleFormat('en').shortDate(new Date(2026, 2, 9), 2026), 'Mar 9');
    assert.equal(new LocaleFormat('en').shortDate(new Date(2027, 2, 9), 2026), 'Mar 9, 2027');
    assert.equal(new LocaleFormat('fr').shortDate(new Date(2026, 2, 9), 2026), '9 mars');
    assert.equal(new LocaleFormat('en').calendarDay('2026-03-09'), 'Mar 9, 2026');
  });

  it('falls back to English for a language Intl does not know or a malformed id', () => {
    assert.equal(new LocaleFormat('qps-ploc').locale, 'en');
    assert.equal(new LocaleFormat('not a tag!').locale, 'en');
    assert.equal(new LocaleFormat(undefined).locale, 'en');
    assert.equal(new LocaleFormat('zh-cn').locale, 'zh-cn');
  });

  it('joins lists', () => {
    assert.equal(new LocaleFormat('en').list(['a', 'b', 'c']), 'a, b, and c');
    assert.equal(new LocaleFormat('en').list(['a', 'b'], 'disjunction'), 'a or b');
  });
});
