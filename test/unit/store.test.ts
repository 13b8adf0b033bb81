// The sidecar store under injected faults: nothing the user made may be lost.
// Faults: a crash between write and rename, a write cut short, an external change during a pending write, the
// same annotation changed on both sides, malformed and hostile YAML, the sidecar deleted while open, and many
// changes at once.
import * as assert from 'node:assert/strict';
import { anchorAt } from '../../src/core/annotations/anchor';
import { readSidecar, type Annotation } from '../../src/core/annotations/sidecar';
import {
  type Conflict,
  SidecarBrokenError,
  type SidecarFs,
  SidecarStore,
  sealPathOf,
  tempPathOf,
} from '../../src/core/annotations/store';

const ARTICLE =
  'Transport Minister Henrik Dahl said the ferry would stay in port. The company disagreed with the minister.';
const PATH = '/ws/story/dahl.txt.newsmark.yaml';

function note(id: string, needle: string): Annotation {
  const s = ARTICLE.indexOf(needle);
  return { id, kind: 'note', anchor: anchorAt(ARTICLE, s, s + needle.length), note: `about ${needle}`, origin: 'user' };
}

/** An in-memory file system whose operations can be made to fail or to change files midway. */
class FakeFs implements SidecarFs {
  files = new Map<string, string>();
  beforeRename: ((from: string, to: string) => void) | null = null;
  beforeWrite: ((path: string, text: string) => string | void) | null = null;
  async read(p: string) {
    return this.files.has(p) ? this.files.get(p)! : null;
  }
  async write(p: string, t: string) {
    const cut = this.beforeWrite?.(p, t);
    this.files.set(p, typeof cut === 'string' ? cut : t);
    if (typeof cut === 'string') throw new Error('crash while writing');
  }
  async rename(from: string, to: string) {
    this.beforeRename?.(from, to);
    const t = this.files.get(from);
    if (t === undefined) throw new Error(`ENOENT ${from}`);
    this.files.set(to, t);
    this.files.delete(from);
  }
  async remove(p: string) {
    this.files.delete(p);
  }
}

const ids = (text: string | undefined) => {
  const r = readSidecar(text ?? '');
  return r.ok ? r.file.data.annotations.map(a => a.id) : [`broken: ${r.problems[0].message}`];
};

describe('sidecar store under faults', () => {
  it('creates a sidecar on the first annotation, never before', async () => {
    const fs = new FakeFs();
    const store = new SidecarStore(fs);
    await store.open(PATH);
    assert.equal(fs.files.size, 0);
    await store.change(PATH, 'dahl.txt', { add: note('n1', 'Henrik Dahl') });
    assert.deepEqual(ids(fs.files.get(PATH)), ['n1']);
    assert.equal(
      fs.files.has(tempPathOf(PATH)) || fs.files.has(sealPathOf(PATH)),
      false,
      'no temporary file left behind',
    );
  });

  it('a crash between write and rename loses nothing: the next open recovers the new version', async () => {
    const fs = new FakeFs();
    await new SidecarStore(fs).change(PATH, 'dahl.txt', { add: note('n1', 'Henrik Dahl') });
    const before = fs.files.get(PATH);
    fs.beforeRename = () => {
      throw new Error('power cut');
    };
    await assert.rejects(new SidecarStore(fs).change(PATH, 'dahl.txt', { add: note('n2', 'the ferry') }), /power cut/);
    assert.equal(fs.files.get(PATH), before, 'the sidecar itself is intact');
    fs.beforeRename = null;
    const s = await new SidecarStore(fs).open(PATH); // a new session
    assert.deepEqual(
      s.file!.data.annotations.map(a => a.id),
      ['n1', 'n2'],
    );
    assert.equal(s.recovered, 1);
    assert.deepEqual(ids(fs.files.get(PATH)), ['n1', 'n2']);
  });

  it('a write cut short leaves the sidecar as it was, and the fragment is cleared', async () => {
    const fs = new FakeFs();
    await new SidecarStore(fs).change(PATH, 'dahl.txt', { add: note('n1', 'Henrik Dahl') });
    const before = fs.files.get(PATH);
    // The disk fills up midway; the fragment happens to be valid YAML, which is what makes this dangerous.
    fs.beforeWrite = (p, t) =>
      p.endsWith('.tmp') ? t.slice(0, t.lastIndexOf('origin: user') + 'origin: u'.length) : undefined;
    await assert.rejects(new SidecarStore(fs).change(PATH, 'dahl.txt', { add: note('n2', 'the ferry') }), /crash/);
    fs.beforeWrite = null;
    const s = await new SidecarStore(fs).open(PATH);
    assert.equal(fs.files.get(PATH), before);
    assert.deepEqual(
      s.file!.data.annotations.map(a => a.id),
      ['n1'],
    );
    assert.equal(fs.files.has(tempPathOf(PATH)), false);
  });

  it('merges a change made outside during a pending write, by annotation id', async () => {
    const fs = new FakeFs();
    const store = new SidecarStore(fs);
    await store.change(PATH, 'dahl.txt', { add: note('n1', 'Henrik Dahl') });
    // While Newsmark writes n2, another tool (a colleague's git pull) adds x9 to the file.
    let once = true;
    fs.beforeWrite = p => {
      if (!once || !p.endsWith('.tmp')) return;
      once = false;
      const theirs = readSidecar(fs.files.get(PATH)!);
      if (!theirs.ok) throw new Error('test setup');
      theirs.file.addAnnotation(note('x9', 'The company disagreed'));
      fs.files.set(PATH, theirs.file.text);
    };
    await store.change(PATH, 'dahl.txt', { add: note('n2', 'the ferry') });
    assert.deepEqual(ids(fs.files.get(PATH)).sort(), ['n1', 'n2', 'x9']);
  });

  it('asks the user when the same annotation changed on both sides, and keeps the choice', async () => {
    for (const choice of ['mine', 'theirs'] as const) {
      const fs = new FakeFs();
      const asked: Conflict[] = [];
      const store = new SidecarStore(fs, {
        resolve: async c => {
          asked.push(c);
          return choice;
        },
      });
      await store.change(PATH, 'dahl.txt', { add: note('n1', 'Henrik Dahl') });
      const theirs = readSidecar(fs.files.get(PATH)!);
      if (!theirs.ok) throw new Error('setup');
      theirs.file.updateAnnotation('n1', { note: 'their note' });
      fs.files.set(PATH, theirs.file.text);
      await store.change(PATH, 'dahl.txt', { update: { id: 'n1', fields: { note: 'my note' } } });
      assert.equal(asked.length, 1);
      assert.equal(asked[0].theirs?.note, 'their note');
      const now = readSidecar(fs.files.get(PATH)!);
      assert.ok(now.ok);
      assert.equal(now.file.data.annotations[0].note, choice === 'mine' ? 'my note' : 'their note');
    }
  });

  it('never writes over malformed or hostile YAML, and keeps the last good annotations to show', async () => {
    const fs = new FakeFs();
    const store = new SidecarStore(fs);
    await store.change(PATH, 'dahl.txt', { add: note('n1', 'Henrik Dahl') });
    const hostile = [
      'version: 1\nannotations:\n  - id: n1\n    kind: [note\n',
      'version: 1\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nannotations: []\n',
      'version: 1\nannotations: "everything"\n',
    ];
    for (const bad of hostile) {
      fs.files.set(PATH, bad);
      const s = await store.reload(PATH);
      assert.ok(s.problems && s.problems.length > 0);
      assert.deepEqual(
        s.file!.data.annotations.map(a => a.id),
        ['n1'],
        'last good annotations still shown',
      );
      await assert.rejects(
        store.change(PATH, 'dahl.txt', { add: note('n2', 'the ferry') }),
        (e: unknown) => e instanceof SidecarBrokenError && /fix it first/.test(e.message),
      );
      assert.equal(fs.files.get(PATH), bad, 'not written over');
    }
  });

  it('keeps the annotations of a sidecar deleted while open, and writes them back with the next change', async () => {
    const fs = new FakeFs();
    const store = new SidecarStore(fs);
    await store.change(PATH, 'dahl.txt', { add: note('n1', 'Henrik Dahl') });
    fs.files.delete(PATH);
    const s = await store.reload(PATH);
    assert.equal(s.deleted, true);
    assert.deepEqual(
      s.file!.data.annotations.map(a => a.id),
      ['n1'],
    );
    await store.change(PATH, 'dahl.txt', { add: note('n2', 'the ferry') });
    assert.deepEqual(ids(fs.files.get(PATH)), ['n1', 'n2']);
    fs.files.delete(PATH);
    await store.reload(PATH);
    await store.restore(PATH);
    assert.deepEqual(ids(fs.files.get(PATH)), ['n1', 'n2']);
  });

  it('loses no update when many changes arrive at once', async () => {
    const fs = new FakeFs();
    const store = new SidecarStore(fs);
    const words = ARTICLE.split(' ');
    await Promise.all(words.map((w, i) => store.change(PATH, 'dahl.txt', { add: note(`w${i}`, w) })));
    assert.equal(ids(fs.files.get(PATH)).length, words.length);
  });
});
