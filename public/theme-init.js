try{var t=localStorage.getItem('theme');if(t=='light'||t=='dark')document.documentElement.dataset.theme=t}catch(e){}
(function(d,r){var o=top!=self;try{o=o&&top.location.origin!=location.origin}catch(e){}
if(!o||r.classList.contains('embed-page'))return;r.style.display='none';
d.addEventListener('DOMContentLoaded',function(){var a=d.createElement('a'),m=d.createElement('main');
a.href=location.origin+location.pathname+location.hash;a.target='_blank';a.rel='noopener';a.textContent='Open this page on its own (new tab)';
m.id='framed-notice';m.append('This page cannot be shown inside another site. ',a);d.body.replaceChildren(m);r.style.display=''})})(document,document.documentElement);
