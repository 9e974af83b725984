// Applies the reader's remembered theme before the first paint (no flash). The toggle is in theme-toggle.ts.
try { var t = localStorage.getItem('theme'); if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t; } catch (e) {}
