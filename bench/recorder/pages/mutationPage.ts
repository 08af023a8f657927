// A ticking price list and an auto-playing carousel: rows prepended and dropped, prices and slide styles rewritten
// every 50 ms for about 3 s. Kept under the recorder's 10,000-mutations-per-window kill switch so it measures
// recording, not the switch.
import { benchDocument } from './benchDocument.js';

export const MUTATION_RUN_MS = 3_000;
const ROWS = 120;
const SLIDES = 8;

export function mutationPage(recorderTags: string): string {
  const rows = Array.from({ length: ROWS }, (_, i) => `<li><span class="name">Stock ${i}</span> <b class="price">${100 + i}.00</b></li>`).join('');
  const slides = Array.from({ length: SLIDES }, (_, i) => `<div class="slide" style="transform: translateX(${i * 100}%)">Offer ${i}</div>`).join('');
  const script = `
addEventListener('load', () => {
  const list = document.getElementById('ticker');
  const slides = Array.from(document.querySelectorAll('.slide'));
  const started = performance.now();
  let tick = 0;
  const timer = setInterval(() => {
    tick++;
    for (const price of list.querySelectorAll('.price')) price.textContent = (100 + Math.random() * 50).toFixed(2);
    slides.forEach((slide, i) => { slide.style.transform = 'translateX(' + ((i - tick) % ${SLIDES}) * 100 + '%)'; });
    const row = document.createElement('li');
    row.innerHTML = '<span class="name">New ' + tick + '</span> <b class="price">0.00</b>';
    list.prepend(row);
    list.lastElementChild.remove();
    if (performance.now() - started >= ${MUTATION_RUN_MS}) { clearInterval(timer); window.__benchDone = true; }
  }, 50);
});`;
  return benchDocument('Ticker', recorderTags, `<div class="carousel">${slides}</div><ul id="ticker">${rows}</ul>`, script);
}
