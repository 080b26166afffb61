import { readFile } from 'node:fs/promises';
import { UserError, errorMessage } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { parseReport } from '../report/json.js';
import type { Report } from '../report/model.js';

/** The JSON report on disk: written atomically, read back with the contract's shape check. */

export async function writeJsonReport(file: string, report: Report): Promise<void> {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  // Check what was serialized (NaN becomes null, for one), so a reader never gets a broken report.
  await writeFileAtomic(file, text, { check: () => void parseReport(text, file) });
}

export async function readJsonReport(file: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `Report file ${file} does not exist`
        : `Report file ${file} cannot be read: ${errorMessage(error)}`,
      file,
    );
  }
  return parseReport(text, file);
}
