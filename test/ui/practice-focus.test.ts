// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { focusAfterAction } from '../../src/ui/practice/focus';

afterEach(() => {
  document.body.innerHTML = '';
});

function page() {
  document.body.innerHTML = `
    <section><h2 id="clock-heading" tabindex="-1">Today</h2><button id="advance">Advance a day</button></section>
    <section><h2 id="work-heading" tabindex="-1">enc-1</h2><button id="post">Post</button></section>`;
  return {
    work: document.getElementById('work-heading')!,
    advance: document.getElementById('advance')!,
    post: document.getElementById('post')!,
  };
}

describe('focus after a practice action (its save may finish seconds later)', () => {
  it('moves to the work heading when the pressed button was re-rendered away', () => {
    const { work, post } = page();
    post.focus();
    post.remove();
    expect(focusAfterAction(document)).toBe(true);
    expect(document.activeElement).toBe(work);
  });

  it('moves to the work heading when focus is still inside the work item', () => {
    const { work, post } = page();
    post.focus();
    expect(focusAfterAction(document)).toBe(true);
    expect(document.activeElement).toBe(work);
  });

  it('leaves focus the trainee moved elsewhere (the clock) where it is', () => {
    const { advance } = page();
    advance.focus();
    expect(focusAfterAction(document)).toBe(false);
    expect(document.activeElement).toBe(advance);
  });

  it('does nothing when there is no work heading', () => {
    document.body.innerHTML = '<button id="b">b</button>';
    expect(focusAfterAction(document)).toBe(false);
  });
});
