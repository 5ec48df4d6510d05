/**
 * The Dockerfile, linted with dockerfile-utils (the validator behind VS Code's Dockerfile
 * support) and read with dockerfile-ast. No Docker engine is available here, so the image has not
 * been built; what the build would do is checked from the instructions.
 */
import { DockerfileParser, Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { RUNTIME_FILES } from '../../../scripts/stageAppService';
import { read } from './projectFiles';

const text = read('Dockerfile');
const dockerfile = DockerfileParser.parse(text);

interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

function stages(): Stage[] {
  const result: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image, , name] = instruction.getArguments().map((a) => a.getValue());
      result.push({ image, name, instructions: [] });
    } else {
      result.at(-1)!.instructions.push(instruction);
    }
  }
  return result;
}

const args = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());
const fromFlag = (instruction: Instruction) => /--from=(\S+)/.exec(instruction.getTextContent())?.[1];
const of = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.getKeyword() === keyword);

describe('Dockerfile', () => {
  const all = stages();
  const runtime = all.at(-1)!;

  it('passes the Dockerfile linter without a diagnostic', () => {
    expect(validate(text)).toEqual([]);
  });

  it('the linter can fail: a broken port and a bad health-check flag are reported', () => {
    const broken = text.replace('EXPOSE 3978', 'EXPOSE port').replace('--interval=30s', '--interval=often');
    expect(validate(broken).map((d) => d.message)).toEqual(expect.arrayContaining([expect.stringMatching(/containerPort/), expect.stringMatching(/invalid duration often/)]));
  });

  it('builds with the dev dependencies in one stage and runs node:24-slim with production dependencies from another', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(runtime.image).toBe('node:24-slim');
    const build = all.find((s) => of(s, 'RUN').some((r) => /\btsc\b/.test(r.getTextContent())))!;
    expect(of(build, 'RUN').some((r) => /npm ci(?!.*--omit=dev)/.test(r.getTextContent()))).toBe(true);
    const production = all.find((s) => of(s, 'RUN').some((r) => /npm ci .*--omit=dev/.test(r.getTextContent())))!;
    expect(production).toBeDefined();
    // The runtime stage never installs anything: it takes node_modules from the production stage.
    expect(of(runtime, 'RUN').some((r) => /npm (ci|install)/.test(r.getTextContent()))).toBe(false);
    const copies = of(runtime, 'COPY').map((c) => ({ from: fromFlag(c), sources: args(c).filter((a) => !a.startsWith('--')).slice(0, -1) }));
    expect(copies).toContainEqual({ from: production.name, sources: ['/app/node_modules'] });
    expect(copies.filter((c) => c.from === build.name).flatMap((c) => c.sources)).toEqual(['/app/dist/src']);
    // What the bot needs at run time, the same list the App Service staging copies.
    const copied = copies.flatMap((c) => c.sources.map((s) => s.replace(/^\/app\//, '')));
    expect(RUNTIME_FILES.filter((path) => !copied.includes(path))).toEqual([]);
  });

  it('runs as the unprivileged node user from before its command on', () => {
    const users = of(runtime, 'USER').map((u) => args(u)[0]);
    expect(users.at(-1)).toBe('node');
    expect(users).not.toContain('root');
    const order = runtime.instructions.map((i) => i.getKeyword());
    expect(order.lastIndexOf('USER')).toBeLessThan(order.indexOf('CMD'));
    expect(order.slice(order.lastIndexOf('USER')).includes('RUN')).toBe(false);
  });

  it('checks /healthz on the configured PORT, listens on 3978 by default, and starts like `npm start`', () => {
    const health = of(runtime, 'HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect(health[0].getTextContent()).toMatch(/CMD .*\/healthz/);
    expect(health[0].getTextContent()).toContain('process.env.PORT');
    expect(of(runtime, 'ENV').map((e) => e.getTextContent()).join(' ')).toMatch(/PORT=3978/);
    expect(of(runtime, 'EXPOSE').map(args)).toEqual([['3978']]);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const command = JSON.parse(of(runtime, 'CMD')[0].getTextContent().replace(/^CMD\s+/, '')) as string[];
    expect(command.join(' ')).toBe(pkg.scripts.start);
  });

  it('keeps secrets, local data and build output out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['.env', '.env.*', 'node_modules', 'dist', 'data', '.localConfigs', '.git']));
    // What the build copies is not ignored.
    for (const needed of ['src', 'cards', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) expect(ignored).not.toContain(needed);
  });
});
