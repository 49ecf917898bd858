// The saved pages and legacy-encoded files of tests/pages/ that the e2e suites import (pages.test.mjs in
// Chromium, webdriver.test.mjs in Firefox and WebKit), with what each must add.
// Each file: the meetings of its article (by parties), and meetings its boilerplate names.
export const FILES = [
  ['ar-news.html', ['IR-OM', 'IR-QA'], ['EG-JO', 'SA-TR', 'FR-IQ']],
  ['fa-news.html', ['IR-OM', 'IR-QA'], ['IR-VE', 'CN-RU', 'IQ-TR']],
  ['en-news.html', ['CN-PK', 'PK-UZ'], ['SA-TR', 'IN-US']],
  ['ur-news.html', ['CN-PK', 'PK-UZ'], ['SA-TR', 'IN-US']],
  ['ar-windows-1256.txt', ['IR-KZ'], []],
  ['fa-utf16.txt', ['IR-OM'], []],
  ['ar-meta-1256.html', ['IR-KZ'], []],
];
