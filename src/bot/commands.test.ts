import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capabilities } from './capabilities';
import { commandTable, routeText } from './commands';
import { HELP_ROUTES } from './help';
import { botStrings } from './strings';

/** Routing only reads the table; no capability runs, so none is needed. */
const commands = commandTable({} as Capabilities);
const routed = (text: string) => routeText(commands, text)?.command.name;

const MANIFEST = join(__dirname, '..', '..', 'manifest');
const manifest = JSON.parse(readFileSync(join(MANIFEST, 'manifest.json'), 'utf8')) as { bots: { commandLists: { commands: { title: string }[] }[] }[] };
const dutch = JSON.parse(readFileSync(join(MANIFEST, 'nl.json'), 'utf8')) as Record<string, string>;

/** What each command in the Teams command menu must run, in the menu's order. */
const MENU_ROUTES = ['help', 'naming.serviceNames', 'guidance.start', 'providers.check', 'namePreflight.check', 'checks.cname', 'checks.certificate', 'checks.endpoint', 'cutover.plan', 'cutover.list', 'reminders.list'];

describe('the command menu in the Teams manifest', () => {
  const titles = manifest.bots[0].commandLists[0].commands.map((command) => command.title);

  it('lists as many commands as there are routes to check', () => {
    expect(titles).toHaveLength(MENU_ROUTES.length);
  });

  it.each(titles.map((title, i) => [title, MENU_ROUTES[i]]))('"%s" runs %s', (title, route) => {
    expect(routed(title)).toBe(route);
  });

  it.each(titles.map((_title, i) => [dutch[`bots[0].commandLists[0].commands[${i}].title`], MENU_ROUTES[i]]))('Dutch "%s" runs %s', (title, route) => {
    expect(routed(title)).toBe(route);
  });
});

describe('the help card', () => {
  it.each(['en', 'nl'] as const)('every example (%s) runs what its row promises', (lang) => {
    const examples = botStrings[lang].capabilities.map((capability) => capability.example);
    expect(examples.map(routed)).toEqual([...HELP_ROUTES]);
  });

  it.each(['help', 'hulp', '?', 'menu', 'wat kun je'])('"%s" shows help', (text) => {
    expect(routed(text)).toBe('help');
  });

  it('sends free text that no command claims to the knowledge base', () => {
    expect(routed('how big should my CMG be?')).toBe('knowledge.ask');
  });
});
