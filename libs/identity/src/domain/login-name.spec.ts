import { loginThrottleKey, normalisePhone, parseLoginName } from './login-name';

describe('login names', () => {
  it.each([
    ['Organiser@Chengnan.Demo', { kind: 'email', value: 'organiser@chengnan.demo' }],
    ['  volunteer@x.cn ', { kind: 'email', value: 'volunteer@x.cn' }],
    ['138 0000 1234', { kind: 'phone', value: '13800001234' }],
    ['+86 138-0000-1234', { kind: 'phone', value: '+8613800001234' }],
  ])('%s', (raw, expected) => {
    expect(parseLoginName(raw)).toEqual(expected);
  });

  it('keeps only digits and a leading plus in phone numbers', () => {
    expect(normalisePhone('(028) 3811-0000')).toBe('02838110000');
  });

  it.each([
    ['1 0055550000', 'phone:10055550000'],
    ['x10055550000', 'phone:10055550000'],
    ['  100-5555-0000 ', 'phone:10055550000'],
    ['Volunteer@X.cn ', 'email:volunteer@x.cn'],
    [42, '(none)'],
    [undefined, '(none)'],
  ])('counts login attempts for %j under %s, the account login would look up', (raw, key) => {
    expect(loginThrottleKey(raw)).toBe(key);
  });
});
