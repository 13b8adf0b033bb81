// The analysis worker: one bundle that runs as a Node worker thread and as a Web Worker, answering as the engine
// does in-process; requests for a document replaced by a newer one are dropped before they start.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { analyze } from '../../src/core';
import { crossCheck } from '../../src/core/cross/crossdoc';
import { Cancelled, Engine, inProcess } from '../../src/extension/engine';
import {
  articleHash,
  CHUNK,
  EngineState,
  type FromWorker,
  PART_SIZE,
  serveEngine,
  type ToWorker,
} from '../../src/worker/engineServer';
import { ROOT } from './paths';

const BUNDLE = join(ROOT, 'dist/engineWorker.js');
const A = 'Harbour master Ilse Brandvik said on Tuesday that the pier at Kettlewick would stay shut until March.';
const B = 'The pier at Kettlewick will reopen in May, a council spokesman told the Gullhaven Courier on Wednesday.';

describe('the analysis worker', function () {
  this.timeout(20000);

  it('answers in a Node worker thread as the engine does in-process, and checks the articles it keeps', async () => {
    const engine = new Engine(async () => {
      const { Worker } = await import('node:worker_threads');
      const w = new Worker(BUNDLE);
      return {
        postMessage: (m, transfer) => w.postMessage(m, transfer),
        onMessage: f => {
          w.on('message', f);
        },
        onExit: () => undefined,
        terminate: () => void w.terminate(),
      };
    });
    try {
      assert.deepEqual(await engine.analyze(A, { published: '2024-02-06' }), analyze(A, { published: '2024-02-06' }));
      assert.equal(await engine.article('a', A, { published: '2024-02-06' }, undefined, 'hash-a'), null);
      assert.equal(await engine.article('b', B, { published: '2024-02-07' }), null);
      const a = analyze(A, { published: '2024-02-06' });
      const b = analyze(B, { published: '2024-02-07' });
      // The analyses stay in the worker; the host asks for them when it needs them.
      assert.deepEqual(await engine.kept(['a', 'b', 'gone']), [
        { text: A, analysis: a },
        { text: B, analysis: b },
        null,
      ]);
      const counts = await engine.cross(
        [
          { key: 'a', doc: 'a.txt', label: 'Wire' },
          { key: 'b', doc: 'b.txt', label: 'Courier' },
        ],
        {},
      );
      const want = crossCheck([
        { doc: 'a.txt', label: 'Wire', text: A, analysis: a },
        { doc: 'b.txt', label: 'Courier', text: B, analysis: b },
      ]);
      // The result stays in the worker: the host gets its counts, and asks for the rest.
      assert.deepEqual(counts, {
        documents: 2,
        sources: want.sources.length,
        claims: want.claims.length,
        conflicts: want.conflicts.length,
      });
      assert.deepEqual(await engine.result(), want);
      assert.deepEqual(await engine.page('sources', 0, 1), want.sources.slice(0, 1));
      assert.equal(engine.where, 'worker');
      // The cache file's bytes come across whole (moved, not copied).
      const bytes = await engine.saveCache();
      assert.deepEqual(JSON.parse(new TextDecoder().decode(bytes!)), { 'hash-a': a });
    } finally {
      engine.dispose();
    }
  });

  it('runs the same bundle as a Web Worker (a global `self` with postMessage and onmessage, no Node)', async () => {
    const answers: FromWorker[] = [];
    const self: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: FromWorker): void } = {
      onmessage: null,
      postMessage: m => answers.push(m),
    };
    runInNewContext(readFileSync(BUNDLE, 'utf8'), {
      self,
      setTimeout,
      clearTimeout,
      console,
      TextEncoder,
      TextDecoder,
      Intl,
    });
    assert.equal(typeof self.onmessage, 'function', 'the worker listens on self.onmessage');
    self.onmessage!({ data: { id: 1, req: { op: 'analyze', text: A, opts: { published: '2024-02-06' } } } });
    await new Promise(r => setTimeout(r, 50));
    assert.equal(answers.length, 1);
    assert.ok('ok' in answers[0] && answers[0].ok);
    // Compared through JSON: the objects come from another realm.
    assert.deepEqual(
      JSON.parse(JSON.stringify((answers[0] as { value: unknown }).value)),
      JSON.parse(JSON.stringify(analyze(A, { published: '2024-02-06' }))),
    );
  });

  it('drops a stale request for a document when a newer one comes before it started', async () => {
    const engine = new Engine(async () => inProcess());
    const first = engine.analyze(A, {}, 'doc');
    const second = engine.analyze(A + ' ' + B, {}, 'doc');
    const other = engine.analyze(B, {}, 'other');
    await assert.rejects(first, (e: Error) => e instanceof Cancelled);
    assert.deepEqual((await second).entities, analyze(A + ' ' + B).entities);
    assert.deepEqual(await other, analyze(B));
    await engine.idle();
  });

  it('keeps many articles given in one message, and answers an editor request sent after them before they are all analysed', async () => {
    const engine = new Engine(async () => inProcess());
    const order: string[] = [];
    const batch = engine
      .articles([
        { name: 'a', text: A, opts: { published: '2024-02-06' }, hash: 'hash-a' },
        { name: 'b', text: B, opts: { published: '2024-02-07' } },
        { name: 'c', text: `${B} ${A}`, opts: {} },
      ])
      .then(v => (order.push('articles'), v));
    const editor = engine.analyze(B, {}, 'open.txt').then(v => (order.push('editor'), v));
    assert.deepEqual(await batch, [null, null, null]);
    assert.deepEqual(await editor, analyze(B));
    assert.deepEqual(order, ['editor', 'articles']);
    assert.deepEqual(await engine.kept(['a', 'b', 'c']), [
      { text: A, analysis: analyze(A, { published: '2024-02-06' }) },
      { text: B, analysis: analyze(B, { published: '2024-02-07' }) },
      { text: `${B} ${A}`, analysis: analyze(`${B} ${A}`) },
    ]);
    assert.deepEqual(await engine.articles([]), []);
  });

  it('reads the articles given by path itself when it can read files, and tells which it could not', async () => {
    const enc = new TextEncoder();
    const disk = new Map<string, Uint8Array>([
      ['/news/a.txt', enc.encode(`\uFEFF${A}`)],
      ['/news/big.txt', enc.encode(`${A} ${B}`)],
      ['/news/odd.bin', new Uint8Array([65, 0, 66])],
    ]);
    const reader = (files?: { read(p: string): Uint8Array; write(): void }) =>
      new Engine(async () => {
        let toClient: (m: FromWorker) => void = () => undefined;
        let toServer: (m: ToWorker) => void = () => undefined;
        serveEngine(
          f => (toServer = f),
          m => toClient(m),
          undefined,
          files,
        );
        return {
          postMessage: m => toServer(m),
          onMessage: f => (toClient = f),
          onExit: () => undefined,
          terminate: () => undefined,
        };
      });
    const files = {
      read: (p: string) => {
        const b = disk.get(p);
        if (!b) throw new Error(`ENOENT: no such file, open '${p}'`);
        return b;
      },
      write: () => undefined,
    };
    const engine = reader(files);
    assert.equal(await engine.readsFiles(), true);
    const opts = { published: '2024-02-06' };
    const item = (name: string) => ({ name, opts, path: `/news/${name}`, limit: A.length + 10, engine: 'v1' });
    const answers = await engine.articles([item('a.txt'), item('big.txt'), item('odd.bin'), item('gone.txt')]);
    // (the byte order mark is no part of the text: the same hash as the editor's text of the file)
    assert.deepEqual(answers.slice(0, 3), [{ hash: articleHash('v1', opts, A) }, { skipped: true }, { skipped: true }]);
    assert.match((answers[3] as { error: string }).error, /ENOENT/);
    assert.deepEqual(await engine.kept(['a.txt', 'big.txt', 'gone.txt']), [
      { text: A, analysis: analyze(A, opts) },
      null,
      null,
    ]);
    // A worker that cannot read files says so (the index then reads the articles and gives their texts).
    assert.equal(await reader().readsFiles(), false);
  });

  it('sends a long list of an answer in parts, and puts it together again', async () => {
    const text = Array.from({ length: CHUNK + 60 }, (_, i) => `Norway and Chile signed treaty ${i + 1}.`).join(' ');
    const want = analyze(text);
    assert.ok(want.entities.length > CHUNK, `${want.entities.length} entities`);
    const seen: FromWorker[] = [];
    const engine = new Engine(async () => {
      const w = inProcess();
      return {
        ...w,
        onMessage: f =>
          w.onMessage(m => {
            seen.push(m);
            f(m);
          }),
      };
    });
    assert.deepEqual(await engine.analyze(text, {}), want);
    assert.ok(seen.filter(m => 'chunk' in m).length >= 2, 'the entities came in parts');
  });

  it('sends the next part of a long answer only when the receiver asks, each part of bounded size', async () => {
    // Long quotations, so that the size bounds a part before the count does.
    const text = Array.from(
      { length: 400 },
      (_, i) =>
        `“The ferry from Quillby to the outer islands will run twice a day from spring, and tickets will cost less than before, with number ${i + 1} the last to change,” said harbour official Marit Osk.`,
    ).join(' ');
    const sent: FromWorker[] = [];
    let toServer: (m: ToWorker) => void = () => undefined;
    serveEngine(
      f => {
        toServer = f;
      },
      m => sent.push(m),
    );
    toServer({ id: 1, req: { op: 'analyze', text, opts: {} } });
    await new Promise(r => setTimeout(r, 20));
    assert.equal(sent.length, 1, 'one part, then the worker waits');
    assert.ok('chunk' in sent[0]);
    while (!('ok' in sent[sent.length - 1])) {
      toServer({ id: 1, next: true });
      assert.ok(sent.length < 1000);
    }
    for (const m of sent)
      if ('chunk' in m)
        assert.ok(m.chunk.items.length === 1 || JSON.stringify(m.chunk.items).length < PART_SIZE * 1.5, 'a small part');
    const engine = new Engine(async () => inProcess());
    assert.deepEqual(await engine.analyze(text, {}), analyze(text));
  });

  it('keeps the analysis cache in the worker: saved as bytes, read back, and used for an article of that hash', async () => {
    const first = new Engine(async () => inProcess());
    await first.article('a', A, { published: '2024-02-06' }, undefined, 'hash-a');
    const [{ analysis: a }] = (await first.kept(['a'])) as { analysis: unknown }[];
    assert.deepEqual(a, analyze(A, { published: '2024-02-06' }));
    const bytes = await first.saveCache();
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual(Object.keys(JSON.parse(new TextDecoder().decode(bytes))), ['hash-a']);
    assert.equal(await first.saveCache(), null, 'nothing new since: nothing to write');
    // Another worker reads it, and takes the analysis of that hash from it, whatever the text (it is not analysed).
    const second = new Engine(async () => inProcess());
    assert.equal(await second.loadCache(bytes), 1);
    await second.article('b', B, {}, undefined, 'hash-a');
    await second.article('c', B, {}, undefined, 'hash-c');
    const [b, c] = await second.kept(['b', 'c']);
    assert.deepEqual(b?.analysis, a);
    assert.notDeepEqual(c?.analysis, a);
  });

  it('writes and reads the cache file itself where it can (a Node worker), so that its bytes never visit the host', () => {
    const disk = new Map<string, Uint8Array>();
    const files = { read: (p: string) => disk.get(p)!, write: (p: string, b: Uint8Array) => void disk.set(p, b) };
    const first = new EngineState(files);
    first.handle({ op: 'article', name: 'a', text: A, opts: {}, hash: 'hash-a' });
    const n = first.handle({ op: 'writeCache', path: '/store/analyses.json' }) as number;
    assert.equal(n, disk.get('/store/analyses.json')?.length);
    assert.equal(first.handle({ op: 'writeCache', path: '/store/analyses.json' }), 0, 'nothing new: nothing written');
    assert.equal(new EngineState(files).handle({ op: 'readCache', path: '/store/analyses.json' }), 1);
    // A Web Worker has no files: the host reads and writes them.
    assert.equal(new EngineState().handle({ op: 'writeCache', path: '/store/analyses.json' }), -1);
  });

  it('says where it runs when no worker can start (on the extension host)', async () => {
    const engine = new Engine(async () => null);
    assert.deepEqual(await engine.analyze(B, {}), analyze(B));
    assert.equal(engine.where, 'extension host');
  });
});
