import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { DevtoolsPanel } from '../../components/DevtoolsPanel.js';
import { linkPanel } from '../../logs/panel-link.js';
import { PanelModel } from '../../logs/panel-model.js';
import type { PortLike } from '../../logs/panel-protocol.js';
import './style.css';

// Wiring only: one model, one port to the background relay, one React root.
const model = new PanelModel();
const link = linkPanel((name) => browser.runtime.connect({ name }) as unknown as PortLike, model);
addEventListener('pagehide', () => link.close());
createRoot(document.getElementById('root')!).render(<DevtoolsPanel model={model} link={link} />);
