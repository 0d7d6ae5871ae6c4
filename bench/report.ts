/** bench/results.md from the results: tables per part, ratios to Pagefind and TimelineJS, the targets. */
import type { DiagramResult, DiagramState } from './diagram';
import type { BenchResults, CorpusRun } from './run';
import { round } from './stats';

const kb = (b: number | undefined | null) => (b == null || Number.isNaN(b) ? 'n/a' : `${round(b / 1024)} KB`);
const ms = (x: number | undefined | null) => (x == null || Number.isNaN(x) ? 'n/a' : `${round(x)} ms`);
const num = (x: number | undefined | null) => (x == null || Number.isNaN(x) ? 'n/a' : String(round(x)));
const ratio = (a: number | undefined | null, b: number | undefined | null) =>
  a == null || b == null || !b || Number.isNaN(a) || Number.isNaN(b) ? 'n/a' : `${round(a / b)}×`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function verdict(ok: boolean | null, value: string): string {
  return ok === null ? `n/a (${value})` : `${ok ? 'meets' : '**misses**'}: ${value}`;
}

function targets(runs: CorpusRun[], diagram?: DiagramResult): string[][] {
  const seed = runs.find((r) => r.name === 'seed');
  const largest = runs[runs.length - 1];
  const tenK = runs.find((r) => r.name === '10000');
  // The page's own language, in which the first view is prerendered; English beside it.
  const fp = seed?.app?.firstContentfulPaintArMs ?? seed?.app?.firstContentfulPaintMs ?? null;
  const ks = tenK?.app?.keystrokeMedianMs ?? null;
  const proxy = tenK?.engines?.isnad.keystrokeMedianMs ?? null;
  const maxEntities = Math.max(0, ...runs.map((r) => r.pipeline?.distinctEntities ?? 0));
  const graph = runs.filter((r) => r.app?.graphNodes != null);
  const oneCore = runs
    .filter((r) => r.pipeline?.pinnedToOneCore && r.documents >= 100)
    .map((r) => ({ documents: r.documents, docsPerSecond: r.pipeline!.docsPerSecond }));
  return [
    [
      'first-view JavaScript ≤ 100 KB gzip, corpus excluded (seed)',
      verdict(seed?.firstView ? seed.firstView.appJsGzip <= 100 * 1024 : null, kb(seed?.firstView?.appJsGzip)),
    ],
    [
      'single-file isnad.html ≤ 600 KB (seed)',
      verdict(seed?.singleFileBytes != null ? seed.singleFileBytes <= 600 * 1024 : null, kb(seed?.singleFileBytes)),
    ],
    [
      'first paint < 1 s, CPU 4× (seed; first contentful paint)',
      verdict(
        fp === null ? null : fp < 1000,
        `${ms(fp)} in Arabic; in English ${ms(seed?.app?.firstContentfulPaintMs)} (both prerendered; the English view swapped in by the page before its first paint)`,
      ),
    ],
    [
      'search per keystroke < 16 ms median at 10,000 documents',
      verdict(
        ks !== null ? ks < 16 : proxy !== null && tenK ? proxy < 16 : null,
        ks !== null
          ? `the explorer, keystroke to results drawn: ${ms(ks)}; the engine, query sent to hits back on the page: ${ms(proxy)}, in its worker ${ms(tenK?.engines?.isnad.engineKeystrokeMedianMs)}`
          : `the engine in its worker, query sent to hits back on the page: ${ms(proxy)} (in the worker ${ms(tenK?.engines?.isnad.engineKeystrokeMedianMs)}; the explorer page is not built at 10,000)${tenK ? '' : ' (not run at 10,000)'}`,
      ),
    ],
    diagram?.all
      ? [
          'diagram interactive at 2,000 entities (pan ≥ 30 fps, CPU 4×)',
          verdict(
            (diagram.all.panFps ?? 0) >= 30,
            `${diagram.all.nodesDrawn} nodes and ${diagram.all.edgesDrawn} edges drawn: pan ${num(diagram.all.panFps)} fps, zoom ${num(diagram.all.zoomFps)} fps (as it opens, ${diagram.initial.nodesDrawn} nodes: pan ${num(diagram.initial.panFps)} fps); in the app: ${graph.map((r) => `${r.name} ${r.app!.graphNodes} nodes, ${num(r.app!.panFps)} fps`).join('; ') || 'n/a'}`,
          ),
        ]
      : [
          'diagram interactive at 2,000 entities',
          verdict(
            graph.length ? graph.every((r) => (r.app!.panFps ?? 0) >= 30) : null,
            graph.length
              ? graph.map((r) => `${r.name}: ${r.app!.graphNodes} nodes, ${num(r.app!.panFps)} fps`).join('; ')
              : `no diagram on the page yet; up to ${maxEntities} distinct entities extracted`,
          ),
        ],
    [
      'pipeline ≥ 200 documents/s on one core',
      // Throughput is what a large build sees: the largest corpus run on one core decides. A run of 100
      // documents lasts about a second, most of it V8 compiling the pipeline; it is listed, not hidden.
      verdict(
        oneCore.length ? oneCore[oneCore.length - 1]!.docsPerSecond >= 200 : null,
        `${oneCore.map((x) => `${num(x.docsPerSecond)} at ${x.documents}`).join(', ')} documents, docs/s on one core (the largest decides: at 100 a one-second run is mostly compiling; ${largest?.name}: ${num(largest?.pipeline?.pool?.docsPerSecond)} with the worker pool on ${largest?.pipeline?.pool?.cores ?? '?'} cores)`,
      ),
    ],
  ];
}

/** The diagram alone at 2,000 entities (bench/diagram.ts). */
function diagramSection(d: DiagramResult | undefined): string[] {
  if (!d) return [];
  const states: [string, DiagramState | null][] = [
    ['as it opens (most connected first)', d.initial],
    ['every entity drawn ("show all")', d.all],
  ];
  return [
    `## The diagram alone: ${d.entities} entities, ${d.relations} relations (GraphView in bench/pages/graph.html, synthetic graph from bench/graphCorpus.ts)`,
    '',
    `Layout at build time (Node): ${ms(d.layoutMs)}. In Chromium, CPU 4×: first render ${ms(d.firstRenderMs)}; "show all" drawn in ${ms(d.showAllMs)}. Pan: 60 mouse moves dragging from an empty point; zoom: 40 wheel steps; select: a click until the node is pressed and a frame is drawn.`,
    '',
    table(
      ['state', 'nodes drawn', 'edges drawn', 'pan fps', 'zoom fps', 'select'],
      states.flatMap(([name, x]) =>
        x ? [[name, String(x.nodesDrawn), String(x.edgesDrawn), num(x.panFps), num(x.zoomFps), ms(x.selectMs)]] : [],
      ),
    ),
    ...(d.notes.length ? ['', ...d.notes.map((n) => `- ${n}`)] : []),
    '',
  ];
}

/** The Markdown report. */
export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const runs = r.runs;
  const out: string[] = [
    '# Isnad benchmark results',
    '',
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (quick)' : ''} in ${Math.round(r.totalSeconds)} s on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.chromium} (headless, CPU throttled 4× through the DevTools protocol, served from 127.0.0.1, no network throttling). Commit ${m.commit}${m.dirtySources ? ' with uncommitted changes under src/' : ''}. Synthetic corpora from seed ${r.seed} (bench/corpus.ts); "seed" is seeds/. ${r.judgments}.${r.searchOnly ? ` Search engines: ${r.searchOnly}.` : ''}`,
    '',
    'The machine is shared and noisy: compare the ratios, not the absolute times. Times in the page are medians (first paint over 3 loads).',
    '',
    '## Targets',
    '',
    table(['target', 'result'], targets(runs, r.diagram)),
    '',
    '## Pipeline (buildCorpus in a child process pinned to one core; then buildCorpusParallel, the main thread and a worker thread, pinned to two cores, no cache; at 10,000 only the latter)',
    '',
    table(
      [
        'corpus',
        'documents',
        'docs/s, one core',
        'peak RSS',
        'docs/s, pool on 2 cores',
        'peak RSS (pool)',
        'sentences',
        'entity mentions',
        'distinct entities',
        'statements',
        'corpus JSON',
        'corpus gzip',
      ],
      runs.map((x) => {
        const p = x.pipeline;
        return [
          x.name,
          num(x.documents),
          p && !p.pool ? num(p.docsPerSecond) : p?.pinnedToOneCore ? num(p.docsPerSecond) : 'not run',
          p?.pinnedToOneCore || (p && !p.pool) ? `${round(p.maxRssBytes / 2 ** 20)} MB` : 'n/a',
          p?.pool ? num(p.pool.docsPerSecond) : 'n/a',
          p?.pool ? `${round(p.pool.maxRssBytes / 2 ** 20)} MB` : 'n/a',
          num(p?.sentences),
          num(p?.entityMentions),
          num(p?.distinctEntities),
          num(p?.statements),
          kb(p?.corpusJsonBytes),
          kb(p?.corpusGzipBytes),
        ];
      }),
    ),
    '',
    "## The explorer in Chromium (first view prerendered; a manifest, then each document's file when it is opened)",
    '',
    table(
      [
        'corpus',
        'first-view JS gzip (app / corpus data, files)',
        'CSS gzip',
        'first paint',
        'first contentful paint (ar / en)',
        'reader drawn',
        'interactive (hydrated)',
        'fetched before interactive, gzip (all / corpus data, files)',
        'search answers',
        'keystroke median / p95',
        'diagram first render',
        'timeline first render',
        'pan fps',
      ],
      runs.map((x) => {
        const f = x.firstView;
        const a = x.app;
        return [
          x.name,
          f
            ? `${kb(f.appJsGzip)} / ${f.dataFiles ? `${kb(f.dataGzip)}, ${f.dataFiles}` : `${kb(f.jsGzip - f.appJsGzip)} inlined`}`
            : 'n/a',
          kb(f?.cssGzip),
          ms(a?.firstPaintMs),
          `${ms(a?.firstContentfulPaintArMs)} / ${ms(a?.firstContentfulPaintMs)}`,
          ms(a?.readerMs),
          ms(a?.appMeasures['isnad:mounted']),
          a?.beforeInteractive
            ? `${kb(a.beforeInteractive.gzipBytes)} / ${kb(a.beforeInteractive.dataGzipBytes)}, ${a.beforeInteractive.dataFiles}`
            : 'n/a',
          ms(a?.searchAnswersMs),
          a?.keystrokeMedianMs != null ? `${ms(a.keystrokeMedianMs)} / ${ms(a.keystrokeP95Ms)}` : 'n/a',
          ms(a?.graphFirstRenderMs),
          ms(a?.timelineFirstRenderMs),
          num(a?.panFps),
        ];
      }),
    ),
    '',
    "## Search side by side: Isnad (the app's engine in its worker, see below) and Pagefind, same documents, same queries",
    '',
    table(
      [
        'corpus',
        'engine',
        'index raw / as sent',
        'search code gzip',
        'ready',
        'first query',
        'first answer from page load',
        'bytes for a first query',
        'bytes in all',
        'keystroke median / p95 (page)',
        'in the worker: median / p95',
        'recall@10 (found / quotes)',
      ],
      runs.flatMap((x) => {
        const e = x.engines;
        if (!e) return [];
        const line = (name: string, s: typeof e.isnad) => [
          x.name,
          name,
          `${kb(s.indexRaw)} / ${kb(s.indexGzip)}`,
          kb(s.runtimeGzip),
          ms(s.readyMedianMs),
          ms(s.firstQueryMedianMs),
          s.firstAnswerMedianMs == null ? '–' : ms(s.firstAnswerMedianMs),
          kb(s.bytesPerQueryMedian) + (s.filesPerQueryMedian == null ? '' : ` (${s.filesPerQueryMedian} files)`),
          kb(s.bytesTotalMedian),
          `${ms(s.keystrokeMedianMs)} / ${ms(s.keystrokeP95Ms)}`,
          s.engineKeystrokeMedianMs == null ? '–' : `${ms(s.engineKeystrokeMedianMs)} / ${ms(s.engineKeystrokeP95Ms)}`,
          s.recall == null ? 'n/a' : `${num(s.recall)} (${s.recallFound} / ${s.recallQuotes})`,
        ];
        const i = e.isnad;
        const p = e.pagefind;
        return [
          line('Isnad', i),
          line('Pagefind', p),
          [
            x.name,
            '**Isnad / Pagefind**',
            `– / ${ratio(i.indexGzip, p.indexGzip)}`,
            ratio(i.runtimeGzip, p.runtimeGzip),
            ratio(i.readyMedianMs, p.readyMedianMs),
            ratio(i.firstQueryMedianMs, p.firstQueryMedianMs),
            '–',
            ratio(i.bytesTotalMedian, p.bytesTotalMedian),
            `${ratio(i.keystrokeMedianMs, p.keystrokeMedianMs)} / ${ratio(i.keystrokeP95Ms, p.keystrokeP95Ms)}`,
            '–',
            i.recall != null && p.recall != null ? ratio(i.recall, p.recall) : 'n/a',
          ],
        ];
      }),
    ),
    '',
    '## Timeline side by side: Isnad and TimelineJS, same statements',
    '',
    table(
      [
        'corpus',
        'statements',
        'TimelineJS JS+CSS gzip',
        'TimelineJS bytes fetched (raw)',
        'TimelineJS first render',
        'Isnad first-view JS+CSS gzip (all views)',
        'Isnad timeline first render',
        'Isnad / TimelineJS bytes',
        'Isnad / TimelineJS first render',
      ],
      runs.flatMap((x) => {
        const t = x.timelinejs;
        if (!t) return [];
        const isnadBytes = x.firstView ? x.firstView.appJsGzip + x.firstView.cssGzip : null;
        const tlBytes = t.jsGzip + t.cssGzip;
        return [
          [
            x.name,
            `${t.statements} (${t.statementsFrom})`,
            kb(tlBytes),
            kb(t.bytesFetched),
            t.firstSlideMs == null ? `over ${(t.giveUpMs ?? 45_000) / 1000} s (gave up)` : ms(t.firstSlideMs),
            kb(isnadBytes),
            ms(x.app?.timelineFirstRenderMs),
            ratio(isnadBytes, tlBytes),
            ratio(x.app?.timelineFirstRenderMs, t.firstSlideMs),
          ],
        ];
      }),
    ),
    '',
    ...diagramSection(r.diagram),
    '## Notes',
    '',
    "- **Isnad's search** is the app's own engine over the sharded index the main build emits (`buildSearchShards`, as the Vite plugin calls it, with the gazetteer's names: a meta file, term shards by first letters, term lists by length, entity and document files; docs/search.md), loaded in a page of its own (bench/pages/isnad.ts) by the app's worker client (`startSearchWorker`, src/search/workerClient.ts), which hands the worker the meta file's URL and nothing else. *Ready* runs from the page's script to the worker holding the meta file; *first query* from the query posted to the hits back with their text (the first 12 per group, as the panel asks; the shards, entities and documents it needs fetched on the way); *first answer from page load* from navigation start to that answer, the query asked as soon as the engine is ready. Bytes and files for Isnad are the worker's requests (taken from the browser, as a worker's fetches are not in the page's resource timing) counted at their gzip size. *Keystroke (page)* runs from the query posted to the hits back on the page (snippets not drawn; the explorer table measures the drawn results where the page is built); *in the worker* is the worker's time, shards fetched included. Chromium's CPU throttling slows workers as it slows the page (checked with a fixed loop: 3.6× on both at 4×). Pagefind: `createIndex` + `addCustomRecord` per document (language from the metadata: one index per language), its runtime `pagefind.js` in the page; a search counts the data of the first 10 results, as a results list needs them.",
    '- **Recall@10** (seed, on the judged queries of tests/fixtures/search-judgments.json, which quote passages of the seed): a quote counts as found when one of the first ten passage hits contains its first character. Isnad: its passage results (what the panel lists under Passages). Pagefind returns pages, and the seed is one page, so it gets a second index of the same sentences, one record each (URL `/p/<doc>/<start>/<end>`), and its first ten results are the hits. Per query, found / min(10, quotes); the mean over queries; the counts are quotes found of quotes judged.',
    "- **Bytes**: Isnad's index is counted raw and gzip (level 6, as a static host would send it); Pagefind's index chunks are gzip on disk and counted as they are. \"Bytes in all\" is everything the search page fetched from navigation through the first query, as the bench's server sent it (uncompressed, except Isnad's index files, which its worker fetched and which are counted at their gzip size). Isnad's page holds no corpus.",
    '- **TimelineJS** gets the pipeline\'s dated statements, or the generator\'s own statements (marked "generator") while the pipeline finds none; it draws a slide per statement.',
    ...runs.flatMap((x) => [
      ...(x.app?.notes.length ? [`- ${x.name}: ${[...new Set(x.app.notes)].join('; ')}.`] : []),
      ...x.skipped.map((s) => `- ${x.name}: skipped ${s}.`),
      ...x.errors.map((s) => `- ${x.name}: **error** ${s}.`),
    ]),
    '',
  ];
  return out.join('\n');
}
