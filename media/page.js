// Shared by Newsmark's webview pages (Compare Coverage, Timeline). A click or Enter on a statement asks the editor to
// open it. The editor sends new content as a message ({ type: 'update', html }) instead of replacing the page, so
// that the scroll position and the focused statement stay where they were.
(function () {
  const vscode = acquireVsCodeApi();
  const content = () => document.getElementById('content');
  document.addEventListener('click', e => {
    const b = e.target.closest('button[data-doc]');
    if (b) vscode.postMessage({ doc: b.dataset.doc, start: Number(b.dataset.start), end: Number(b.dataset.end) });
  });
  /** A key for the focused statement that survives new content: its article and offsets. */
  const keyOf = el =>
    el && el.dataset && el.dataset.doc !== undefined ? `${el.dataset.doc}|${el.dataset.start}|${el.dataset.end}` : null;
  window.addEventListener('message', e => {
    const m = e.data;
    if (!m || m.type !== 'update' || typeof m.html !== 'string') return;
    const focused = keyOf(document.activeElement);
    const x = window.scrollX,
      y = window.scrollY;
    content().innerHTML = m.html;
    document.dispatchEvent(new CustomEvent('newsmark:content', { detail: { first: false } }));
    if (focused) {
      const again = [...document.querySelectorAll('button[data-doc]')].find(b => keyOf(b) === focused);
      if (again) again.focus({ preventScroll: true });
    }
    window.scrollTo(x, y);
  });
  window.addEventListener('load', () =>
    document.dispatchEvent(new CustomEvent('newsmark:content', { detail: { first: true } })),
  );
})();
