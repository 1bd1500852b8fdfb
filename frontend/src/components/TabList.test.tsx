import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TabList } from './TabList';

const TABS = ['one', 'two', 'three'] as const;
type Tab = (typeof TABS)[number];

function Harness() {
  const [tab, setTab] = useState<Tab>('one');
  return <TabList id="t" label="Sections" tabs={TABS} tab={tab} onTab={setTab} labelOf={(x) => x.toUpperCase()} />;
}

describe('TabList', () => {
  it('keeps one tab in the Tab order and moves with the arrows, Home and End', () => {
    render(<Harness />);
    const list = screen.getByRole('tablist', { name: 'Sections' });
    const tab = (name: string) => screen.getByRole('tab', { name });
    expect(tab('ONE').getAttribute('aria-selected')).toBe('true');
    expect(tab('TWO').tabIndex).toBe(-1);
    expect(tab('ONE').getAttribute('aria-controls')).toBe('t-panel');
    tab('ONE').focus();
    fireEvent.keyDown(tab('ONE'), { key: 'ArrowLeft' }); // wraps to the last
    expect(document.activeElement).toBe(tab('THREE'));
    expect(tab('THREE').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tab('THREE'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('ONE'));
    fireEvent.keyDown(tab('ONE'), { key: 'End' });
    expect(document.activeElement).toBe(tab('THREE'));
    fireEvent.keyDown(tab('THREE'), { key: 'Home' });
    expect(document.activeElement).toBe(tab('ONE'));
    fireEvent.keyDown(tab('ONE'), { key: 'a' });
    expect(document.activeElement).toBe(tab('ONE'));
    fireEvent.click(tab('TWO'));
    expect(tab('TWO').getAttribute('aria-selected')).toBe('true');
    expect(list.querySelectorAll('[tabindex="0"]').length).toBe(1);
  });
});
