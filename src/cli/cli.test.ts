import { execFile } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { vectorExpected, vectorInputPath, vectorInputText } from '../../test/vectors.ts';
import { type Io, main } from './main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** Runs the CLI in-process on virtual files; returns exit status and both streams. */
async function chiso(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    readFile: (p) => {
      if (Object.hasOwn(files, p)) return Buffer.from(files[p]!);
      return readFileSync(p);
    },
  };
  const status = await main(args, io);
  return { status, stdout, stderr, lines: stderr.trimEnd().split('\n') };
}

type Agency = { code: string; group: string; values: Record<string, unknown>; [k: string]: unknown };
type Cycle = { criteriaSet: string; year: number; agencies: Agency[]; [k: string]: unknown };

/** A small valid cycle: two agencies of the boundaries vector, one per group. */
function baseCycle(): Cycle {
  const all = JSON.parse(vectorInputText('boundaries')) as Cycle;
  return { ...all, agencies: all.agencies.filter((a) => a.code === 'D-PERFECT' || a.code === 'H-PERFECT') };
}

/** Scores a mutated cycle and expects exactly the bad-input contract of interchange.md. */
async function expectRejected(mutate: (c: Cycle) => void, ...expected: RegExp[]) {
  const cycle = baseCycle();
  mutate(cycle);
  const r = await chiso(['score', '--input', 'cycle.json'], { 'cycle.json': JSON.stringify(cycle) });
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // never a stack trace
  for (const e of expected) expect(r.stderr).toMatch(e);
  return r;
}

const dept = (c: Cycle) => c.agencies[0]!;
const dist = (c: Cycle) => c.agencies[1]!;

describe('chiso score: bad input gets exit status 2, nothing on stdout, one line per problem', () => {
  it('rejects malformed JSON', async () => {
    const r = await chiso(['score', '--input', 'bad.json'], { 'bad.json': '{"year": 2017,' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Tệp không phải JSON hợp lệ.*\[malformed JSON/);
  });

  it('rejects an unknown criteria set', async () => {
    await expectRejected((c) => {
      c.criteriaSet = 'ha-noi-2099';
    }, /Không có bộ tiêu chí "ha-noi-2099".*\[unknown criteria set "ha-noi-2099"\]/);
  });

  it('rejects an unknown group, naming the agency', async () => {
    await expectRejected((c) => {
      dept(c).group = 'ministry';
    }, /đơn vị D-PERFECT: Nhóm "ministry" không có.*\[agency D-PERFECT: unknown group "ministry"/);
  });

  it('rejects a duplicate agency code', async () => {
    await expectRejected((c) => {
      dist(c).code = 'D-PERFECT';
    }, /đơn vị D-PERFECT: Mã đơn vị "D-PERFECT" bị trùng/);
  });

  it('rejects an unknown field key', async () => {
    await expectRejected((c) => {
      dept(c).values.staff_count = 3;
    }, /đơn vị D-PERFECT, trường staff_count: trường không có trong bộ tiêu chí/);
  });

  it('rejects a field of the other group (communes are for districts only)', async () => {
    await expectRejected((c) => {
      dept(c).values.commune_count = 3;
    }, /đơn vị D-PERFECT, trường commune_count/);
  });

  it('rejects a string where an integer is expected', async () => {
    await expectRejected((c) => {
      dept(c).values.total_staff = '12';
    }, /đơn vị D-PERFECT, trường total_staff: phải là một số nguyên, nhận được "12" \[agency D-PERFECT, field total_staff: must be a whole number, got "12"\]/);
  });

  it('rejects 1 where a boolean is expected', async () => {
    await expectRejected((c) => {
      dist(c).values.has_lan = 1;
    }, /đơn vị H-PERFECT, trường has_lan: phải là có \(true\) hoặc không \(false\), nhận được 1/);
  });

  it('rejects an integer that is not whole', async () => {
    await expectRejected((c) => {
      dept(c).values.total_computers = 10.5;
    }, /đơn vị D-PERFECT, trường total_computers: phải là số nguyên, nhận được 10,5/);
  });

  it('rejects a value outside the field range', async () => {
    const r = await expectRejected(
      (c) => {
        dept(c).values.total_staff = 0;
        dist(c).values.total_computers = 10_001;
      },
      /đơn vị D-PERFECT, trường total_staff: phải từ 1 trở lên, nhận được 0/,
      /đơn vị H-PERFECT, trường total_computers: không được lớn hơn 10\.000, nhận được 10\.001/,
    );
    expect(r.lines).toHaveLength(2);
  });

  it('rejects an enum value that is not an option', async () => {
    await expectRejected((c) => {
      dept(c).values.it_staff_status = 'part_time';
    }, /đơn vị D-PERFECT, trường it_staff_status: phải là một trong: chuyen_trach, kiem_nhiem, khong_co; nhận được "part_time"/);
  });

  it('rejects a malformed date and a malformed submission instant', async () => {
    const r = await expectRejected(
      (c) => {
        dept(c).values.it_plan_date = '2017-02-30';
        dist(c).submittedAt = '31/10/2017 10:00';
      },
      /đơn vị D-PERFECT, trường it_plan_date: phải là ngày có thật dạng YYYY-MM-DD, nhận được "2017-02-30"/,
      /đơn vị H-PERFECT, trường submittedAt: thời điểm nộp phải dạng ISO-8601/,
    );
    expect(r.lines).toHaveLength(2);
  });

  it('rejects an instant without its time zone, which would be ambiguous', async () => {
    await expectRejected((c) => {
      dept(c).submittedAt = '2017-10-31T23:59:59';
    }, /đơn vị D-PERFECT, trường submittedAt/);
  });

  it('rejects a malformed deadline', async () => {
    await expectRejected((c) => {
      c.deadline = '2017-11-01';
    }, /"deadline" phải là thời điểm ISO-8601/);
  });

  it('rejects a report year different from the cycle year', async () => {
    await expectRejected((c) => {
      dept(c).values.report_year = 2016;
    }, /đơn vị D-PERFECT, trường report_year: năm báo cáo 2016 khác năm của kỳ đánh giá 2017/);
  });

  it('rejects "not applicable" on an unknown criterion or one that does not allow it', async () => {
    const r = await expectRejected(
      (c) => {
        dept(c).notApplicable = ['9.9', '1.1'];
      },
      /đơn vị D-PERFECT, tiêu chí 9\.9: tiêu chí "9\.9" không có trong nhóm "department"/,
      /đơn vị D-PERFECT, tiêu chí 1\.1: tiêu chí 1\.1 không cho phép "không áp dụng"/,
    );
    expect(r.lines).toHaveLength(2);
  });

  it('rejects a missing required field', async () => {
    await expectRejected((c) => {
      delete dept(c).values.total_staff;
    }, /đơn vị D-PERFECT, trường total_staff: thiếu số liệu bắt buộc \[agency D-PERFECT, field total_staff: required value missing\]/);
  });

  it('accepts a monitoring field given in every website check instead of the values', async () => {
    const cycle = baseCycle();
    const d = dept(cycle);
    delete d.values.ws_news_per_month;
    d.websiteChecks = [{ values: { ws_news_per_month: 9 } }, { values: { ws_news_per_month: 2 } }];
    const r = await chiso(['score', '--input', 'c.json'], { 'c.json': JSON.stringify(cycle) });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.groups[0].ranking[0].criteria['3.3']).toBe(1.25);
  });

  it('still rejects it when one website check lacks it', async () => {
    await expectRejected((c) => {
      delete dept(c).values.ws_news_per_month;
      dept(c).websiteChecks = [{ values: { ws_news_per_month: 9 } }, { values: { website_active: true } }];
    }, /đơn vị D-PERFECT, trường ws_news_per_month: thiếu số liệu bắt buộc/);
  });

  it('reports every problem of every agency, one per line', async () => {
    const r = await expectRejected((c) => {
      dept(c).values.total_staff = 'many';
      dept(c).values.has_lan = 'yes';
      dist(c).values.commune_count = 100;
    });
    expect(r.lines).toHaveLength(3);
  });

  it('speaks English alone with --lang en', async () => {
    const cycle = baseCycle();
    dept(cycle).values.total_staff = '12';
    const r = await chiso(['score', '--input', 'c.json', '--lang', 'en'], {
      'c.json': JSON.stringify(cycle),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('agency D-PERFECT, field total_staff: must be a whole number, got "12"\n');
  });

  it('names a missing input file plainly', async () => {
    const r = await chiso(['score', '--input', '/no/such/cycle.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Tệp "\/no\/such\/cycle\.json": không có tệp này/);
  });

  it('rejects unknown options and commands with exit status 2', async () => {
    expect((await chiso(['score', '--inptu', 'x'])).status).toBe(2);
    expect((await chiso(['rank'])).status).toBe(2);
    expect((await chiso(['score', '--input', vectorInputPath('boundaries'), '--format', 'xml'])).status).toBe(
      2,
    );
  });
});

describe('chiso score output', () => {
  it('prints the expected JSON of a vector', async () => {
    const r = await chiso(['score', '--input', vectorInputPath('random-101')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(vectorExpected('random-101'));
  });

  it('prints a ranking table in Vietnamese with classes and the not-ranked agencies', async () => {
    const r = await chiso(['score', '--input', vectorInputPath('boundaries'), '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH/);
    expect(r.stdout).toMatch(/^\s*1\s+D-PERFECT\s.*100,00\s+Tốt$/m);
    expect(r.stdout).toMatch(/^\s*2\s+D-TIE-A\s.*90,00\s+Tốt$/m);
    expect(r.stdout).toMatch(/^\s*2\s+D-TIE-B\s.*90,00\s+Tốt$/m);
    expect(r.stdout).toMatch(/D-LATE.*nộp muộn/);
    expect(r.stdout).toMatch(/D-MISSING.*không nộp/);
  });

  it('explains every point of one agency', async () => {
    const r = await chiso(['score', '--input', vectorInputPath('boundaries'), '--explain', 'H-CHECKS']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Tổng: 92,71 điểm · Hạng 4\/\d+ · Xếp loại: Tốt/);
    expect(r.stdout).toMatch(
      /Trung bình 3 lần kiểm tra trang TTĐT: \(1 \+ 0 \+ 1\) \/ 3 = 0,6666… ≈ 0,67 điểm/,
    );
  });

  it('explains a not-ranked agency in one line', async () => {
    const r = await chiso(['score', '--input', vectorInputPath('boundaries'), '--explain', 'D-LATE']);
    expect(r.stdout).toMatch(/Không chấm điểm, không xếp hạng: nộp muộn/);
  });
});

describe('chiso check', () => {
  it('lists logic-check findings per agency without changing scores', async () => {
    const cycle = baseCycle();
    dept(cycle).values.staff_with_computer = 50;
    dept(cycle).values.total_staff = 40;
    const r = await chiso(['check', '--input', 'c.json'], { 'c.json': JSON.stringify(cycle) });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/D-PERFECT[\s\S]*V01 lỗi: Số CBCCVC có máy tính không được vượt tổng số CBCCVC/);
    const json = await chiso(['check', '--input', 'c.json', '--format', 'json'], {
      'c.json': JSON.stringify(cycle),
    });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.agencies[0].findings.map((f: { rule: string }) => f.rule)).toContain('V01');
  });
});

describe('chiso criteria', () => {
  it('shows categories and criteria with maxima per group', async () => {
    const r = await chiso(['criteria', 'show', '--group', 'district']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1\. Hạ tầng kỹ thuật công nghệ thông tin — tối đa 25/);
    expect(r.stdout).toMatch(/^1\.8\s+Tỷ lệ UBND cấp xã có kết nối Internet băng rộng\s+3/m);
    expect(r.stdout).toMatch(/Tổng: 100/);
    expect(r.stdout).not.toMatch(/Cơ quan chuyên môn thuộc UBND tỉnh \(department\)/);
  });

  it('validates the bundled file and rejects a broken one with its problems', async () => {
    const ok = await chiso(['criteria', 'validate', `${ROOT}criteria/cao-bang-2016.json`]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Hợp lệ: cao-bang-2016/);
    const raw = JSON.parse(readFileSync(`${ROOT}criteria/cao-bang-2016.json`, 'utf8'));
    raw.groups[0].categories[0].criteria[0].max = 6;
    const bad = await chiso(['criteria', 'validate', 'broken.json'], { 'broken.json': JSON.stringify(raw) });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/groups\[0\]\.categories\[0\]\.criteria\[0\]\.formula: Tiêu chí 1\.1/);
    expect(bad.stderr).toMatch(/hạng mục 1: tổng điểm các tiêu chí là 21/);
  });
});

/** The compiled command line bin/chiso.mjs runs, and whether it is at least as new as every file it was built from. */
function compiledCli(): { builtAt: number; fresh: boolean } {
  const main = `${ROOT}dist/cli/main.mjs`;
  const builtAt = statSync(main).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(`${ROOT}dist/cli/build.json`, 'utf8')) as { inputs: string[] };
  return { builtAt, fresh: inputs.every((f) => statSync(`${ROOT}${f}`).mtimeMs <= builtAt) };
}

describe('the installed command', () => {
  it('runs as `npx chiso` from the repository root, compiled, and exits 2 on bad input', async () => {
    const ok = await run(
      'npx',
      ['--no-install', 'chiso', 'score', '--input', vectorInputPath('random-202')],
      { cwd: ROOT },
    );
    expect(JSON.parse(ok.stdout)).toEqual(vectorExpected('random-202'));
    // Nothing said on stderr: it ran dist/cli, not the sources (which it would say it fell back to).
    expect(ok.stderr).toBe('');
    expect(compiledCli().fresh).toBe(true);
    const bad = await run('node', ['bin/chiso.mjs', 'score', '--input', 'package.json'], { cwd: ROOT }).catch(
      (e) => e,
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/criteriaSet/);
  });

  it('compiles itself again when one of its sources is newer', async () => {
    // A source saved now (its content unchanged) is newer than the last build: the next run rebuilds.
    const source = `${ROOT}src/cli/render.ts`;
    const now = new Date();
    utimesSync(source, now, now);
    expect(compiledCli().fresh).toBe(false);
    const help = await run('node', ['bin/chiso.mjs', 'help', '--lang', 'en'], { cwd: ROOT });
    expect(help.stdout).toMatch(/^chiso — evaluate and rank/);
    expect(help.stderr).toBe('');
    const after = compiledCli();
    expect(after.fresh).toBe(true);
    expect(after.builtAt).toBeGreaterThanOrEqual(now.getTime() - 1000);
  });
});
