// The workspace model over an in-memory file system: which files are articles, where sidecars are, the one date
// rule, the user's dismissals and "contradicts" relations, the analysis cache, and the one clip. Invented articles.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { analyze } from '../../src/core';
import { anchorAt } from '../../src/core/annotations/anchor';
import type { CrossConflict } from '../../src/core/cross/crossdoc';
import { SidecarFile } from '../../src/core/annotations/sidecar';
import { clip } from '../../src/core/engine/text';
import {
  AnalysisCache,
  articleMatcher,
  articleOfSidecar,
  DEFAULT_EXCLUDE,
  DEFAULT_INCLUDE,
  type FileError,
  locateSidecar,
  sidecarPathFor,
  WorkspaceModel,
} from '../../src/core/workspace';
import { joinPath } from '../../src/core/workspace/paths';
import { FakeFs } from './fakeFs';
import { CLI, ROOT } from './paths';

const KILN = 'Kiln works to reopen\n\nThe Ostry kiln works will reopen on March 2, the owners said on Tuesday.\n';
const FERRY = 'Ferry fares rise\n\nFares on the Lundholm ferry rose by 12 percent on February 20, the operator said.\n';

function sidecar(name: string, meta: Record<string, string>, edit?: (f: SidecarFile) => void): string {
  const f = SidecarFile.create(name, meta);
  edit?.(f);
  return f.text;
}

describe('workspace model', () => {
  describe('articles', () => {
    const fs = new FakeFs({
      '/ws/story/kiln.txt': KILN,
      '/ws/story/ferry.md': FERRY,
      '/ws/story/wire.news': FERRY,
      '/ws/README.md': '# A repository\n',
      '/ws/story/CHANGELOG.md': 'Changes\n',
      '/ws/LICENSE.txt': 'MIT\n',
      '/ws/node_modules/pkg/notes.txt': 'a dependency\n',
      '/ws/.git/description.txt': 'unnamed\n',
      '/ws/story/kiln.txt.newsmark.yaml': 'version: 1\n',
      '/ws/.newsmark/story/ferry.md.newsmark.yaml': 'version: 1\n',
      '/ws/story/data.json': '{}',
    });

    it('finds .txt, .md and .news files, not a README, changelog, licence, dependency, hidden folder or sidecar', async () => {
      const m = new WorkspaceModel(fs, { root: '/ws' });
      const errors: FileError[] = [];
      assert.deepEqual(await m.articlesUnder('/ws', errors), [
        '/ws/story/ferry.md',
        '/ws/story/kiln.txt',
        '/ws/story/wire.news',
      ]);
      assert.deepEqual(errors, []);
      assert.equal(m.isArticle('/ws/README.md'), false);
      assert.equal(m.isArticle('/ws/docs/README.md'), false);
      assert.equal(m.isArticle('/ws/story/kiln.txt'), true);
    });

    it('follows the include and exclude settings', async () => {
      const m = new WorkspaceModel(fs, {
        root: '/ws',
        globs: { include: 'story/*.{txt,news}', exclude: ['**/wire.*'] },
      });
      assert.deepEqual(await m.articlesUnder(), ['/ws/story/kiln.txt']);
      // A glob that does not parse finds nothing rather than failing.
      assert.equal(articleMatcher({ include: '' })('story/kiln.txt'), false);
    });

    it('has the defaults that package.json declares for the settings', () => {
      const props = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
      assert.equal(props['newsmark.articles.include'].default, DEFAULT_INCLUDE);
      assert.deepEqual(props['newsmark.articles.exclude'].default, DEFAULT_EXCLUDE);
    });

    it('reads each folder once when a link leads back up, and says so', async () => {
      const looped = new FakeFs({ '/ws/a/one.txt': KILN });
      looped.links.set('/ws/a/back', '/ws');
      const errors: FileError[] = [];
      assert.deepEqual(await new WorkspaceModel(looped, { root: '/ws' }).articlesUnder('/ws', errors), [
        '/ws/a/one.txt',
      ]);
      assert.match(errors.map(e => `${e.path}: ${e.message}`).join('\n'), /\/ws\/a\/back: .*loop/);
    });
  });

  describe('sidecars', () => {
    it('finds a sidecar beside the article or in the .newsmark folder, and puts a new one where the setting says', async () => {
      const fs = new FakeFs({
        '/ws/story/kiln.txt': KILN,
        '/ws/story/kiln.txt.newsmark.yaml': 'version: 1\n',
        '/ws/story/ferry.md': FERRY,
        '/ws/.newsmark/story/ferry.md.newsmark.yaml': 'version: 1\n',
        '/ws/story/wire.news': FERRY,
      });
      assert.deepEqual(await locateSidecar(fs, '/ws/story/kiln.txt', { root: '/ws', location: 'folder' }), {
        path: '/ws/story/kiln.txt.newsmark.yaml',
        exists: true,
      });
      assert.deepEqual(await locateSidecar(fs, '/ws/story/ferry.md', { root: '/ws' }), {
        path: '/ws/.newsmark/story/ferry.md.newsmark.yaml',
        exists: true,
      });
      assert.deepEqual(await locateSidecar(fs, '/ws/story/wire.news', { root: '/ws', location: 'folder' }), {
        path: '/ws/.newsmark/story/wire.news.newsmark.yaml',
        exists: false,
      });
      assert.equal(sidecarPathFor('/ws/story/wire.news', { root: '/ws' }), '/ws/story/wire.news.newsmark.yaml');
      assert.equal(articleOfSidecar('/ws/.newsmark/story/ferry.md.newsmark.yaml'), '/ws/story/ferry.md');
      assert.equal(articleOfSidecar('/ws/story/kiln.txt.newsmark.yaml'), '/ws/story/kiln.txt');
    });

    it('refuses a dismissal that leads out of the workspace', async () => {
      const fs = new FakeFs({
        '/ws/kiln.txt': KILN,
        '/ws/kiln.txt.newsmark.yaml':
          'version: 1\ndocument: {}\nannotations: []\ndismissed:\n  - { exact: "x", other: "../../etc/passwd", otherExact: "y" }\n',
      });
      const m = new WorkspaceModel(fs, { root: '/ws' });
      const s = await m.sidecar('/ws/kiln.txt');
      assert.equal(s.exists, true);
      assert.equal(s.data, null, 'a sidecar that breaks a limit is not used');
    });
  });

  describe('the date rule', () => {
    it('gives an undated article the latest publication date of its folder for its year-less dates', async () => {
      const fs = new FakeFs({
        '/ws/kiln/owners.txt': KILN,
        '/ws/kiln/owners.txt.newsmark.yaml': sidecar('owners.txt', { published: '2031-02-25' }),
        '/ws/kiln/town.txt': 'Town hall note\n\nThe kiln works will reopen on March 2.\n',
        '/ws/kiln/later.txt': 'Published: 2031-02-27\n\nThe kiln works will reopen on March 2.\n',
        '/ws/other/far.txt': 'Far away\n\nSomething happens on March 2.\n',
      });
      const m = new WorkspaceModel(fs, { root: '/ws' });
      assert.deepEqual(await m.dateOptions('/ws/kiln/town.txt'), { published: null, storyDate: '2031-02-27' });
      assert.deepEqual(await m.dateOptions('/ws/kiln/owners.txt'), {
        published: '2031-02-25',
        storyDate: '2031-02-27',
      });
      assert.deepEqual(await m.dateOptions('/ws/other/far.txt'), { published: null, storyDate: null });
      const town = analyze(
        'Town hall note\n\nThe kiln works will reopen on March 2.\n',
        await m.dateOptions('/ws/kiln/town.txt'),
      );
      assert.equal(town.dates.find(d => d.text.includes('March 2'))?.value, '2031-03-02');
    });

    it('takes the sidecar’s publication date over the article’s date line, and reads again after a change', async () => {
      const fs = new FakeFs({
        '/ws/a.txt': 'Published: 2031-02-27\n\nText.\n',
        '/ws/a.txt.newsmark.yaml': sidecar('a.txt', { published: '2030-12-30' }),
      });
      const m = new WorkspaceModel(fs, { root: '/ws' });
      assert.equal(await m.publicationDate('/ws/a.txt'), '2030-12-30');
      fs.put('/ws/a.txt.newsmark.yaml', sidecar('a.txt', {}));
      assert.equal(await m.publicationDate('/ws/a.txt'), '2030-12-30', 'cached until told');
      m.forget('/ws/a.txt.newsmark.yaml');
      assert.equal(await m.publicationDate('/ws/a.txt'), '2031-02-27');
    });
  });

  describe('the user’s judgements', () => {
    const conflict = (a: string, at: string, b: string, bt: string): CrossConflict => ({
      claim: null,
      kind: 'number',
      explanation: 'numbers differ',
      a: { doc: a, start: 0, end: at.length, text: at },
      b: { doc: b, start: 0, end: bt.length, text: bt },
    });
    const ours = 'rose by 12 percent';
    const theirs = 'rose by 15 percent';

    it('leaves out a contradiction dismissed in either article’s sidecar, and only that one', async () => {
      const fs = new FakeFs({
        '/ws/s/a.txt': FERRY,
        '/ws/s/b.txt': FERRY,
        '/ws/s/c.txt': FERRY,
        '/ws/s/b.txt.newsmark.yaml': sidecar('b.txt', {}, f =>
          f.addDismissed({ exact: theirs, other: 'a.txt', otherExact: ours }),
        ),
      });
      const m = new WorkspaceModel(fs, { root: '/ws' });
      const names = ['a', 'b', 'c'].map(x => ({ doc: `s/${x}.txt`, path: `/ws/s/${x}.txt` }));
      const kept = await m.judged(
        [conflict('s/a.txt', ours, 's/b.txt', theirs), conflict('s/a.txt', ours, 's/c.txt', theirs)],
        names,
        p => p,
      );
      assert.deepEqual(
        kept.map(c => c.b.doc),
        ['s/c.txt'],
      );
    });

    it('adds the contradictions a researcher marked, naming both articles', async () => {
      const text = 'Fares rose by 12 percent on Monday.';
      const other = 'Fares rose by 15 percent on Monday.';
      const fs = new FakeFs({
        '/ws/s/a.txt': text,
        '/ws/t/b.txt': other,
        '/ws/t/b.txt.newsmark.yaml': sidecar('b.txt', {}, f =>
          f.addAnnotation({ id: 'k2', kind: 'claim', anchor: anchorAt(other, 6, 24), origin: 'user' }),
        ),
        '/ws/s/a.txt.newsmark.yaml': sidecar('a.txt', {}, f => {
          f.addAnnotation({ id: 'k1', kind: 'claim', anchor: anchorAt(text, 6, 24), origin: 'user' });
          f.addRelation({ from: 'k1', to: '../t/b.txt#k2', type: 'contradicts' });
        }),
      });
      const m = new WorkspaceModel(fs, { root: '/ws' });
      const out = await m.judged([], [{ doc: 's/a.txt', path: '/ws/s/a.txt' }], p => p.replace('/ws/', ''));
      assert.equal(out.length, 1);
      assert.deepEqual(
        [out[0].a.doc, out[0].a.text, out[0].b.doc, out[0].b.text],
        ['s/a.txt', 'rose by 12 percent', 't/b.txt', 'rose by 15 percent'],
      );
      assert.match(out[0].explanation, /marked as contradicting by a researcher/);
    });
  });

  describe('writing', () => {
    it('keeps analyses by text and dates, saved through the atomic writer and read back', async () => {
      const fs = new FakeFs();
      const cache = new AnalysisCache(fs, '/store/analyses.json', 'v1');
      const k1 = cache.keyOf(KILN, { published: '2031-02-25' });
      assert.notEqual(k1, cache.keyOf(KILN, { published: '2031-02-26' }));
      cache.set(k1, analyze(KILN, { published: '2031-02-25' }));
      cache.set('gone', analyze(FERRY));
      await cache.save([k1]);
      assert.deepEqual(fs.writes, ['/store/.analyses.json.tmp', '/store/.analyses.json.tmp.done']);
      assert.deepEqual([...fs.files.keys()], ['/store/analyses.json'], 'no temporary file is left');
      const again = new AnalysisCache(fs, '/store/analyses.json', 'v1');
      await again.load();
      assert.equal(again.size, 1);
      assert.equal(again.get(k1)?.published, '2031-02-25');
    });

    it('sets the publication date through the store, keeping the sidecar’s comments', async () => {
      const fs = new FakeFs({
        '/ws/a.txt.newsmark.yaml':
          '# kept\nversion: 1\ndocument:\n  outlet: Lundholm Post # the weekly\nannotations: []\n',
      });
      const m = new WorkspaceModel(fs, { root: '/ws' });
      const s = await m.store.change('/ws/a.txt.newsmark.yaml', 'a.txt', {
        meta: { key: 'published', value: '2031-02-20' },
      });
      assert.equal(s.file?.data.document.published, '2031-02-20');
      const text = fs.files.get('/ws/a.txt.newsmark.yaml')!;
      assert.match(text, /# kept/);
      assert.match(text, /# the weekly/);
    });
  });

  it('newsmark check reads the articles the editor reads, and leaves out what the user dismissed there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-ws-'));
    mkdirSync(join(dir, 'wall'));
    const tide =
      'Harbour wall to be rebuilt\n\nThe Saltmere harbour board approved the rebuilding of the old sea wall on Monday, a project that will cost 14 million pounds over three years.\n';
    const gull =
      'Sea wall approved\n\nThe Saltmere harbour board voted on Monday to rebuild the old sea wall, a project that will cost 9 million pounds over three years.\n';
    writeFileSync(join(dir, 'wall/tide.txt'), tide);
    writeFileSync(join(dir, 'wall/gull.txt'), gull);
    writeFileSync(
      join(dir, 'wall/README.md'),
      '# Notes\n\nThe harbour board approved the rebuilding of the old sea wall on Monday, a project that will cost 30 million pounds over three years.\n',
    );
    const check = () => {
      const r = spawnSync(process.execPath, [CLI, 'check', '--json', 'wall'], { cwd: dir, encoding: 'utf8' });
      return JSON.parse(r.stdout) as {
        documents: string[];
        conflicts: { kind: string; a: { doc: string; text: string }; b: { doc: string; text: string } }[];
      };
    };
    const before = check();
    assert.deepEqual(before.documents.sort(), ['wall/gull.txt', 'wall/tide.txt']);
    const numbers = before.conflicts.filter(c => c.kind === 'number');
    assert.equal(numbers.length, 1);
    // What the editor's "Dismiss" writes: in the first article's sidecar, the other by its path from there.
    const c = numbers[0];
    const first = c.a.doc.replace('wall/', '');
    const other = c.b.doc.replace('wall/', '');
    writeFileSync(
      join(dir, 'wall', `${first}.newsmark.yaml`),
      sidecar(first, {}, f => f.addDismissed({ exact: c.a.text, other, otherExact: c.b.text })),
    );
    assert.deepEqual(
      check().conflicts.filter(x => x.kind === 'number'),
      [],
    );
  });

  it('joins paths as Node would normalise them (no slash at the end), whether or not they need it', () => {
    const cases: string[][] = [
      ['/ws/story/kiln.txt'],
      ['/'],
      [''],
      ['ws', 'story'],
      ['ws/story/'],
      ['/ws', 'story', 'kiln.txt'],
      ['/ws/', '/story/'],
      ['/ws/./story/../ferry.md'],
      ['ws/../../up.txt'],
      ['/..'],
      ['./a'],
      ['a/.'],
      ['..a/b..', '.c'],
      ['/ws', '.newsmark', 'story/kiln.txt'],
      ['', 'a'],
    ];
    for (const parts of cases) {
      const joined = parts.join('/');
      const node = posix.normalize(joined.startsWith('/') === parts[0].startsWith('/') ? joined : joined.slice(1));
      const expected = node.length > 1 && node.endsWith('/') ? node.slice(0, -1) : node;
      assert.equal(joinPath(...parts), expected, JSON.stringify(parts));
    }
  });

  it('clips a label at its length, with white space made one, never inside a surrogate pair', () => {
    assert.equal(clip('The  ferry\n\nfares', 40), 'The ferry fares');
    assert.equal(clip('The ferry fares rose', 10), 'The ferry…');
    assert.equal(clip('Fares 😀 rose', 8), 'Fares …');
  });
});
