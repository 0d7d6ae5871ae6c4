import { describe, expect, it } from 'vitest';
import timeWords from '../../src/pipeline/data/time-words.json';
import { resolveRelativeDate, resolveTimes } from '../../src/pipeline/time';
import { addMonths, weekdayNear } from '../../src/pipeline/time/calendar';
import { normalize } from '../../src/search/normalize';

const day = (d: string) => ({ start: d, end: d, precision: 'day' });

describe('resolveRelativeDate (Arabic)', () => {
  it.each([
    ['يوم الخميس الماضي', '2017-01-28', day('2017-01-26')],
    ['الخميس الماضي', '2017-01-26', day('2017-01-19')],
    ['اليوم', '2017-01-28', day('2017-01-28')],
    ['في وقت سابق اليوم', '2017-01-28', day('2017-01-28')],
    ['أمس', '2017-03-01', day('2017-02-28')],
    ['أمس', '2016-03-01', day('2016-02-29')],
    ['أمس الثلاثاء', '2018-09-05', day('2018-09-04')],
    ['غدا', '2017-12-31', day('2018-01-01')],
    ['مساء أول أمس الأربعاء', '2015-07-31', day('2015-07-29')],
    ['قبل ٣ أيام', '2017-01-02', day('2016-12-30')],
    ['قبل يومين', '2017-01-28', day('2017-01-26')],
    ['يوم الاثنين', '2018-09-05', day('2018-09-03')],
    ['الخميس المقبل', '2015-08-06', day('2015-08-13')],
    ['12 يوليو/تموز', '2018-07-07', day('2018-07-12')],
    ['10 أغسطس 2015', '2020-01-01', day('2015-08-10')],
  ])('resolveRelativeDate(%s, %s)', (expr, pub, want) => {
    expect(resolveRelativeDate(expr, pub)).toEqual(want);
  });

  it('gives whole weeks, months and years as intervals across boundaries', () => {
    expect(resolveRelativeDate('الأسبوع الماضي', '2017-01-04')).toEqual({
      start: '2016-12-26',
      end: '2017-01-01',
      precision: 'range',
    });
    expect(resolveRelativeDate('الأسبوع المقبل', '2017-01-28')).toEqual({
      start: '2017-01-30',
      end: '2017-02-05',
      precision: 'range',
    });
    expect(resolveRelativeDate('الشهر الماضي', '2017-01-28')).toEqual({
      start: '2016-12-01',
      end: '2016-12-31',
      precision: 'month',
    });
    expect(resolveRelativeDate('الشهر المقبل', '2018-12-10')).toEqual({
      start: '2019-01-01',
      end: '2019-01-31',
      precision: 'month',
    });
    expect(resolveRelativeDate('العام الماضي', '2017-01-28')).toEqual({
      start: '2016-01-01',
      end: '2016-12-31',
      precision: 'year',
    });
    expect(resolveRelativeDate('في عام 2015', '2017-01-28')).toEqual({
      start: '2015-01-01',
      end: '2015-12-31',
      precision: 'year',
    });
  });

  it('reads month names of both traditions, combined, with a qualifier or a part of the month', () => {
    expect(resolveRelativeDate('أبريل/نيسان الماضي', '2018-09-05')).toMatchObject({ start: '2018-04-01', end: '2018-04-30' });
    expect(resolveRelativeDate('كانون الثاني الماضي', '2017-01-28')).toMatchObject({ start: '2016-01-01', precision: 'month' });
    expect(resolveRelativeDate('حزيران/يونيو المقبل', '2018-05-30')).toMatchObject({ start: '2018-06-01', end: '2018-06-30' });
    expect(resolveRelativeDate('سبتمبر المقبل', '2015-09-20')).toMatchObject({ start: '2016-09-01' });
    expect(resolveRelativeDate('مطلع أكتوبر الماضي', '2018-03-13')).toEqual({
      start: '2017-10-01',
      end: '2017-10-10',
      precision: 'range',
    });
    expect(resolveRelativeDate('في ٥ كانون الأول ٢٠١٦', null)).toEqual(day('2016-12-05'));
  });

  it('keeps open intervals for the future and the past', () => {
    expect(resolveRelativeDate('مستقبلا', '2017-01-28')).toEqual({ start: '2017-01-28', end: null, precision: 'range' });
    expect(resolveRelativeDate('في تصريحات سابقة', '2017-01-28')).toEqual({ start: null, end: '2017-01-28', precision: 'range' });
    expect(resolveRelativeDate('في موعد لا يتجاوز يوم السبت', '2017-01-26')).toEqual({
      start: '2017-01-26',
      end: '2017-01-28',
      precision: 'range',
    });
  });

  it('does not read روسيا اليوم as today, nor مارس as March when it is a verb', () => {
    expect(resolveRelativeDate('نقل موقع روسيا اليوم', '2017-01-28')).toBeNull();
    expect(resolveRelativeDate('مارس الضغط على الحكومة', '2017-01-28')).toBeNull();
    expect(resolveRelativeDate('منذ ذلك اليوم', '2017-01-28')).toBeNull();
  });

  it('keeps relative times relative without a publication date', () => {
    expect(resolveRelativeDate('أمس', null)).toEqual({ start: null, end: null, precision: 'day', relative: true });
    expect(resolveRelativeDate('الشهر الماضي', null)).toMatchObject({ start: null, end: null, relative: true });
  });

  it('finds each expression with its offsets', () => {
    const text = 'وقال الوزير أمس إنه سيزور القاهرة الأسبوع المقبل';
    const found = resolveTimes(text, { start: 0, end: text.length }, '2020-02-03', 'ar');
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['أمس', 'الأسبوع المقبل']);
  });
});

describe('resolveRelativeDate (English, through chrono)', () => {
  it.each([
    ['yesterday', '2021-03-01', day('2021-02-28')],
    ['last Tuesday', '2021-03-03', day('2021-03-02')],
    ['on Monday', '2021-03-03', day('2021-03-01')],
    ['Friday', '1997-04-10', day('1997-04-04')],
    ['by Saturday', '1997-04-10', day('1997-04-12')],
    ['April 10, 1997', null, day('1997-04-10')],
  ])('resolveRelativeDate(%s, %s)', (expr, pub, want) => {
    expect(resolveRelativeDate(expr, pub, 'en')).toEqual(want);
  });

  it('gives weeks, months and years as intervals', () => {
    expect(resolveRelativeDate('next week', '2017-01-28', 'en')).toEqual({
      start: '2017-01-30',
      end: '2017-02-05',
      precision: 'range',
    });
    expect(resolveRelativeDate('last month', '2017-01-28', 'en')).toEqual({
      start: '2016-12-01',
      end: '2016-12-31',
      precision: 'month',
    });
    expect(resolveRelativeDate('in 1994', '1997-04-10', 'en')).toEqual({
      start: '1994-01-01',
      end: '1994-12-31',
      precision: 'year',
    });
    expect(resolveRelativeDate('in April', '2021-03-03', 'en')).toMatchObject({
      start: '2021-04-01',
      end: '2021-04-30',
      precision: 'month',
    });
  });

  it('keeps "yesterday" relative without a publication date', () => {
    expect(resolveRelativeDate('yesterday', null, 'en')).toMatchObject({ start: null, end: null, relative: true });
  });
});

describe('calendar', () => {
  it('weekdayNear goes strictly back for "last" and stays on the day for a bare weekday', () => {
    expect(weekdayNear('2017-01-28', 6, 'past')).toBe('2017-01-21');
    expect(weekdayNear('2017-01-28', 6, 'recent')).toBe('2017-01-28');
    expect(weekdayNear('2017-12-30', 1, 'future')).toBe('2018-01-01');
  });
  it('addMonths clamps to the month length', () => {
    expect(addMonths('2017-03-31', -1)).toBe('2017-02-28');
  });
});

describe('data/time-words.json', () => {
  it('has the month names Intl gives for ar-EG and ar-SY, and the weekdays of ar-EG', () => {
    for (const locale of ['ar-EG', 'ar-SY']) {
      const f = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const name = normalize(f.format(new Date(Date.UTC(2017, m, 15))));
        expect(timeWords.months.ar[m]!.map(normalize)).toContain(name);
      }
    }
    const w = new Intl.DateTimeFormat('ar-EG', { weekday: 'long', timeZone: 'UTC' });
    for (let d = 0; d < 7; d++)
      expect(timeWords.weekdays.ar[d]!.map(normalize)).toContain(normalize(w.format(new Date(Date.UTC(2017, 0, 1 + d)))));
  });
  it('has no month name twice', () => {
    const all = timeWords.months.ar.flat().map(normalize);
    expect(new Set(all).size).toBe(all.length);
  });
});
