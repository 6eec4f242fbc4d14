// What every reader (XLSX, CSV, GIFT, JSON) hands to the import check, and what the check
// hands back: items with their position in the file, and problems named by message codes.
import type { QuestionStatus } from '../../db/schema/bank';
import type { QuestionInput } from '../question-input';

export const bankFormats = ['xlsx', 'csv', 'gift', 'json'] as const;
export type BankFormat = (typeof bankFormats)[number];

/** At most this much per file, in bytes and in questions. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_QUESTIONS = 10_000;

/** The tag that marks GIFT questions imported without a legal basis. */
export const NEEDS_LEGAL_BASIS_TAG = '待补法律依据';

export type ProblemField = keyof QuestionInput | 'history' | 'file';

/** `code` names the message `err_<code>`. */
export interface ItemProblem {
	field?: ProblemField;
	code: string;
	params?: Record<string, string | number>;
}

/** An earlier version kept in a JSON backup. */
export interface HistoryVersion {
	input: QuestionInput;
	createdAt?: Date;
	publishedAt?: Date;
}

export interface ImportItem {
	/** The spreadsheet row (header = 1) for XLSX/CSV, the question number for GIFT/JSON. */
	position: number;
	/** GIFT: the line the question starts on, and its ::title:: if any. */
	line?: number;
	title?: string;
	/** Absent when the question is a kind the bank cannot hold (see `unsupported`). */
	input?: QuestionInput;
	/** Problems found while reading (an unreadable value, a gap between options, …). */
	problems: ItemProblem[];
	/** A construct the bank cannot represent (GIFT numerical, matching, essay, …). */
	unsupported?: ItemProblem;
	/** Imported, but something was dropped (e.g. GIFT partial credit). */
	notes: ItemProblem[];
	/** GIFT: which of topic and difficulty come from the file-wide defaults. */
	needsTopic?: boolean;
	needsDifficulty?: boolean;
	/** GIFT: a missing legal basis makes a draft instead of an error. */
	legalBasisOptional?: boolean;
	/** JSON backups: earlier versions, oldest first, and the owning unit's code. */
	history?: HistoryVersion[];
	unitCode?: string;
}

export interface ParsedFile {
	format: BankFormat;
	items: ImportItem[];
}

/** How imported questions get their status: a fixed one, or the one written in the file. */
export type StatusChoice = QuestionStatus | 'file';
