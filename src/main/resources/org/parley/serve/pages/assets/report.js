// Parley report page: clicking a highlighted excerpt shows its claims in the panel beside the text
// (the claims listed below the text, copied). Without this script each highlight links to its claim.
(function () {
  'use strict';
  function show(mark) {
    var panel = document.getElementById('claim-panel');
    var ids = (mark.getAttribute('data-claims') || '').split(' ').filter(Boolean);
    panel.textContent = '';
    var close = document.createElement('button');
    close.className = 'close'; close.type = 'button'; close.setAttribute('aria-label', 'Close'); close.textContent = '×';
    close.addEventListener('click', function () { panel.hidden = true; clearActive(); });
    panel.appendChild(close);
    var title = document.createElement('h3');
    title.textContent = ids.length === 1 ? 'Claim' : ids.length + ' claims on these words';
    panel.appendChild(title);
    var list = document.createElement('ol');
    ids.forEach(function (id) {
      var item = document.getElementById(id);
      if (item) { var copy = item.cloneNode(true); copy.removeAttribute('id'); list.appendChild(copy); }
    });
    panel.appendChild(list);
    panel.hidden = false;
    clearActive();
    document.querySelectorAll('mark[data-claims]').forEach(function (m) {
      if (m.getAttribute('data-claims').split(' ').indexOf(ids[0]) >= 0) { m.classList.add('active'); }
    });
  }
  function clearActive() {
    document.querySelectorAll('mark.active').forEach(function (m) { m.classList.remove('active'); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var text = document.getElementById('report-text');
    if (!text) { return; }
    text.addEventListener('click', function (event) {
      var mark = event.target.closest('mark[data-claims]');
      if (!mark) { return; }
      event.preventDefault();
      show(mark);
    });
  });
})();
