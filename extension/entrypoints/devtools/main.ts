import { browser } from 'wxt/browser';

// The devtools page only registers the panel; the panel is its own page (WXT's devtools example layout).
void browser.devtools.panels.create('NexStream', '', 'devtools-panel.html');
