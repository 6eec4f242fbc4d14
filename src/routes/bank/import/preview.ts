// What the import page shows and sends back: the form's choices, the uploaded file, and the
// check translated for the reader.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { ImportCheck, ImportOptions } from '$lib/server/bank/io/check';
import { describeProblem, type DescribedProblem } from '$lib/server/bank/io/describe';
import { parseQuestionFile } from '$lib/server/bank/io/parse';
import { IMPORT_MAX_BYTES, type BankFormat, type ParsedFile } from '$lib/server/bank/io/types';
import { topics } from '$lib/server/db/schema/bank';
import { DomainError } from '$lib/server/errors';
import { field } from '$lib/server/forms';
import type { Locale } from '$lib/server/i18n';

// A file with thousands of broken rows usually has one systematic mistake; the rest adds noise.
const MAX_PROBLEMS_SHOWN = 1000;

export type FormChoices = {
	status: 'draft' | 'in_review';
	topic: string;
	difficulty: string;
	skipUnsupported: boolean;
	importDuplicates: boolean;
};

/** The choices as the form sent them, for re-filling it, and as import options. */
export function readChoices(data: FormData): { values: FormChoices; options: ImportOptions } {
	const values: FormChoices = {
		status: field(data, 'status') === 'in_review' ? 'in_review' : 'draft',
		topic: field(data, 'topic'),
		difficulty: field(data, 'difficulty'),
		skipUnsupported: field(data, 'skipUnsupported') === 'on',
		importDuplicates: field(data, 'importDuplicates') === 'on'
	};
	const difficulty = Number(values.difficulty);
	return {
		values,
		options: {
			status: values.status,
			topic: (topics as readonly string[]).includes(values.topic) ? values.topic : undefined,
			difficulty:
				Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5 ? difficulty : undefined,
			skipUnsupported: values.skipUnsupported,
			importDuplicates: values.importDuplicates
		}
	};
}

export interface Upload {
	filename: string;
	digest: string;
	parsed: ParsedFile;
}

/** Reads and parses the uploaded file; throws DomainError for a missing or unusable file. */
export async function readUpload(data: FormData): Promise<Upload> {
	const file = data.get('file');
	if (!(file instanceof File) || file.name === '') throw new DomainError('import_file_missing');
	// Refuse before reading the body into memory.
	if (file.size > IMPORT_MAX_BYTES) {
		throw new DomainError('import_file_too_large', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	const parsed = await parseQuestionFile(bytes, file.name);
	return { filename: file.name, digest: encodeHexLowerCase(sha256(bytes)), parsed };
}

export interface Preview {
	filename: string;
	digest: string;
	format: BankFormat;
	total: number;
	ready: number;
	invalid: number;
	unsupported: number;
	duplicates: number;
	needsLegalBasis: number;
	blocked: boolean;
	/** Which file-wide GIFT defaults are missing, to mark those fields. */
	missingTopic: boolean;
	missingDifficulty: boolean;
	problemCount: number;
	problems: DescribedProblem[];
}

export function buildPreview(
	upload: Omit<Upload, 'parsed'>,
	check: ImportCheck,
	locale: Locale
): Preview {
	const fileProblem = (code: string) =>
		check.problems.some((p) => p.position === 0 && p.code === code);
	return {
		filename: upload.filename,
		digest: upload.digest,
		format: check.format,
		total: check.total,
		ready: check.ready.length,
		invalid: check.invalid,
		unsupported: check.unsupported,
		duplicates: check.duplicates,
		needsLegalBasis: check.needsLegalBasis,
		blocked: check.blocked,
		missingTopic: fileProblem('bankio_gift_topic_required'),
		missingDifficulty: fileProblem('bankio_gift_difficulty_required'),
		problemCount: check.problems.length,
		problems: check.problems
			.slice(0, MAX_PROBLEMS_SHOWN)
			.map((p, i) => describeProblem(p, i, check.format, locale))
	};
}
