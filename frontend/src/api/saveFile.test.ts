import { describe, expect, it } from 'vitest';
import { saveAnswer } from './saveFile';

describe('saveAnswer', () => {
  it('reads a saved path', () => {
    expect(saveAnswer('a.log', 200, '{"path":"/home/me/a.log"}')).toEqual({ kind: 'saved', path: '/home/me/a.log' });
  });
  it('reads a cancelled dialog', () => {
    expect(saveAnswer('a.log', 200, '{"cancelled":true}')).toEqual({ kind: 'cancelled' });
  });
  it('turns the shell’s error into a readable one', () => {
    expect(() => saveAnswer('a.log', 500, '{"error":"save /x/a.log: permission denied"}')).toThrow(
      'Could not save a.log: save /x/a.log: permission denied',
    );
  });
  it('rejects an answer that is not the shell’s', () => {
    expect(() => saveAnswer('a.log', 404, 'not found')).toThrow('Could not save a.log: the app answered 404');
    expect(() => saveAnswer('a.log', 200, '{}')).toThrow('the app answered 200');
  });
});
