import { cardProblems } from '../harness/cardValidation';

const base = { type: 'AdaptiveCard', version: '1.5' };

describe('card validation catches what Teams would reject', () => {
  it('accepts a plain valid card', () => {
    expect(cardProblems({ ...base, body: [{ type: 'TextBlock', text: 'ok', wrap: true }] })).toEqual([]);
  });
  it('flags a misspelled property', () => {
    expect(cardProblems({ ...base, body: [{ type: 'TextBlock', text: 'ok', wrapp: true }] }).join()).toMatch(/wrapp/);
  });
  it('flags an element newer than 1.5', () => {
    expect(cardProblems({ ...base, body: [{ type: 'Badge', text: 'x' }] }).join()).toMatch(/Badge/);
  });
  it('flags an unexpanded template expression', () => {
    expect(cardProblems({ ...base, body: [{ type: 'TextBlock', text: '${missing}' }] }).join()).toMatch(/unexpanded/);
  });
  it('flags duplicate input ids and oversize cards', () => {
    const big = { ...base, body: [{ type: 'Input.Text', id: 'a', label: 'A' }, { type: 'Input.Text', id: 'a', label: 'B' }, { type: 'TextBlock', text: 'x'.repeat(30000) }] };
    const problems = cardProblems(big).join('\n');
    expect(problems).toMatch(/Duplicate Id/);
    expect(problems).toMatch(/over 28672/);
  });
  it('checks each button\'s fallback on its own, since the object model does not keep it', () => {
    const button = (fallback: unknown) => ({ ...base, body: [{ type: 'TextBlock', text: 'ok' }], actions: [{ type: 'Action.Execute', title: 'Go', verb: 'v', fallback }] });
    expect(cardProblems(button({ type: 'Action.Submit', title: 'Go', data: { verb: 'v' } }))).toEqual([]);
    expect(cardProblems(button({ type: 'Action.Submit', titel: 'Go', data: { verb: 'v' } })).join()).toMatch(/fallback: .*titel/);
  });
});
