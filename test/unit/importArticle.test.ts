// Importing web pages: the article text and every metadata field from pages shaped like real news sites (written
// for these tests: invented outlets and stories), no line of page furniture in the text, and a clear message with
// nothing written for pages that are not articles.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  articleFileName,
  dayOf,
  extractArticle,
  isRealDay,
  type ImportedArticle,
  lighten,
  slug,
} from '../../src/core/exchange/htmlArticle';
import { decodePage } from '../../src/core/exchange/htmlEncoding';
import { readSidecar, newSidecarText } from '../../src/core/annotations/sidecar';
import { setDocumentField } from '../../src/core/annotations/sidecarDocument';
import { analyze } from '../../src/core';
import { importSource, runImportArticle } from '../../src/cli/importArticle';
import { CLI, ROOT } from './paths';

const FIXTURES = join(ROOT, 'test/fixtures/import');
const page = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function article(name: string, format: 'txt' | 'md' = 'txt'): ImportedArticle {
  const r = extractArticle(page(name), { format });
  if (!r.ok) assert.fail(`${name}: ${r.error}`);
  return r.article;
}

/** Paragraphs of the text (blank-line separated). */
const paragraphs = (text: string) => text.trim().split(/\n\n+/);

/** The words of every link of a page: on these pages links are furniture (menus, related stories, share buttons). */
function linkTexts(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*>([^<]+)<\/a>/gi)].map(m => m[1].trim()).filter(t => t.split(/\s+/).length >= 2);
}

interface Expect {
  title: string;
  outlet?: string;
  url?: string;
  byline?: string;
  published?: string;
  first: string;
  last: string;
  paragraphs: number;
  furniture: string[];
}

const PAGES: Record<string, Expect> = {
  'jsonld-newsarticle.html': {
    title: 'Ferry strike ends after two weeks',
    outlet: 'Harbour Daily', // JSON-LD publisher, not the WebSite's name in the same graph
    url: 'https://harbour-daily.example/news/2026/03/ferry-strike-ends',
    byline: 'Maren Olsby and Tobias Quell',
    published: '2026-03-04', // 23:30 at UTC-5 is the outlet's March 4 (March 5 in UTC, as og gives it)
    first: 'Ferry crews on the Kelvar Sound crossings voted on Wednesday',
    last: 'before the contract is renewed next year.',
    paragraphs: 8, // headline, 6 paragraphs, one subheading
    furniture: [
      'Also Read',
      'Share on',
      'Advertisement',
      'newsletter',
      'Subscribe',
      'Comments',
      'seagull77',
      'Most read',
      'All rights reserved',
      'cookies',
      'Search',
      'March 4, 2026, 11:30',
    ],
  },
  'opengraph-only.html': {
    title: 'Reservoir levels fall to lowest in a decade',
    outlet: 'Valley Courier',
    url: 'https://valleycourier.example/region/reservoir-levels-fall',
    byline: 'Petra Holm', // meta author, not the article:author address
    published: '2026-02-11',
    first: 'The three reservoirs that supply the upper Drava valley',
    last: 'declined by about a quarter since the 1990s.',
    paragraphs: 6,
    furniture: ['Related', 'Follow us', 'Sponsored', 'Impressum', 'Home', 'Log in'],
  },
  'microdata.html': {
    title: 'Council votes to close Elmbridge library branch',
    outlet: 'Meridian Post',
    byline: 'Colm Ashdown',
    published: '2026-04-17',
    first: 'Elmbridge’s branch library will close at the end of June',
    last: 'visit Elmbridge twice a week from July.',
    paragraphs: 6,
    furniture: ['Tags', 'WhatsApp', 'Copy link', 'Subscribe for', 'Registered in England'],
  },
  'bare-article.html': {
    title: 'Night buses return to the east side',
    outlet: 'Tidewater Tribune', // from "Outlet | Headline" in <title>
    byline: 'Ana Whitlock',
    published: '2026-01-20', // <time datetime>
    first: 'Night buses will run again through Holloway and Marsh End',
    last: 'ridership would be reviewed after six months.',
    paragraphs: 5,
    furniture: ['Front page', 'Dock Street', 'By Ana Whitlock', '20 January 2026'],
  },
  'amp.html': {
    title: 'Glacier museum opens in Skarvik',
    outlet: 'Pinecrest Herald',
    url: 'https://pinecrestherald.example/culture/glacier-museum-opens-in-skarvik',
    byline: 'Yuki Brandvold',
    published: '2026-05-02', // 06:00 at UTC+9: May 2 there, May 1 in UTC
    first: 'A museum devoted to the retreating Skarvik glacier',
    last: 'open every day from May to September.',
    paragraphs: 5,
    furniture: ['Menu', 'About us', 'Privacy', 'Culture\n', 'Yuki Brandvold · Culture'],
  },
  'portal-wire.html': {
    title: 'Bridge inspectors find cracks in Ostravik span',
    outlet: 'Lakeside Portal',
    url: 'https://lakesideportal.example/world/bridge-inspectors-find-cracks-ostravik-123456',
    byline: 'Northgate Wire',
    published: '2026-06-09',
    first: 'OSTRAVIK, June 9 (Northgate Wire) - Engineers inspecting',
    last: '(Reporting by Northgate Wire staff; editing by the world desk)',
    paragraphs: 7,
    furniture: [
      'ALSO READ',
      'Trending',
      'Horoscopes',
      'More from Northgate Wire',
      'You may also like',
      'Sign in',
      '18°C',
      'Advertise',
      'Traffic chaos feared',
    ],
  },
  'dateline-only.html': {
    title: 'Orchard growers count frost damage',
    outlet: 'Riverbend Gazette',
    published: '2026-04-22', // only in a "Published:" line of the text, which goes to the sidecar
    first: 'Apple and pear growers along the Riverbend valley',
    last: 'above freezing for the rest of the month.',
    paragraphs: 5,
    furniture: ['Share:', 'Events', 'Published: 22 April'],
  },
  'no-date.html': {
    title: 'Volunteers clear litter from Gullhaven beach',
    first: 'More than 200 volunteers spent Sunday morning',
    last: 'hold its next clean-up in the autumn.',
    paragraphs: 4,
    furniture: ['Community'],
  },
};

describe('importing web pages', () => {
  for (const [name, e] of Object.entries(PAGES)) {
    describe(name, () => {
      it('gives the headline first, then the article’s paragraphs and nothing else', () => {
        const a = article(name);
        const ps = paragraphs(a.text);
        assert.equal(ps[0], e.title);
        assert.ok(ps[1].startsWith(e.first), `first paragraph: ${ps[1]}`);
        assert.ok(ps[ps.length - 1].endsWith(e.last), `last paragraph: ${ps[ps.length - 1]}`);
        assert.equal(ps.length, e.paragraphs, a.text);
        assert.ok(a.text.endsWith('\n') && !a.text.includes('\n\n\n'));
      });

      it('keeps no line of page furniture', () => {
        const a = article(name);
        for (const f of [...e.furniture, ...linkTexts(page(name))])
          assert.ok(!a.text.includes(f), `"${f}" is in the text:\n${a.text}`);
      });

      it('reads every metadata field', () => {
        const a = article(name);
        assert.deepEqual(
          { title: a.title, outlet: a.outlet, url: a.url, byline: a.byline, published: a.published },
          { title: e.title, outlet: e.outlet, url: e.url, byline: e.byline, published: e.published },
        );
        assert.deepEqual(
          a.missing,
          (['outlet', 'published', 'byline', 'url'] as const).filter(f => !e[f]),
        );
      });
    });
  }

  it('writes Markdown with the headline and subheadings as headings', () => {
    const a = article('jsonld-newsarticle.html', 'md');
    const ps = paragraphs(a.text);
    assert.equal(ps[0], '# Ferry strike ends after two weeks');
    assert.ok(ps.includes('## Timetable back by Friday'));
    assert.equal(paragraphs(article('jsonld-newsarticle.html').text).length, ps.length);
  });

  it('keeps quotes, lists and line breaks in Markdown, and escapes a paragraph that starts like Markdown', () => {
    const html = `<html><head><meta property="og:site_name" content="Eastbank Times"></head><body><article><h1>What the budget means for commuters</h1>
<p>The city’s budget, approved on Monday, changes what commuters pay in four ways, officials told a briefing at the town hall on Monday afternoon.</p>
<ul><li>Monthly tram passes rise by 3 percent.</li><li>Parking at the ferry terminal becomes free after 7 p.m.</li><li>Bicycle lockers are added at six stations.</li></ul>
<blockquote><p>Nobody likes paying more, but the trams need new brakes.</p></blockquote>
<p># 1 priority, the mayor said, is keeping the night trams running through the winter, whatever the cost of the repairs turns out to be.</p>
<p>The changes take effect in April.<br>Fares for children do not change.</p>
</article></body></html>`;
    const r = extractArticle(html, { format: 'md' });
    assert.ok(r.ok, !r.ok ? r.error : '');
    const t = r.article.text;
    assert.ok(
      t.includes(
        '- Monthly tram passes rise by 3 percent.\n- Parking at the ferry terminal becomes free after 7 p.m.\n- Bicycle lockers are added at six stations.',
      ),
      t,
    );
    assert.ok(t.includes('\n\n> Nobody likes paying more, but the trams need new brakes.\n\n'), t);
    assert.ok(t.includes('\n\n\\# 1 priority, the mayor said'), t);
    assert.ok(t.includes('The changes take effect in April.\nFares for children do not change.'), t);
    const plain = extractArticle(html, { format: 'txt' });
    assert.ok(plain.ok);
    assert.ok(plain.article.text.includes('\n\nMonthly tram passes rise by 3 percent.\n\n'), plain.article.text);
    assert.ok(plain.article.text.includes('\n\n# 1 priority'), 'plain text is not escaped');
  });

  it('keeps short paragraphs of the story that start like page furniture', () => {
    const short = [
      'Share prices rose 4 percent.',
      'Trending upward, rents rose again.',
      'Copyright law changes in May.',
      'More than 300 people came.',
      'Comments from readers poured in.',
    ];
    const html = `<html><body><article><h1>Market town votes on rents</h1><p>Traders in the market town of Holbeck voted on Friday to accept a new rent scheme for the covered market, which the council says will keep stalls affordable.</p>${short.map(p => `<p>${p}</p>`).join('')}<p>The council will publish the new rents before the end of the month, and the scheme will be reviewed after a year of trading.</p></article></body></html>`;
    const r = extractArticle(html);
    assert.ok(r.ok, !r.ok ? r.error : '');
    for (const p of short) assert.ok(paragraphs(r.article.text).includes(p), `${p} kept:\n${r.article.text}`);
  });

  it('takes the outlet’s own calendar day from a timestamp', () => {
    assert.equal(dayOf('2026-03-04T23:30:00-05:00'), '2026-03-04');
    assert.equal(dayOf('2026-03-05T01:30:00+09:00'), '2026-03-05');
    assert.equal(dayOf('2026-03-04'), '2026-03-04');
    assert.equal(dayOf('20260304T120000Z'), '2026-03-04');
    assert.equal(dayOf('March 4, 2026'), '2026-03-04');
    assert.equal(dayOf('2026-02-30T10:00:00Z'), undefined, 'no such day');
    assert.equal(dayOf('yesterday'), undefined);
  });

  it('validates calendar days', () => {
    assert.ok(isRealDay('2024-02-29'));
    assert.ok(!isRealDay('2026-02-29'));
    assert.ok(!isRealDay('2026-13-01'));
    assert.ok(!isRealDay('2026-3-4'));
  });

  it('reads JSON-LD given as an array, with @type lists, and tolerates a broken block', () => {
    const html = `<html><head><script type="application/ld+json">{ "broken": </script>
<script type="application/ld+json">[{"@type":"WebPage","name":"Ignore me"},{"@type":["AnalysisNewsArticle"],"headline":"Tram depot to be rebuilt","datePublished":"2025-11-30T22:10:00-08:00","author":["Lia Moravec", {"@type":"Person","name":"Ole Brink"}],"publisher":{"@id":"#org"}},{"@type":"Organization","@id":"#org","name":"Eastbank Times"}]</script>
</head><body><article><h1>Tram depot to be rebuilt</h1>${'<p>The old tram depot on Wharf Lane will be pulled down and rebuilt over the next two years, the transport board decided, at a cost the board put at 30 million.</p>'.repeat(3)}</article></body></html>`;
    const r = extractArticle(html);
    assert.ok(r.ok);
    assert.equal(r.article.title, 'Tram depot to be rebuilt');
    assert.equal(r.article.published, '2025-11-30');
    assert.equal(r.article.byline, 'Lia Moravec and Ole Brink');
    assert.equal(r.article.outlet, 'Eastbank Times');
  });
});

describe('short articles and paywalls', () => {
  const para = (s: string) => `<p>${s}</p>`;
  it('imports a brief of one paragraph', () => {
    const r = extractArticle(
      `<html><head><title>Harbour bell rings again</title></head><body><article><h1>Harbour bell rings again</h1>${para('The old harbour bell in Port Esker rang on Saturday for the first time since 1987, after volunteers spent two winters restoring its frame and clapper. The town council said it would ring at noon on Sundays from now on, and on the first day of every fishing season.')}</article></body></html>`,
    );
    assert.ok(r.ok, !r.ok ? r.error : '');
    assert.equal(paragraphs(r.article.text).length, 2);
  });

  it('imports a long teaser above a paywall, warning that it may be cut short', () => {
    const body = [
      'Councillors in Elmbridge will vote next week on whether to sell the old tram depot to a housing developer, a decision that has split the borough.',
      'Supporters say the sale would pay for repairs to three schools, while opponents want the building kept as a market hall and workshops for local firms.',
      'The council’s own surveyors valued the site at £6 million in the spring, but two bids received since then are said to be well below that figure.',
      'Residents have collected more than 1,500 signatures against the sale, and a public meeting on Tuesday drew so many people that dozens stood outside.',
      'The developer, Northfield Homes, has promised that a fifth of the flats would be let at rents below the market, a pledge opponents say is not binding.',
      'A final decision is expected before the council breaks for the summer.',
    ]
      .map(para)
      .join('');
    const r = extractArticle(
      `<html><body><main><article><h1>Depot sale splits Elmbridge</h1>${body}<div class="paywall-box"><p>Subscribe to read the rest of this story.</p><form><input type="password"></form></div></article></main></body></html>`,
    );
    assert.ok(r.ok, !r.ok ? r.error : '');
    assert.match(r.article.warnings.join(), /check that the article is complete/);
    assert.ok(!r.article.text.includes('Subscribe'));
  });

  it('a sign-in box beside the article is not a wall', () => {
    assert.deepEqual(article('portal-wire.html').warnings, []);
  });
});

describe('heavy pages', () => {
  it('are read without their scripts, styles and inline images, JSON-LD kept', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script><style>p{color:red}</style>' +
      '<script>var a = "</div>";</script></head><body><img src="data:image/png;base64,QUJD" alt="x"><p>Text</p><SCRIPT src="/app.js"></SCRIPT></body></html>';
    assert.equal(
      lighten(html),
      '<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script><style></style>' +
        '<script></script></head><body><img src="" alt="x"><p>Text</p><SCRIPT src="/app.js"></SCRIPT></body></html>',
    );
  });

  it('a tag left open ends the scan (no rescanning of the page for every tag)', () => {
    const open = '<p>Kept</p>' + '<script>'.repeat(200000);
    assert.equal(lighten(open), open);
    assert.equal(lighten('<img src="data:abc'), '<img src="data:abc');
  });

  it('an article among megabytes of inline data is found', () => {
    const bloat =
      '<script id="app-state" type="application/json">' +
      JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ story: i, tag: '<p>not text</p>' }))) +
      '</script>' +
      '<img src="data:image/png;base64,' +
      'QUJD'.repeat(500000) +
      '">';
    const r = extractArticle(page('opengraph-only.html').replace('</body>', bloat + '</body>'));
    assert.ok(r.ok, !r.ok ? r.error : '');
    assert.equal(r.article.text, article('opengraph-only.html').text);
  });
});

describe('pages that are not articles', () => {
  const error = (html: string) => {
    const r = extractArticle(html);
    assert.ok(!r.ok, 'refused');
    return r.error;
  };

  it('a file that is not HTML', () => {
    assert.match(error(page('not-html.html')), /not an HTML page/);
    assert.match(error('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>'), /not an HTML page/);
    assert.match(error('Just some words typed into a file, without any markup at all.'), /not an HTML page/);
  });

  it('a front page or list of links', () => assert.match(error(page('no-article.html')), /no article was found/));

  it('a login or subscription wall', () => assert.match(error(page('login-wall.html')), /login or subscription wall/));

  it('a page built by scripts', () => assert.match(error(page('script-only.html')), /built by JavaScript/));

  it('a 50 MB page, refused before it is parsed', () => {
    const huge = `<html><body><article>${'<p>Filler paragraph for a page far too large to be an article.</p>'.repeat(Math.ceil(50e6 / 66))}</article></body></html>`;
    assert.ok(huge.length > 50e6);
    assert.match(error(huge), /is 4\d\.\d MB, over the 10\.0 MB limit/);
  });
});

// windows-1252 bytes for the few characters the encoding page uses.
const CP1252: Record<string, number> = {
  '€': 0x80,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '—': 0x97,
  é: 0xe9,
  ê: 0xea,
  ë: 0xeb,
  ï: 0xef,
};
function cp1252(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map(c => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return code;
      if (CP1252[c] === undefined) throw new Error(`no windows-1252 byte for ${c}`);
      return CP1252[c];
    }),
  );
}

describe('page encodings', () => {
  const template = page('encoding-sample.html');
  const withCharset = (decl: string) => template.replace('<!--CHARSET-->', decl);
  const check = (bytes: Uint8Array, contentType?: string) => {
    const d = decodePage(bytes, contentType);
    const r = extractArticle(d.text);
    assert.ok(r.ok, !r.ok ? r.error : '');
    assert.equal(r.article.title, 'Café owners protest new terrace fees');
    for (const w of [
      'Zoë Marchetti',
      'crêperie',
      '€1,200',
      'city’s new terrace fees — up to',
      'Loïc Aubert',
      '“We pay rent',
    ])
      assert.ok(r.article.text.includes(w), `${w} in ${r.article.text}`);
    return d;
  };

  it('declared in <meta charset>', () =>
    assert.equal(check(cp1252(withCharset('<meta charset="windows-1252">'))).encoding, 'windows-1252'));
  it('declared in http-equiv as ISO-8859-1 (read as windows-1252, as browsers do)', () => {
    assert.equal(
      check(cp1252(withCharset('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).encoding,
      'windows-1252',
    );
  });
  it('given by the server’s Content-Type', () =>
    assert.equal(check(cp1252(withCharset('')), 'text/html; charset=windows-1252').encoding, 'windows-1252'));
  it('a UTF-8 byte-order mark (and no declaration)', () => {
    const d = check(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(withCharset(''))]));
    assert.equal(d.encoding, 'utf-8');
    assert.ok(!d.text.startsWith('\uFEFF'));
  });
  it('a UTF-8 byte-order mark beats a wrong declaration', () => {
    assert.equal(
      check(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(withCharset('<meta charset="iso-8859-1">'))]))
        .encoding,
      'utf-8',
    );
  });
  it('UTF-16 with its byte-order mark', () => {
    const s = withCharset('');
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    assert.equal(check(bytes).encoding, 'utf-16le');
  });
  it('undeclared windows-1252 bytes', () => {
    const d = check(cp1252(withCharset('')));
    assert.equal(d.encoding, 'windows-1252');
    assert.match(d.warnings.join(), /not UTF-8/);
  });
  it('a page that says UTF-8 but holds windows-1252 bytes', () => {
    const d = check(cp1252(withCharset('<meta charset="utf-8">')));
    assert.equal(d.encoding, 'windows-1252');
    assert.match(d.warnings.join(), /says it is utf-8 but its bytes are not/);
  });
  it('plain UTF-8 needs no declaration', () =>
    assert.deepEqual(check(new TextEncoder().encode(withCharset(''))).warnings, []));
});

describe('file names of imported articles', () => {
  it('are the outlet and the headline, in plain letters', () => {
    assert.equal(
      articleFileName({ outlet: 'Harbour Daily', title: 'Ferry strike ends after two weeks' }, 'txt', () => false),
      'harbour-daily-ferry-strike-ends-after-two-weeks.txt',
    );
    assert.equal(
      articleFileName(
        { outlet: 'Quayside Bulletin', title: 'Café owners’ “terrace” fees: €1,200?' },
        'md',
        () => false,
      ),
      'quayside-bulletin-cafe-owners-terrace-fees-1-200.md',
    );
    assert.equal(
      articleFileName({ title: 'Volunteers clear litter' }, 'txt', () => false),
      'volunteers-clear-litter.txt',
    );
    assert.equal(
      articleFileName({ outlet: 'Northgate Wire', title: 'Northgate Wire: rates held' }, 'txt', () => false),
      'northgate-wire-rates-held.txt',
    );
    assert.equal(
      articleFileName({}, 'txt', () => false),
      'article.txt',
    );
  });

  it('never take a name in use', () => {
    const used = new Set(['a-b.txt', 'a-b-2.txt']);
    assert.equal(
      articleFileName({ outlet: 'A', title: 'B' }, 'txt', n => used.has(n)),
      'a-b-3.txt',
    );
  });

  it('are short enough, cut at a word', () => {
    const s = slug(
      'A very long headline about the council budget vote that went on and on into the night without end',
      60,
    );
    assert.ok(s.length <= 60 && !s.endsWith('-'));
    assert.ok('a-very-long-headline-about-the-council-budget-vote-that-went-on-and-on'.startsWith(s));
  });
});

describe('setting a sidecar’s document fields', () => {
  const base = newSidecarText('a.txt', { title: 'Ferry strike ends', outlet: 'Harbour Daily' });

  it('adds a field below the others and keeps comments and annotations', () => {
    const text = base.replace('annotations: []', '# keep this comment\nannotations: []') + 'custom: kept\n';
    const r = setDocumentField(text, 'published', '2026-03-04');
    assert.ok(r.ok);
    assert.match(r.text, /outlet: Harbour Daily\n {2}published: "2026-03-04"\n/);
    assert.ok(r.text.includes('# keep this comment') && r.text.includes('custom: kept'));
    const back = readSidecar(r.text);
    assert.ok(back.ok);
    assert.deepEqual(back.file.data.document, {
      title: 'Ferry strike ends',
      outlet: 'Harbour Daily',
      published: '2026-03-04',
    });
  });

  it('replaces a field in place', () => {
    const once = setDocumentField(base, 'outlet', 'Harbour Daily Online');
    assert.ok(once.ok);
    assert.equal(once.text, base.replace('outlet: Harbour Daily', 'outlet: Harbour Daily Online'));
  });

  it('fills an empty document', () => {
    const r = setDocumentField(newSidecarText('a.txt'), 'published', '2026-01-20');
    assert.ok(r.ok);
    const back = readSidecar(r.text);
    assert.ok(back.ok && back.file.data.document.published === '2026-01-20');
  });

  it('refuses a sidecar that does not read', () => {
    const r = setDocumentField('version: 1\ndocument: [\n', 'published', '2026-01-20');
    assert.ok(!r.ok && /fix it first/.test(r.error));
  });
});

describe('newsmark import-article', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'newsmark-import-'));
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'import-article', ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('writes the article and a sidecar with its document, and says what it wrote', () => {
    const out = tmp();
    const r = cli(join(FIXTURES, 'jsonld-newsarticle.html'), '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(readdirSync(out).sort(), [
      'harbour-daily-ferry-strike-ends-after-two-weeks.txt',
      'harbour-daily-ferry-strike-ends-after-two-weeks.txt.newsmark.yaml',
    ]);
    const text = readFileSync(join(out, 'harbour-daily-ferry-strike-ends-after-two-weeks.txt'), 'utf8');
    assert.equal(text, article('jsonld-newsarticle.html').text);
    const side = readSidecar(
      readFileSync(join(out, 'harbour-daily-ferry-strike-ends-after-two-weeks.txt.newsmark.yaml'), 'utf8'),
    );
    assert.ok(side.ok);
    assert.deepEqual(side.file.data.document, {
      title: 'Ferry strike ends after two weeks',
      outlet: 'Harbour Daily',
      url: 'https://harbour-daily.example/news/2026/03/ferry-strike-ends',
      byline: 'Maren Olsby and Tobias Quell',
      published: '2026-03-04',
    });
    assert.match(r.out, /wrote .*harbour-daily-ferry-strike-ends-after-two-weeks\.txt/);
    assert.match(r.out, /published: 2026-03-04/);
    // Analysed with its sidecar, "on Wednesday" is the Wednesday before March 4, 2026.
    const a = analyze(text, { published: side.file.data.document.published });
    assert.equal(a.dates.find(d => d.text === 'Wednesday')?.value, '2026-03-04');
  });

  it('never writes over an article: a second import gets -2', () => {
    const out = tmp();
    assert.equal(cli(join(FIXTURES, 'amp.html'), '--out', out, '--format', 'md').code, 0);
    const first = join(out, 'pinecrest-herald-glacier-museum-opens-in-skarvik.md');
    writeFileSync(first, '# My own notes on the museum\n');
    assert.equal(cli(join(FIXTURES, 'amp.html'), '--out', out, '--format', 'md').code, 0);
    assert.equal(readFileSync(first, 'utf8'), '# My own notes on the museum\n');
    assert.ok(existsSync(join(out, 'pinecrest-herald-glacier-museum-opens-in-skarvik-2.md.newsmark.yaml')));
    assert.ok(
      readFileSync(join(out, 'pinecrest-herald-glacier-museum-opens-in-skarvik-2.md'), 'utf8').startsWith(
        '# Glacier museum opens in Skarvik\n\n',
      ),
    );
  });

  it('says what it could not find, and how to set the date', () => {
    const out = tmp();
    const r = cli(join(FIXTURES, 'no-date.html'), '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /not found: outlet, publication date, byline, address/);
    assert.match(
      r.out,
      /warning: no publication date.*set it as "published: YYYY-MM-DD" under document: in .*volunteers-clear-litter-from-gullhaven-beach\.txt\.newsmark\.yaml/,
    );
  });

  it('writes nothing for a bad page, one message, exit code 2; good pages beside it are still imported', () => {
    const out = tmp();
    const big = join(tmp(), 'huge.html');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const bad = ['not-html.html', 'no-article.html', 'login-wall.html', 'script-only.html'].map(f => join(FIXTURES, f));
    const r = cli(...bad, big, join(tmp(), 'missing.html'), '--out', out);
    assert.equal(r.code, 2);
    assert.deepEqual(readdirSync(out), []);
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, 6, r.err);
    assert.match(lines[4], /huge\.html: the page is 50\.0 MB, over the 10\.0 MB limit/);
    assert.match(lines[5], /missing\.html: no such file/);
    const mixed = cli(join(FIXTURES, 'login-wall.html'), join(FIXTURES, 'microdata.html'), '--out', out);
    assert.equal(mixed.code, 2);
    assert.deepEqual(readdirSync(out).length, 2);
  });

  it('is in the help', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.match(
      r.stdout,
      /newsmark import-article FILE\.html\|URL\.\.\. \[--out DIR\] \[--format txt\|md\] \[--keep-html\]/,
    );
  });

  it('refuses wrong options with the usage', () => {
    const r = cli('--format', 'pdf', 'x.html');
    assert.equal(r.code, 2);
    assert.match(r.err, /--format needs txt or md\nUsage: newsmark import-article/);
  });

  describe('from an address', () => {
    let server: Server;
    let base = '';
    const served: Record<string, { type: string; body: Buffer | string; status?: number }> = {
      '/news/ferry': {
        type: 'text/html; charset=utf-8',
        body: page('jsonld-newsarticle.html')
          .replace(/<link rel="canonical"[^>]*>/, '')
          .replace(/<meta property="og:url"[^>]*>/, '')
          .replace(/"mainEntityOfPage": "[^"]*"/, '"mainEntityOfPage": {}'),
      },
      '/latin1': {
        type: 'text/html; charset=windows-1252',
        body: Buffer.from(cp1252(page('encoding-sample.html').replace('<!--CHARSET-->', ''))),
      },
      '/gone': { type: 'text/html', body: '<html><body>Not here</body></html>', status: 404 },
      '/report.pdf': { type: 'application/pdf', body: '%PDF-1.7' },
    };
    before(done => {
      server = createServer((req, res) => {
        const s = served[req.url ?? ''];
        if (!s) {
          res.writeHead(500);
          res.end();
          return;
        }
        res.writeHead(s.status ?? 200, { 'content-type': s.type });
        res.end(s.body);
      }).listen(0, '127.0.0.1', () => {
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        done();
      });
    });
    after(done => {
      server.close(() => done());
    });

    it('fetches the page, keeps the address, and keeps the HTML only when asked', async () => {
      const out = tmp();
      const r = await importSource(`${base}/news/ferry`, { out });
      assert.ok(r.ok, !r.ok ? r.error : '');
      assert.equal(r.imported.result.url, `${base}/news/ferry`);
      assert.equal(r.imported.result.published, '2026-03-04');
      assert.equal(r.imported.html, undefined);
      assert.deepEqual(
        readdirSync(out).filter(f => f.endsWith('.html')),
        [],
      );
      const kept = await importSource(`${base}/news/ferry`, { out, keepHtml: true });
      assert.ok(kept.ok);
      assert.ok(kept.imported.html?.endsWith('harbour-daily-ferry-strike-ends-after-two-weeks-2.html'));
      assert.equal(readFileSync(kept.imported.html!, 'utf8'), served['/news/ferry'].body);
    });

    it('decodes by the server’s charset', async () => {
      const r = await importSource(`${base}/latin1`, { out: tmp() });
      assert.ok(r.ok, !r.ok ? r.error : '');
      assert.ok(r.imported.result.text.includes('Zoë Marchetti, who runs a crêperie'));
    });

    it('says why a page could not be fetched', async () => {
      const gone = await importSource(`${base}/gone`, { out: tmp() });
      assert.ok(!gone.ok && /server answered 404/.test(gone.error));
      const pdf = await importSource(`${base}/report.pdf`, { out: tmp() });
      assert.ok(!pdf.ok && /application\/pdf, not an HTML page/.test(pdf.error));
    });

    it('says the machine is offline or the address blocked when nothing answers', async () => {
      // A port that was free a moment ago: nothing listens there.
      const probe = createServer();
      const port = await new Promise<number>(res =>
        probe.listen(0, '127.0.0.1', () => res((probe.address() as AddressInfo).port)),
      );
      await new Promise(res => probe.close(res));
      const out = tmp();
      const lines: string[] = [];
      const code = await runImportArticle(
        [`http://127.0.0.1:${port}/article`, '--out', out],
        s => lines.push(s),
        s => lines.push(s),
      );
      assert.equal(code, 2);
      assert.match(
        lines.join(''),
        /could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): this machine seems to be offline, or the address is blocked/,
      );
      assert.deepEqual(readdirSync(out), []);
    });
  });
});
