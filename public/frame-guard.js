// Hosts that ignore _headers (GitHub Pages) let other sites frame any page: in another origin's frame,
// hide at once, then show only a notice linking to the page. Not loaded by the embed pages. See /about/.
(function () {
  if (top === self) return;
  try { if (top.location.origin === location.origin) return; } catch (e) {}
  var root = document.documentElement;
  root.style.display = 'none';
  document.addEventListener('DOMContentLoaded', function () {
    var a = document.createElement('a');
    a.href = location.origin + location.pathname + location.hash;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = 'Open this page on its own (new tab)';
    var main = document.createElement('main');
    main.id = 'framed-notice';
    main.append('This page cannot be shown inside another site. ', a);
    document.body.replaceChildren(main);
    root.style.display = '';
  });
})();
