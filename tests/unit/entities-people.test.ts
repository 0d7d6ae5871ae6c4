/** People without titles: given names, lists, shared family names, English honorifics (sentences are our own). */
import { describe, expect, it } from 'vitest';
import { entitiesOf } from './entityArticle';
import givenCommon from '../../src/pipeline/data/given-names-common.json';
import given from '../../src/pipeline/data/given-names.json';
import { normalize } from '../../src/search/normalize';

const run = (text: string, lang = 'ar') => entitiesOf(text, lang);
/** The people of a document, each as the list of its mention texts. */
const people = (doc: ReturnType<typeof run>) =>
  doc.entities
    .filter((e) => e.type === 'person')
    .map((e) => e.mentions.filter((m) => m.kind !== 'title').map((m) => doc.text.slice(m.start, m.end)));
const personTexts = (doc: ReturnType<typeof run>) => people(doc).flat();

describe('given-names-common.json', () => {
  it('is a list of single Arabic words, none repeated (its ambiguous list may mark names of given-names.json)', () => {
    const seen = new Set([...given.ar, ...given.ambiguous].map((w) => normalize(w)));
    const oldAmbiguous = new Set(given.ambiguous.map((w) => normalize(w)));
    const lists = [givenCommon.male, givenCommon.female, givenCommon.foreign, givenCommon.ambiguous];
    for (const [n, list] of lists.entries())
      for (const w of list) {
        expect(w).toMatch(/^[\u0621-\u064A\u0671]+$/u);
        expect(n === 3 ? oldAmbiguous.has(normalize(w)) : seen.has(normalize(w)), w).toBe(false);
        seen.add(normalize(w));
      }
    expect(lists.flat().length).toBeGreaterThan(250);
  });
});

describe('extractEntities: a known given name alone', () => {
  it('reads a given name right after a reporting verb as a person', () => {
    expect(personTexts(run('وفي ختام الجلسة قال خلدون إن الموعد سيحدد لاحقا.'))).toEqual(['خلدون']);
  });

  it('links a lone given name to the one person named in full with it', () => {
    const doc = run('وقدمت الشاعرة ميسون الدباغ ديوانها الجديد. وقالت ميسون إن القصائد كتبت في عام واحد.');
    expect(people(doc)).toEqual([['ميسون الدباغ', 'ميسون']]);
  });

  it('leaves a lone given name alone when two people named in the text share it', () => {
    const doc = run('وحضر رامز عيسى ورامز الحلبي الأمسية. وقرأ رامز قصيدة.');
    expect(personTexts(doc)).not.toContain('رامز');
  });

  it('does not read a name that is also a common word alone: عن عمر يناهز، بهدف وحيد', () => {
    expect(personTexts(run('وتوفي الشاعر عن عمر يناهز الثمانين. وانتهت المباراة بهدف وحيد في الدقيقة الأخيرة.'))).toEqual([]);
  });

  it('does not read a common word behind a clitic as an ambiguous given name: بنجاح، وجود', () => {
    expect(personTexts(run('واختتمت الدورة بنجاح كبير رغم وجود صعوبات.'))).toEqual([]);
  });

  it('does not read a given name in construct after a noun: بوابة فاطمة', () => {
    expect(personTexts(run('ووصل الوفد إلى بوابة فاطمة صباح الأحد.'))).toEqual([]);
  });

  it('does not read `الآن` (آلان once folded) as a name', () => {
    expect(personTexts(run('ولا يعرف مكانه حتى الآن.'))).toEqual([]);
  });
});

describe('extractEntities: names in a list after a person', () => {
  it('reads the next items of a list with و, closed by punctuation or the next item', () => {
    const doc = run('وشارك في الأمسية سلوى الخطيب وكارلو منتيني وياروسلاف بيك، وقرأ كل منهم قصيدة.');
    expect(people(doc)).toEqual([['سلوى الخطيب'], ['كارلو منتيني'], ['ياروسلاف بيك']]);
  });

  it('does not read a noun and its adjective after a person as a list item', () => {
    const doc = run('ورفض الوزير سامر الحلبي ومواقف حكومته المعلنة أي تفاوض.');
    expect(personTexts(doc)).toEqual(['سامر الحلبي']);
  });
});

describe('extractEntities: two people sharing a family name', () => {
  it('keeps them apart and gives a later bare mention to the one named last', () => {
    const doc = run('وقالت رنا القاسمي إن الأمسية نجحت. أما شقيقها هشام القاسمي فعرض ديوانه، وقال القاسمي إنه كتبه في الغربة.');
    expect(people(doc)).toEqual([['رنا القاسمي'], ['هشام القاسمي', 'القاسمي']]);
  });

  it('gives an East Asian family name to the person mentioned last, by any of their mentions', () => {
    const doc = run(
      'والتقى وزير الخارجية الكوري الجنوبي بارك سو هان في سيول وزير الدفاع الكوري الجنوبي بارك جي سونغ. وقال بارك إن الجيش مستعد. وقال بارك سو هان إن الحوار مفيد. وأضاف بارك أن الجولة المقبلة في بكين.',
    );
    expect(people(doc)).toEqual([
      ['بارك سو هان', 'بارك سو هان', 'بارك'],
      ['بارك جي سونغ', 'بارك'],
    ]);
  });
});

describe('extractEntities: English honorifics', () => {
  it('repeats a one-word name after Mr./Ms. as the same person, possessives included', () => {
    const doc = run("Mr. Haddad said the talks would resume. Haddad later met Ms. Okafor, and Okafor's aide agreed.", 'en');
    expect(people(doc)).toEqual([
      ['Haddad', 'Haddad'],
      ['Okafor', 'Okafor'],
    ]);
  });
});

describe('extractEntities: compound given names with الدين', () => {
  it('reads a family name after `X الدين`', () => {
    expect(personTexts(run('وأخرج الفيلم بهاء الدين منصوري، وكتب قصته آخرون.'))).toEqual(['بهاء الدين منصوري']);
  });
});

describe('extractEntities: lineage and tribal names', () => {
  it('reads a tribal name in ي after the family name', () => {
    const doc = run('وشارك في اللقاء سعود الحربي ومحمد عبدالله العبيد الشمري، ثم غادر الوفد.');
    expect(personTexts(doc)).toContain('محمد عبدالله العبيد الشمري');
  });

  it('does not take a nationality adjective after a family name for a tribal name', () => {
    const doc = run('وقال خلدون الحمصي السوري إن الحفل تأجل.');
    expect(personTexts(doc)).toEqual(['خلدون الحمصي']);
  });

  it('reads علي before بن as a name, not as على, and leaves its و out', () => {
    expect(personTexts(run('كما تحدث وعلي بن حسن الشهري عن التجربة.'))).toEqual(['علي بن حسن الشهري']);
  });
});

describe('extractEntities: a list item with a family name in ال', () => {
  it('reads three name words, the last with the article, after a person (`وجارالله سليم الجارالله`)', () => {
    const doc = run('وصدرت الأحكام بحق سلوى الخطيب وعطاالله منير العطاالله، غير أن المحامين طعنوا فيها.');
    expect(people(doc)).toEqual([['سلوى الخطيب'], ['عطاالله منير العطاالله']]);
  });
});

describe('extractEntities: given names written with a hamza on the alef', () => {
  it('reads ألبرت, إلياس as names (the article is written with a bare alef), and not الآن', () => {
    const doc = run('وأجرى ألبرت كرامر محادثات في المدينة حتى الآن، وقال إلياس إن الاتفاق قريب.');
    expect(personTexts(doc)).toEqual(['ألبرت كرامر', 'إلياس']);
  });
});

describe('extractEntities: علي inside a name', () => {
  it('reads `محمد علي` before a family name in ي, not before a common noun', () => {
    expect(personTexts(run('وحضر اللقاء السيد محمد علي العظمي وفعاليات جهوية.'))).toEqual(['محمد علي العظمي']);
    expect(personTexts(run('ووقع المدير محمد علي الاتفاق الجديد.'))).not.toContain('محمد علي الاتفاق');
  });
});

describe('extractEntities: a given name after a verb in the imperfect', () => {
  it('reads it after يـ, not after a verbal noun in تـ', () => {
    expect(personTexts(run('وفي المساء يعود كارلو إلى بيته.'))).toEqual(['كارلو']);
    expect(personTexts(run('ولا يعرف أحد تاريخ إبراهيم في المدينة.'))).toEqual([]);
  });
});

describe('extractEntities: English place names that start with an adjective', () => {
  it('keeps `Indian Ocean` whole as a place instead of a person `Ocean`', () => {
    const doc = run('Fishing fleets work the Indian Ocean all year.', 'en');
    expect(doc.entities.map((e) => `${e.type}:${doc.text.slice(e.mentions[0]!.start, e.mentions[0]!.end)}`)).toEqual([
      'place:Indian Ocean',
    ]);
  });
});

describe('extractEntities: a verbal noun with the article after a name', () => {
  it('ends the name (`ومنح هنري التقدم`), but a given name with the article does not (`أحمد التوفيق`)', () => {
    expect(personTexts(run('ومنح المهاجم فيليب موريل التقدم لفريقه في الدقيقة العاشرة.'))).toEqual(['فيليب موريل']);
    expect(personTexts(run('وكان في استقباله الدكتور أحمد التوفيق وزير الأوقاف.'))).toEqual(['أحمد التوفيق']);
  });
});

describe('extractEntities: a name after a noun that takes a person', () => {
  it('reads `قضية رائف بدوي`-like names, not `قضية تهريب أسلحة`', () => {
    expect(personTexts(run('وتعود قضية كريمو دلال إلى عام 2012، كما بحث المجلس قضية تهريب أسلحة.'))).toEqual(['كريمو دلال']);
  });
});

describe('extractEntities: علي alone after an honorific', () => {
  it('reads `الإمام علي` before و or punctuation, not `على` after a noun', () => {
    expect(personTexts(run('واستطاع الإمام علي ورجاله أن يحققوا النصر.'))).toEqual(['علي']);
    expect(personTexts(run('وتعرف الفريق علي المكان الجديد.'))).toEqual([]);
  });
});

describe('extractEntities: a known surname the text gives to someone it names in full', () => {
  it('links a bare known surname to the person named in full with it, not to the gazetteer namesake', () => {
    const doc = run(
      'Former prime minister Rafik Hariri was killed in Beirut in 2005. Hariri had rebuilt the centre of the city.',
      'en',
    );
    const ids = doc.entities.filter((e) => e.type === 'person').map((e) => e.id);
    expect(ids).toEqual(['person:rafik-hariri']);
    expect(people(doc)).toEqual([['Rafik Hariri', 'Hariri']]);
  });

  it('leaves the word to a known person the text names in full or titles', () => {
    for (const who of ['President Trump', 'Donald Trump']) {
      const doc = run(
        `Ivanka Trump visited Seoul on Friday. ${who} said the visit went well. Trump also praised the hosts.`,
        'en',
      );
      const donald = doc.entities.find((e) => e.id === 'person:donald-trump');
      expect(donald?.mentions.filter((m) => doc.text.slice(m.start, m.end) === 'Trump').length, who).toBe(
        who === 'Donald Trump' ? 1 : 2,
      );
      expect(doc.entities.find((e) => e.id === 'person:ivanka-trump')?.mentions).toHaveLength(1);
    }
  });
});

describe('extractEntities: a given name right after a name the rules read', () => {
  it('is the next link of that name, not a second person', () => {
    const doc = run('وقال المدير التنفيذي للشركة عثمان الطيب حمدان إن المشروع سيربط مئتي قرية بالإنترنت.');
    expect(people(doc)).toEqual([['عثمان الطيب حمدان']]);
  });
});
