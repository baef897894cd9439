// @vitest-environment jsdom
/** registry.auth / registry.unavailable where the user looks: the popup's status line and the panel's host bar. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DoctorReport } from '../../../../shared/protocol/index.js';
import { HostStatus } from '../../../../extension/components/HostStatus.js';
import { Popup } from '../../../../extension/components/Popup.js';
import { PopupState } from '../../../../extension/messages.js';

afterEach(cleanup);
const actions = { download: vi.fn(), cancel: vi.fn(), reveal: vi.fn(), dismiss: vi.fn(), probe: vi.fn() };
const state = (registry?: unknown) =>
  PopupState.parse({ tabId: 1, page: { pageUrl: 'http://127.0.0.1/x' }, mediaCount: 0, sources: [], host: { status: 'ready', ...(registry ? { registry } : {}) }, probe: { status: 'loading' }, job: null });
const report = (registry: DoctorReport['registry']): DoctorReport => ({ hostVersion: '0.1.0', protocolVersion: 1, node: '20', platform: 'linux', tools: [], configPath: '/c', logPath: '/l', registryPath: '/r', downloadDir: '/d', registry });

describe('registry status', () => {
  it('popup: one status line for registry.auth, none when the registry is fine', () => {
    render(<Popup state={state({ mode: 'remote', state: 'auth', code: 'registry.auth', message: 'refused' })} actions={actions} />);
    const line = document.querySelector('.registry-notice');
    expect(line?.getAttribute('data-code')).toBe('registry.auth');
    expect(line?.textContent).toMatch(/refused the token/);
    cleanup();
    render(<Popup state={state({ mode: 'remote', state: 'ok' })} actions={actions} />);
    expect(document.querySelector('.registry-notice')).toBeNull();
  });

  it('panel host bar: the registry chip names the code', () => {
    const host = { connected: true, version: '0.1.0' };
    render(<HostStatus host={host} linked doctor={{ report: report({ mode: 'replica', state: 'unavailable', code: 'registry.unavailable', message: 'down' }) }} onReconnect={() => {}} onRefresh={() => {}} />);
    const chip = document.querySelector('.tool.registry');
    expect(chip?.textContent).toBe('registry replica: registry.unavailable');
    expect(chip?.className).toContain('bad');
  });
});
