// The iframe page (/embed): the map alone, for CMSs that accept only iframes. It takes the
// element's attributes as URL parameters, e.g. /embed?edition=nid-2027&lang=de&region=NL-UT.
// Values are set as attributes (text), never as HTML.
const ATTRIBUTES = [
  'endpoint',
  'edition',
  'lang',
  'organisation',
  'region',
  'meals',
  'target-groups',
  'center',
  'zoom',
  'tile-url',
  'attribution',
  'live',
];
const params = new URLSearchParams(location.search);
const map = document.createElement('tafel-map');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) map.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
if (!map.hasAttribute('edition')) {
  const note = document.createElement('p');
  note.textContent = 'Add ?edition=… to the address, e.g. /embed?edition=nid-2027';
  document.body.append(note);
} else {
  document.body.append(map);
}
