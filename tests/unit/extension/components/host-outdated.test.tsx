// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, popupView, type PopupActions } from '../../../../extension/components/Popup.js';
import { PopupState } from '../../../../extension/messages.js';
import { UPDATE_HOST_COMMAND } from '../../../../shared/error-text.js';

afterEach(cleanup);

const actions = (): PopupActions => ({ download: vi.fn(), cancel: vi.fn(), reveal: vi.fn(), dismiss: vi.fn(), probe: vi.fn() });
const PAGE = { pageUrl: 'http://127.0.0.1:8080/demo.html', title: 'Sunset Timelapse' };
const error = { code: 'protocol.version' as const, message: 'The NexStream helper 0.0.9 speaks protocol 0; this extension speaks protocol 1.' };

describe('popup: host speaks another protocol', () => {
  it('shows one card with the exact update command, not the generic error card', () => {
    const state = PopupState.parse({
      tabId: 1,
      page: PAGE,
      mediaCount: 1,
      sources: [{ url: PAGE.pageUrl, kind: 'page', via: 'page-url' }],
      host: { status: 'mismatch', version: '0.0.9', error },
      probe: { status: 'error', url: PAGE.pageUrl, error },
      job: null,
    });
    render(<Popup state={state} actions={actions()} />);
    expect(popupView(state)).toBe('host-outdated');
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.textContent).toContain('Update the host');
    expect(alerts[0]?.textContent).toContain(UPDATE_HOST_COMMAND);
    expect(alerts[0]?.textContent).toContain('protocol 0');
  });
});
