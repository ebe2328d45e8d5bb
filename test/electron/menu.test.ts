import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutDetail, buildMenuTemplate, type MenuActions } from '../../electron/menu.js';

function recorder(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = [];
  const actions: MenuActions = {
    openBundle: () => calls.push('openBundle'),
    saveReport: () => calls.push('saveReport'),
    saveBundle: () => calls.push('saveBundle'),
    showAbout: () => calls.push('showAbout'),
  };
  return { actions, calls };
}

function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function menu(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const found = template.find((item) => item.label?.replace('&', '') === label);
  return Array.isArray(found?.submenu) ? found.submenu : [];
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe.each(['linux', 'win32', 'darwin'] as const)('the menu on %s', (platform) => {
  it('has File > Open, Save report, Save bundle wired to their actions, with the usual shortcuts', () => {
    const { actions, calls } = recorder();
    const file = menu(buildMenuTemplate({ platform, appName: 'Clawproof', devTools: false, actions }), 'File');
    const byLabel = (label: string) => file.find((item) => item.label === label);
    expect(byLabel('Open Bundle…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('Save Report…')?.accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel('Save Bundle…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    click(byLabel('Open Bundle…'));
    click(byLabel('Save Report…'));
    click(byLabel('Save Bundle…'));
    expect(calls).toEqual(['openBundle', 'saveReport', 'saveBundle']);
  });

  it('can quit', () => {
    const template = buildMenuTemplate({ platform, appName: 'Clawproof', devTools: false, actions: recorder().actions });
    expect(items(template).some((item) => item.role === 'quit')).toBe(true);
  });

  it('has Help > About and nothing else in Help', () => {
    const { actions, calls } = recorder();
    const help = menu(buildMenuTemplate({ platform, appName: 'Clawproof', devTools: false, actions }), 'Help');
    expect(help.map((item) => item.label)).toEqual(['About Clawproof']);
    click(help[0]);
    expect(calls).toEqual(['showAbout']);
  });

  it('offers reload and DevTools in development only', () => {
    const roles = (devTools: boolean) =>
      items(buildMenuTemplate({ platform, appName: 'Clawproof', devTools, actions: recorder().actions })).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has no item that leads outside the app', () => {
    const template = buildMenuTemplate({ platform, appName: 'Clawproof', devTools: true, actions: recorder().actions });
    const text = JSON.stringify(template);
    expect(text).not.toMatch(/https?:|www\.|learn more|documentation|check for updates/iu);
    // Every clickable item is one of the four actions; the rest are Electron roles.
    const clickable = items(template).filter((item) => item.click !== undefined);
    expect(clickable.map((item) => item.label).sort()).toEqual(
      platform === 'darwin'
        ? ['About Clawproof', 'About Clawproof', 'Open Bundle…', 'Save Bundle…', 'Save Report…']
        : ['About Clawproof', 'Open Bundle…', 'Save Bundle…', 'Save Report…'],
    );
  });
});

it('puts the app menu first on macOS only', () => {
  const actions = recorder().actions;
  expect(buildMenuTemplate({ platform: 'darwin', appName: 'Clawproof', devTools: false, actions })[0]?.label).toBe('Clawproof');
  expect(buildMenuTemplate({ platform: 'linux', appName: 'Clawproof', devTools: false, actions })[0]?.label).toBe('&File');
});

describe('aboutDetail', () => {
  it('names the version and the engine and promises no network', () => {
    const text = aboutDetail('0.1.0', { electron: '45.4.1', chrome: '142.0.0.0' });
    expect(text).toContain('Version 0.1.0');
    expect(text).toContain('Electron 45.4.1, Chromium 142.0.0.0');
    expect(text).toMatch(/no network/u);
    expect(text).not.toMatch(/https?:/u);
  });
});
