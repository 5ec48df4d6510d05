import { parseSubscriptionId } from './subscriptionId';

describe('parseSubscriptionId', () => {
  const id = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';

  it.each([
    [id, id],
    [id.toUpperCase(), id],
    [`  ${id}  `, id],
    [`{${id}}`, id],
    [`/subscriptions/${id}`, id],
    [`subscriptions/${id}/`, id],
  ])('accepts %s', (input, expected) => {
    expect(parseSubscriptionId(input)).toBe(expected);
  });

  it.each(['', 'abc', '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b', `${id}0`, `${id} extra`, '3f6a2b1c9d8e4f70a1b2c3d4e5f6a7b8', `/subscriptions/${id}/resourceGroups/x`])('refuses %p', (input) => {
    expect(parseSubscriptionId(input)).toBeUndefined();
  });
});
