// Compare Coverage: arrow keys move between the cells of the table (media/page.js opens a statement).
(function () {
  const buttons = () => [...document.querySelectorAll('td button')];
  document.addEventListener('keydown', e => {
    const b = document.activeElement;
    if (!b || !b.matches('td button')) return;
    const td = b.closest('td'),
      tr = td.parentElement,
      col = [...tr.children].indexOf(td);
    const rows = [...tr.parentElement.children];
    const at = (r, c) => rows[r] && rows[r].children[c] && rows[r].children[c].querySelector('button');
    const r = rows.indexOf(tr);
    let next = null;
    if (e.key === 'ArrowRight') for (let c = col + 1; c < tr.children.length && !next; c++) next = at(r, c);
    if (e.key === 'ArrowLeft') for (let c = col - 1; c > 0 && !next; c--) next = at(r, c);
    if (e.key === 'ArrowDown') for (let x = r + 1; x < rows.length && !next; x++) next = at(x, col);
    if (e.key === 'ArrowUp') for (let x = r - 1; x >= 0 && !next; x--) next = at(x, col);
    if (next) {
      next.focus();
      e.preventDefault();
    }
  });
  document.addEventListener('newsmark:content', e => {
    if (!e.detail.first) return;
    const first = buttons()[0];
    if (first) first.focus();
  });
})();
