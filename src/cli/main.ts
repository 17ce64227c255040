/**
 * The `chiso` command. Every user mistake ends with exit status 2, nothing on stdout and one
 * line per problem on stderr (interchange.md); a stack trace is shown only with CHISO_DEBUG=1.
 */
import { parseArgs } from 'node:util';
import { BUNDLED_SET_IDS } from '../core/criteria/bundled-ids.ts';
import { pick } from '../core/format.ts';
import type { Lang, Text } from '../core/types.ts';
import { type Io, nodeIo, UsageError } from './io.ts';
import { serve } from './serve.ts';

export type { Io };
export { nodeIo };

const HELP: Text = {
  vi: `chiso — đánh giá, xếp hạng mức độ ứng dụng CNTT (QĐ 2310/QĐ-UBND Cao Bằng)

Cách dùng:
  chiso score --input TỆP [--criteria MÃ|TỆP] [--format json|table] [--lang vi|en] [--explain MÃ_ĐƠN_VỊ]
      Tính điểm, xếp hạng từng nhóm, xếp loại. Mặc định in JSON theo interchange.md.
  chiso check --input TỆP [--criteria MÃ|TỆP] [--format text|json] [--lang vi|en]
      Kiểm tra tính logic của số liệu (không làm thay đổi điểm).
  chiso criteria validate TỆP [--lang vi|en]
      Kiểm tra một bộ tiêu chí trước khi nạp.
  chiso criteria show [MÃ|TỆP] [--group NHÓM] [--lang vi|en]
      In các hạng mục, tiêu chí và điểm tối đa theo nhóm.
  chiso serve [--demo]
      Chạy máy chủ (như npm start); --demo nạp thêm một năm mẫu đầy đủ.
  chiso backup [--out TỆP]
      Sao lưu toàn bộ cơ sở dữ liệu và các tệp tải lên vào một tệp (mặc định trong CHISO_BACKUP_DIR).
  chiso restore TỆP
      Khôi phục một bản sao lưu vào cơ sở dữ liệu mới, trống (CHISO_DATA_DIR hoặc DATABASE_URL).

TỆP "-" là đầu vào chuẩn. Lỗi dữ liệu: mã thoát 2, mỗi lỗi một dòng trên stderr.
Bộ tiêu chí có sẵn: ${BUNDLED_SET_IDS.join(', ')}.
`,
  en: `chiso — evaluate and rank the IT application of state agencies (Decision 2310/QĐ-UBND, Cao Bằng)

Usage:
  chiso score --input FILE [--criteria ID|PATH] [--format json|table] [--lang vi|en] [--explain AGENCY_CODE]
      Score, rank each group, assign classes. Prints JSON (interchange.md) by default.
  chiso check --input FILE [--criteria ID|PATH] [--format text|json] [--lang vi|en]
      Logic checks of the data (they never change a score).
  chiso criteria validate PATH [--lang vi|en]
      Validate a criteria set before loading it.
  chiso criteria show [ID|PATH] [--group GROUP] [--lang vi|en]
      Print categories, criteria and maxima per group.
  chiso serve [--demo]
      Run the server (as npm start); --demo also loads a complete sample year.
  chiso backup [--out FILE]
      Back up the whole database and the uploaded files into one file (default: in CHISO_BACKUP_DIR).
  chiso restore FILE
      Restore a backup into a new, empty database (CHISO_DATA_DIR or DATABASE_URL).

FILE "-" is standard input. Bad input: exit status 2, one line per problem on stderr.
Bundled criteria sets: ${BUNDLED_SET_IDS.join(', ')}.
`,
};

/** Runs the command line; returns the exit status. */
export async function main(argv: readonly string[], io: Io = nodeIo): Promise<number> {
  let lang: Lang = 'vi';
  const bilingual = { value: true };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string', short: 'i' },
        criteria: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        lang: { type: 'string', short: 'l' },
        group: { type: 'string', short: 'g' },
        explain: { type: 'string' },
        demo: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.lang !== undefined) {
      if (values.lang !== 'vi' && values.lang !== 'en')
        throw new UsageError([
          {
            vi: `--lang phải là vi hoặc en, nhận được "${values.lang}"`,
            en: `--lang must be vi or en, got "${values.lang}"`,
          },
        ]);
      lang = values.lang;
      bilingual.value = false;
    }
    const [command, sub, arg] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(pick(HELP, lang));
      return 0;
    }
    switch (command) {
      case 'serve': {
        await serve({ demo: values.demo === true, out: (line) => io.out(`${line}\n`) });
        return 0;
      }
      case 'backup':
        return await (await import('./backup.ts')).backup(values.out, (line) => io.out(`${line}\n`));
      case 'restore':
        return await (await import('./backup.ts')).restore(sub, (line) => io.out(`${line}\n`));
      case 'score':
        return await (await commands()).runScore(io, values, lang);
      case 'check':
        return await (await commands()).runCheck(io, values, lang);
      case 'criteria':
        if (sub === 'validate') return await (await commands()).runValidate(io, arg, lang);
        if (sub === 'show') return await (await commands()).runShow(io, arg, values.group, lang);
        throw new UsageError([
          {
            vi: `Lệnh con không hợp lệ: "criteria ${sub ?? ''}" (dùng validate hoặc show)`,
            en: `unknown subcommand "criteria ${sub ?? ''}" (use validate or show)`,
          },
        ]);
      default:
        throw new UsageError([
          {
            vi: `Không có lệnh "${command}" (xem: chiso help)`,
            en: `unknown command "${command}" (see: chiso help)`,
          },
        ]);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      for (const line of e.lines) io.err(`${say(line, lang, bilingual.value)}\n`);
      return 2;
    }
    if (isArgError(e)) {
      io.err(
        `${say({ vi: `Tham số không hợp lệ: ${e.message}`, en: `invalid arguments: ${e.message}` }, lang, bilingual.value)}\n`,
      );
      return 2;
    }
    if (e instanceof Error && (e as Error & { userFacing?: boolean }).userFacing) {
      io.err(`${e.message}\n`);
      return 2;
    }
    if (process.env.CHISO_DEBUG === '1') throw e;
    io.err(
      `${say({ vi: 'Lỗi nội bộ, hãy báo cho quản trị hệ thống (chạy lại với CHISO_DEBUG=1 để xem chi tiết)', en: 'internal error; please report it (CHISO_DEBUG=1 shows details)' }, lang, bilingual.value)}\n`,
    );
    return 1;
  }
}

/** The commands that read data, loaded when one is asked for (commands.ts). */
const commands = () => import('./commands.ts');

const isArgError = (e: unknown): e is Error => {
  const code = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
};

/** Vietnamese with the English in brackets, or one language when --lang is given. */
function say(t: Text, lang: Lang, bilingual: boolean): string {
  if (!bilingual) return pick(t, lang);
  return t.en && t.en !== t.vi ? `${t.vi} [${t.en}]` : t.vi;
}
