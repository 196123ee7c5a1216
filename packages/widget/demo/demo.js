// The demo page: fills in the snippets with this server's address and switches the language.
// Text only (textContent), no inline script, so the page runs under `script-src 'self'`.
import { counterTag, head, mapTag } from './snippet.js';

const origin = location.origin;
const text = (id, value) => {
  const element = document.getElementById(id);
  if (element) element.textContent = value;
};
text('snippet', `${head(origin)}\n${mapTag(origin, 'nid-2027')}`);
text('snippet-counter', counterTag(origin, 'nid-2027'));
text(
  'snippet-iframe',
  `<iframe src="${origin}/embed?edition=nid-2027&lang=nl" title="Tafel" width="100%" height="520" style="border:0"></iframe>`,
);

const select = document.getElementById('lang');
select?.addEventListener('change', () => {
  document.documentElement.lang = select.value;
  for (const element of document.querySelectorAll('tafel-map, tafel-counter'))
    element.setAttribute('lang', select.value);
});
