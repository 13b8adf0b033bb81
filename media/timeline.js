// Timeline: arrow keys move between statements (up and down by date), Home and End to the ends; gaps between dates
// get their height from data-gap (media/page.js opens a statement).
(function () {
  const all = () => [...document.querySelectorAll('button.event')];
  document.addEventListener('keydown', e => {
    const b = document.activeElement;
    if (!b || !b.matches('button.event')) return;
    const list = all(),
      i = list.indexOf(b);
    const row = b.closest('li.row');
    let next = null;
    if (e.key === 'ArrowRight') next = list[i + 1];
    if (e.key === 'ArrowLeft') next = list[i - 1];
    if (e.key === 'ArrowDown') next = list.slice(i + 1).find(x => x.closest('li.row') !== row);
    if (e.key === 'ArrowUp') {
      const before = list.slice(0, i).filter(x => x.closest('li.row') !== row);
      next = before[before.length - 1];
    }
    if (e.key === 'Home') next = list[0];
    if (e.key === 'End') next = list[list.length - 1];
    if (next) {
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
      e.preventDefault();
    }
  });
  document.addEventListener('newsmark:content', e => {
    // Styles set through the DOM, not style attributes, which the page's Content-Security-Policy does not allow.
    for (const g of document.querySelectorAll('li.gap[data-gap]'))
      g.style.setProperty('--gap', `${Number(g.dataset.gap)}em`);
    if (!e.detail.first) return;
    const first = all()[0];
    if (first) first.focus();
  });
})();
